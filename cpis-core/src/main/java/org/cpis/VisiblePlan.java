package org.cpis;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.immutables.value.Value;

/**
 * A plan as a health setting sees it (design rule 6): its type, dates, whether it is still in
 * force, and whom to call at the owning local authority.
 */
@Value.Immutable
public abstract class VisiblePlan {

  public abstract PlanId planId();

  public abstract PlanType type();

  public abstract LocalDate start();

  public abstract Optional<LocalDate> end();

  /** Whether the plan is in force on the day of the check (started and not yet ended). */
  public abstract boolean active();

  /**
   * The owning local authority with its name and phone numbers. If the plan's authority was never
   * registered (only possible when the store was filled around the engine), a stand-in named
   * after the ODS code with "not registered" numbers, so that the alert is still shown.
   */
  public abstract LocalAuthority localAuthority();

  /** For an unborn plan: the mother's expected delivery date. */
  public abstract Optional<LocalDate> expectedDeliveryDate();

  /**
   * The NHS number the plan is recorded under, when it is not the number checked: a number linked
   * to it (issue 12, {@link org.cpis.rules.NumberLinks}). {@code toString()} shows it masked.
   */
  public abstract Optional<NhsNumber> heldUnder();

  /** Whether the plan is held under a previous number of the one checked (superseded by it). */
  @Value.Default
  public boolean heldUnderPreviousNumber() {
    return false;
  }

  public static ImmutableVisiblePlan.Builder builder() {
    return ImmutableVisiblePlan.builder();
  }
}
