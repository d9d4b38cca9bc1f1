package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rule 4, by example. */
class UnbornLinkageTest {

  private static final NhsNumber MOTHER = NhsNumber.parse("943 476 5919");
  private static final NhsNumber BABY = NhsNumber.parse("401 023 2137");
  private static final LocalDate START = LocalDate.of(2024, 1, 10);
  private static final LocalDate DUE = LocalDate.of(2024, 6, 1);
  private static final LocalDate BORN = LocalDate.of(2024, 5, 28);

  private static final ProtectionPlan UNBORN =
      ProtectionPlan.builder()
          .id(PlanId.of(OdsCode.of("714"), "UCP-2024-0007"))
          .subject(MOTHER)
          .type(PlanType.UNBORN_CHILD_PROTECTION_PLAN)
          .start(START)
          .expectedDeliveryDate(DUE)
          .allocatedSocialWorker("jsmith42")
          .build();

  private static Birth birth(NhsNumber baby, LocalDate born) {
    return Birth.builder().babyNhsNumber(baby).dateOfBirth(born).build();
  }

  @Test
  @DisplayName("When the baby is born, the UCPP ends on the birth date and the baby's CPP starts that day, linked to it")
  void birthRecorded() {
    BirthRecorded recorded = UnbornLinkage.recordBirth(UNBORN, birth(BABY, BORN), BORN.plusDays(2)).value();
    assertThat(recorded.endedUnbornPlan().end()).contains(BORN);
    ProtectionPlan baby = recorded.babyPlan().orElseThrow();
    assertThat(baby.id()).isEqualTo(PlanId.of(OdsCode.of("714"), "UCP-2024-0007-BABY"));
    assertThat(baby.subject()).isEqualTo(BABY);
    assertThat(baby.type()).isEqualTo(PlanType.CHILD_PROTECTION_PLAN);
    assertThat(baby.start()).isEqualTo(BORN);
    assertThat(baby.childDateOfBirth()).contains(BORN);
    assertThat(baby.allocatedSocialWorker()).contains("jsmith42");
    assertThat(baby.linkedUnbornPlan()).contains(UNBORN.id());
  }

  @Test
  @DisplayName("The local authority may name the baby's plan")
  void namedBabyPlan() {
    Birth birth = Birth.builder().from(birth(BABY, BORN)).babyPlanReference("CP-2024-0100").build();
    assertThat(UnbornLinkage.recordBirth(UNBORN, birth, BORN).value().babyPlan().orElseThrow().id().localReference())
        .isEqualTo("CP-2024-0100");
  }

  @Test
  @DisplayName("When the local authority says no plan starts, only the UCPP ends")
  void noPlanForTheBaby() {
    Birth birth = Birth.builder().from(birth(BABY, BORN)).startChildProtectionPlan(false).build();
    BirthRecorded recorded = UnbornLinkage.recordBirth(UNBORN, birth, BORN).value();
    assertThat(recorded.babyPlan()).isEmpty();
    assertThat(recorded.endedUnbornPlan().end()).contains(BORN);
  }

  @Test
  @DisplayName("A birth may be recorded on the plan's start date and on the birth date itself")
  void boundaries() {
    assertThat(UnbornLinkage.recordBirth(UNBORN, birth(BABY, START), START).isAllowed()).isTrue();
  }

  @Test
  @DisplayName("A baby cannot have the mother's NHS number")
  void sameNumber() {
    assertThat(UnbornLinkage.recordBirth(UNBORN, birth(MOTHER, BORN), BORN).rejection())
        .contains(BirthRejection.SAME_NHS_NUMBER_AS_MOTHER);
  }

  @Test
  @DisplayName("A baby cannot be born before the unborn plan started")
  void beforeStart() {
    assertThat(UnbornLinkage.recordBirth(UNBORN, birth(BABY, START.minusDays(1)), BORN).rejection())
        .contains(BirthRejection.BIRTH_BEFORE_PLAN_START);
  }

  @Test
  @DisplayName("A birth cannot be recorded for tomorrow")
  void inFuture() {
    assertThat(UnbornLinkage.recordBirth(UNBORN, birth(BABY, BORN), BORN.minusDays(1)).rejection())
        .contains(BirthRejection.BIRTH_IN_FUTURE);
  }

  @Test
  @DisplayName("A birth cannot be recorded against a child protection plan")
  void notUnborn() {
    ProtectionPlan cpp =
        ProtectionPlan.builder()
            .id(PlanId.of(OdsCode.of("714"), "CP-1"))
            .subject(MOTHER)
            .type(PlanType.CHILD_PROTECTION_PLAN)
            .start(START)
            .build();
    assertThat(UnbornLinkage.recordBirth(cpp, birth(BABY, BORN), BORN).rejection())
        .contains(BirthRejection.NOT_AN_UNBORN_PLAN);
  }

  @Test
  @DisplayName("A birth cannot be recorded twice: the second time the UCPP has already ended")
  void twice() {
    ProtectionPlan ended = UnbornLinkage.recordBirth(UNBORN, birth(BABY, BORN), BORN).value().endedUnbornPlan();
    assertThat(UnbornLinkage.recordBirth(ended, birth(BABY, BORN), BORN).rejection())
        .contains(BirthRejection.PLAN_ALREADY_ENDED);
  }

  @Test
  @DisplayName("An open UCPP is 'birth not recorded' from the 15th day after the expected delivery date")
  void birthNotRecorded() {
    ServiceLevels levels = ServiceLevels.defaults();
    assertThat(UnbornLinkage.isBirthNotRecorded(UNBORN, DUE.plusDays(14), levels)).isFalse();
    assertThat(UnbornLinkage.isBirthNotRecorded(UNBORN, DUE.plusDays(15), levels)).isTrue();
    ProtectionPlan ended = ProtectionPlan.builder().from(UNBORN).end(BORN).build();
    assertThat(UnbornLinkage.isBirthNotRecorded(ended, DUE.plusDays(100), levels)).isFalse();
  }
}
