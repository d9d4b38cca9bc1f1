package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rule 4, unborn children: a birth ends the UCPP on the birth date and starts a CPP for the
 * baby under the baby's number, linked to the UCPP; mother and baby numbers differ.
 */
class UnbornLinkageProperties {

  /** An open unborn plan, a birth that may be recorded against it, and the day it is recorded. */
  static final class Scenario {
    final ProtectionPlan unborn;
    final Birth birth;
    final LocalDate today;

    Scenario(ProtectionPlan unborn, Birth birth, LocalDate today) {
      this.unborn = unborn;
      this.birth = birth;
      this.today = today;
    }

    @Override
    public String toString() {
      return "Scenario{plan=" + unborn.id() + ", start=" + unborn.start() + ", born="
          + birth.dateOfBirth() + ", today=" + today + ", startCpp=" + birth.startChildProtectionPlan()
          + ", reference=" + birth.babyPlanReference() + '}';
    }
  }

  @Property
  @Label("a birth ends the UCPP on the birth date and changes nothing else about it")
  void birthEndsTheUnbornPlan(@ForAll("validBirths") Scenario s) {
    Decision<BirthRecorded, BirthRejection> decision = UnbornLinkage.recordBirth(s.unborn, s.birth, s.today);
    assertThat(decision.isAllowed()).isTrue();
    ProtectionPlan ended = decision.value().endedUnbornPlan();
    assertThat(ended.end()).contains(s.birth.dateOfBirth());
    assertThat(ProtectionPlan.builder().from(ended).end(Optional.empty()).build()).isEqualTo(s.unborn);
  }

  @Property
  @Label("a birth starts a CPP for the baby, linked to the UCPP, same LA and social worker, from the birth date")
  void birthStartsTheBabysPlan(@ForAll("validBirths") Scenario s) {
    Assume.that(s.birth.startChildProtectionPlan());
    BirthRecorded recorded = UnbornLinkage.recordBirth(s.unborn, s.birth, s.today).value();
    ProtectionPlan baby = recorded.babyPlan().orElseThrow();
    assertThat(baby.subject()).isEqualTo(s.birth.babyNhsNumber()).isNotEqualTo(s.unborn.subject());
    assertThat(baby.type()).isEqualTo(PlanType.CHILD_PROTECTION_PLAN);
    assertThat(baby.linkedUnbornPlan()).contains(s.unborn.id());
    assertThat(baby.localAuthority()).isEqualTo(s.unborn.localAuthority());
    assertThat(baby.allocatedSocialWorker()).isEqualTo(s.unborn.allocatedSocialWorker());
    assertThat(baby.start()).isEqualTo(s.birth.dateOfBirth());
    assertThat(baby.childDateOfBirth()).contains(s.birth.dateOfBirth());
    assertThat(baby.end()).isEmpty();
    assertThat(baby.expectedDeliveryDate()).isEmpty();
    assertThat(baby.id().localReference())
        .isEqualTo(
            s.birth.babyPlanReference()
                .orElse(s.unborn.id().localReference() + UnbornLinkage.BABY_REFERENCE_SUFFIX));
    assertThat(Visibility.isVisible(baby, s.birth.dateOfBirth(), RetentionPolicy.defaults())).isTrue();
  }

  @Property
  @Label("recording a birth never loses the unborn plan and never puts a plan under the mother's number but the UCPP")
  void neverLosesOrMislinks(@ForAll("validBirths") Scenario s) {
    BirthRecorded recorded = UnbornLinkage.recordBirth(s.unborn, s.birth, s.today).value();
    assertThat(recorded.endedUnbornPlan().id()).isEqualTo(s.unborn.id());
    assertThat(recorded.endedUnbornPlan().subject()).isEqualTo(s.unborn.subject());
    recorded.babyPlan().ifPresent(baby -> assertThat(baby.subject()).isNotEqualTo(s.unborn.subject()));
  }

  @Property
  @Label("by default the baby's plan has an id of its own, so the UCPP is not overwritten")
  void defaultBabyPlanIdDiffers(@ForAll("validBirths") Scenario s) {
    Birth byDefault = Birth.builder().from(s.birth).babyPlanReference(Optional.empty()).startChildProtectionPlan(true).build();
    ProtectionPlan baby = UnbornLinkage.recordBirth(s.unborn, byDefault, s.today).value().babyPlan().orElseThrow();
    assertThat(baby.id()).isNotEqualTo(s.unborn.id());
  }

  @Property
  @Label("when the local authority says no, no plan starts for the baby")
  void noBabyPlanWhenTheLocalAuthoritySaysNo(@ForAll("validBirths") Scenario s) {
    Birth withoutPlan = Birth.builder().from(s.birth).startChildProtectionPlan(false).build();
    BirthRecorded recorded = UnbornLinkage.recordBirth(s.unborn, withoutPlan, s.today).value();
    assertThat(recorded.babyPlan()).isEmpty();
    assertThat(recorded.endedUnbornPlan().end()).contains(s.birth.dateOfBirth());
  }

