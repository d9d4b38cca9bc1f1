package org.cpis.model;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A plan as a local authority published it: a child protection plan, a looked-after-child
 * episode, or an unborn child protection plan recorded under the mother's NHS number.
 *
 * <p>Invariants: every date is one {@link CpisDates} accepts (a four-digit year from {@value
 * CpisDates#FIRST_YEAR} to {@value CpisDates#LAST_YEAR}); the end is not before the start; an unborn plan has an expected delivery date
 * and no other plan type has one; only a plan that is not unborn can come from an unborn plan.
 */
@Value.Immutable
public abstract class ProtectionPlan {

  /** The local authority's ODS code and its own reference for the plan. */
  public abstract PlanId id();

  /** The child, or for an unborn plan the mother. */
  public abstract NhsNumber subject();

  public abstract PlanType type();

  public abstract LocalDate start();

  public abstract Optional<LocalDate> end();

  /** For an unborn plan: the mother's expected delivery date. */
  public abstract Optional<LocalDate> expectedDeliveryDate();

  /** The child's date of birth, when the local authority knows it. */
  public abstract Optional<LocalDate> childDateOfBirth();

  /** The allocated social worker's user id; when absent, notifications go to the MASH queue. */
  public abstract Optional<String> allocatedSocialWorker();

  /** For a baby's plan started at birth: the unborn plan it came from. */
  public abstract Optional<PlanId> linkedUnbornPlan();

  /**
   * The owning local authority (the ODS code within {@link #id()}). Read from the id, not kept as
   * a field of its own: a store holds hundreds of thousands of plans.
   */
  public OdsCode localAuthority() {
    return id().localAuthority();
  }

  public static ImmutableProtectionPlan.Builder builder() {
    return ImmutableProtectionPlan.builder();
  }

  /** Whether the plan has an end date on or before {@code date}. */
  public boolean hasEndedBy(LocalDate date) {
    return end().map(e -> !e.isAfter(date)).orElse(false);
  }

  @Value.Check
  protected void check() {
    CpisDates.require(start(), "start");
    end().ifPresent(e -> CpisDates.require(e, "end"));
    expectedDeliveryDate().ifPresent(d -> CpisDates.require(d, "expectedDeliveryDate"));
    childDateOfBirth().ifPresent(d -> CpisDates.require(d, "childDateOfBirth"));
    end().ifPresent(e -> Records.require(!e.isBefore(start()), "a plan cannot end before it starts"));
    Records.require(
        type().isUnborn() == expectedDeliveryDate().isPresent(),
        type().isUnborn()
            ? "an unborn child protection plan needs an expected delivery date"
            : "only an unborn child protection plan has an expected delivery date");
    Records.require(
        !(type().isUnborn() && linkedUnbornPlan().isPresent()),
        "an unborn child protection plan cannot come from another unborn plan");
    allocatedSocialWorker().ifPresent(w -> Records.requireText(w, "an allocated social worker"));
  }
}
