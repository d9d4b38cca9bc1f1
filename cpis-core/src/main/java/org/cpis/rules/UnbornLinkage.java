package org.cpis.rules;

import java.time.LocalDate;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;

/**
 * Design rule 4, unborn children: recording a birth ends the unborn plan on the birth date and,
 * unless the local authority says otherwise, starts a child protection plan for the baby under
 * the baby's NHS number, linked to the unborn plan, with the same local authority and social
 * worker. Mother and baby numbers must differ. An open unborn plan well past its expected
 * delivery date is reported as "birth not recorded".
 */
public final class UnbornLinkage {

  /** Appended to the unborn plan's reference to name the baby's plan, unless one is given. */
  public static final String BABY_REFERENCE_SUFFIX = "-BABY";

  private UnbornLinkage() {}

  /** The plans after recording {@code birth} against {@code unbornPlan}, or why it cannot be. */
  public static Decision<BirthRecorded, BirthRejection> recordBirth(
      ProtectionPlan unbornPlan, Birth birth, LocalDate today) {
    LocalDate born = birth.dateOfBirth();
    if (!unbornPlan.type().isUnborn()) {
      return Decision.reject(BirthRejection.NOT_AN_UNBORN_PLAN);
    }
    if (unbornPlan.end().isPresent()) {
      return Decision.reject(BirthRejection.PLAN_ALREADY_ENDED);
    }
    if (birth.babyNhsNumber().equals(unbornPlan.subject())) {
      return Decision.reject(BirthRejection.SAME_NHS_NUMBER_AS_MOTHER);
    }
    if (born.isBefore(unbornPlan.start())) {
      return Decision.reject(BirthRejection.BIRTH_BEFORE_PLAN_START);
    }
    if (born.isAfter(today)) {
      return Decision.reject(BirthRejection.BIRTH_IN_FUTURE);
    }
    ProtectionPlan ended = ProtectionPlan.builder().from(unbornPlan).end(born).build();
    if (!birth.startChildProtectionPlan()) {
      return Decision.allow(ImmutableBirthRecorded.of(ended, java.util.Optional.empty()));
    }
    String reference =
        birth
            .babyPlanReference()
            .orElse(unbornPlan.id().localReference() + BABY_REFERENCE_SUFFIX);
    ProtectionPlan baby =
        ProtectionPlan.builder()
            .id(PlanId.of(unbornPlan.localAuthority(), reference))
            .subject(birth.babyNhsNumber())
            .type(PlanType.CHILD_PROTECTION_PLAN)
            .start(born)
            .childDateOfBirth(born)
            .allocatedSocialWorker(unbornPlan.allocatedSocialWorker())
            .linkedUnbornPlan(unbornPlan.id())
            .build();
    return Decision.allow(ImmutableBirthRecorded.of(ended, java.util.Optional.of(baby)));
  }

  /**
   * Whether an unborn plan is still open more than {@link ServiceLevels#birthNotRecordedAfterDays()}
   * after its expected delivery date on {@code today}.
   */
  public static boolean isBirthNotRecorded(
      ProtectionPlan plan, LocalDate today, ServiceLevels levels) {
    return plan.type().isUnborn()
        && plan.end().isEmpty()
        && plan.expectedDeliveryDate()
            .map(edd -> today.isAfter(edd.plusDays(levels.birthNotRecordedAfterDays())))
            .orElse(false);
  }
}
