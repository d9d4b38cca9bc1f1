package org.cpis.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.CpisDates;
import org.cpis.model.NhsNumber;
import org.immutables.value.Value;

/** A local authority's record that the baby of an unborn plan was born, on a date {@link CpisDates} accepts. */
@Value.Immutable
public abstract class Birth {

  public abstract NhsNumber babyNhsNumber();

  public abstract LocalDate dateOfBirth();

  /** Whether a child protection plan starts for the baby; yes unless the local authority says otherwise. */
  @Value.Default
  public boolean startChildProtectionPlan() {
    return true;
  }

  /**
   * The local authority's reference for the baby's plan; by default the unborn plan's reference
   * followed by {@code -BABY}.
   */
  public abstract Optional<String> babyPlanReference();

  @Value.Check
  protected void check() {
    CpisDates.require(dateOfBirth(), "dateOfBirth");
  }

  public static ImmutableBirth.Builder builder() {
    return ImmutableBirth.builder();
  }
}
