package org.cpis.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.immutables.value.Value;

/**
 * A valid upload record: the plan to add or update, or the id of a plan to delete, with the
 * demographics the record gave for matching against the national record.
 */
@Value.Immutable
public abstract class PlanChange {

  public abstract PlanId planId();

  /** The plan as uploaded; empty for a delete. */
  public abstract Optional<ProtectionPlan> plan();

  public abstract Optional<String> givenName();

  public abstract Optional<String> familyName();

  /** The subject's date of birth as uploaded. */
  public abstract Optional<LocalDate> dateOfBirth();

  public boolean isDelete() {
    return plan().isEmpty();
  }

  public static ImmutablePlanChange.Builder builder() {
    return ImmutablePlanChange.builder();
  }

  @Value.Check
  protected void check() {
    plan().ifPresent(p -> {
      if (!p.id().equals(planId())) {
        throw new IllegalArgumentException("a plan change names its plan's id");
      }
    });
  }
}