  @Property
  @Label("the baby's number must differ from the mother's")
  void sameNumberRejected(@ForAll("validBirths") Scenario s) {
    Birth sameNumber = Birth.builder().from(s.birth).babyNhsNumber(s.unborn.subject()).build();
    assertThat(UnbornLinkage.recordBirth(s.unborn, sameNumber, s.today).rejection())
        .contains(BirthRejection.SAME_NHS_NUMBER_AS_MOTHER);
  }

  @Property
  @Label("a birth before the UCPP started is rejected")
  void birthBeforeStartRejected(
      @ForAll("validBirths") Scenario s, @ForAll @IntRange(min = 1, max = 1000) int daysBefore) {
    Birth early = Birth.builder().from(s.birth).dateOfBirth(s.unborn.start().minusDays(daysBefore)).build();
    assertThat(UnbornLinkage.recordBirth(s.unborn, early, s.today).rejection())
        .contains(BirthRejection.BIRTH_BEFORE_PLAN_START);
  }

  @Property
  @Label("a birth after today is rejected")
  void birthInFutureRejected(
      @ForAll("validBirths") Scenario s, @ForAll @IntRange(min = 1, max = 1000) int daysEarlier) {
    assertThat(UnbornLinkage.recordBirth(s.unborn, s.birth, s.birth.dateOfBirth().minusDays(daysEarlier)).rejection())
        .contains(BirthRejection.BIRTH_IN_FUTURE);
  }

  @Property
  @Label("a birth cannot be recorded against a plan that is not unborn")
  void notUnbornRejected(@ForAll("validBirths") Scenario s, @ForAll("bornPlans") ProtectionPlan born) {
    assertThat(UnbornLinkage.recordBirth(born, s.birth, s.today).rejection())
        .contains(BirthRejection.NOT_AN_UNBORN_PLAN);
  }

  @Property
  @Label("a birth cannot be recorded against an unborn plan that has already ended")
  void alreadyEndedRejected(@ForAll("validBirths") Scenario s, @ForAll @IntRange(max = 300) int length) {
    ProtectionPlan ended = ProtectionPlan.builder().from(s.unborn).end(s.unborn.start().plusDays(length)).build();
    assertThat(UnbornLinkage.recordBirth(ended, s.birth, s.today).rejection())
        .contains(BirthRejection.PLAN_ALREADY_ENDED);
  }

  @Property
  @Label("an open UCPP is 'birth not recorded' exactly when today is more than the allowed days after the expected delivery")
  void birthNotRecordedBoundary(
      @ForAll("openUnbornPlans") ProtectionPlan plan,
      @ForAll @IntRange(max = 60) int allowed,
      @ForAll @IntRange(min = -100, max = 100) int offset) {
    ServiceLevels levels = ServiceLevels.builder().birthNotRecordedAfterDays(allowed).build();
    LocalDate edd = plan.expectedDeliveryDate().orElseThrow();
    LocalDate today = edd.plusDays(allowed + offset);
    assertThat(UnbornLinkage.isBirthNotRecorded(plan, today, levels)).isEqualTo(offset > 0);
  }

  @Property
  @Label("an ended UCPP, or any other plan, is never 'birth not recorded'")
  void onlyOpenUnbornPlansAreReported(
      @ForAll("anyPlans") ProtectionPlan plan, @ForAll @IntRange(max = 5000) int days) {
    Assume.that(!plan.type().isUnborn() || plan.end().isPresent());
    assertThat(UnbornLinkage.isBirthNotRecorded(plan, plan.start().plusDays(days), ServiceLevels.defaults()))
        .isFalse();
  }

  // ------------------------------------------------------------ generators

  @Provide
  Arbitrary<Scenario> validBirths() {
    return Combinators.combine(
            CpisArbitraries.openPlans(PlanType.UNBORN_CHILD_PROTECTION_PLAN),
            CpisArbitraries.nhsNumbers(),
            Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 100),
            Arbitraries.of(true, false),
            CpisArbitraries.localReferences().optional(0.3))
        .as(
            (unborn, baby, bornAfterStart, recordedAfterBirth, startPlan, reference) -> {
              LocalDate born = unborn.start().plusDays(bornAfterStart);
              Birth birth =
                  Birth.builder()
                      .babyNhsNumber(baby)
                      .dateOfBirth(born)
                      .startChildProtectionPlan(startPlan)
                      .babyPlanReference(reference)
                      .build();
              return new Scenario(unborn, birth, born.plusDays(recordedAfterBirth));
            })
        .filter(s -> !s.birth.babyNhsNumber().equals(s.unborn.subject()))
        .filter(s -> !s.birth.babyPlanReference().equals(Optional.of(s.unborn.id().localReference())));
  }

  @Provide
  Arbitrary<ProtectionPlan> openUnbornPlans() {
    return CpisArbitraries.openPlans(PlanType.UNBORN_CHILD_PROTECTION_PLAN);
  }

  @Provide
  Arbitrary<ProtectionPlan> bornPlans() {
    return Arbitraries.of(PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD)
        .flatMap(CpisArbitraries::openPlans);
  }

  @Provide
  Arbitrary<ProtectionPlan> anyPlans() {
    return CpisArbitraries.plans();
  }
}
