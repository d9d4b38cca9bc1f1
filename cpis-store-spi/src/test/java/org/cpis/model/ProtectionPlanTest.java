package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A plan's invariants: dates in order, and the expected delivery date only on unborn plans. */
class ProtectionPlanTest {

  private static final LocalDate START = LocalDate.of(2024, 3, 1);

  private static ImmutableProtectionPlan.Builder plan(PlanType type) {
    return ProtectionPlan.builder()
        .id(PlanId.of(OdsCode.of("714"), "CP-2024-0031"))
        .subject(NhsNumber.parse("943 476 5919"))
        .type(type)
        .start(START);
  }

  @Test
  @DisplayName("A plan cannot end before it starts")
  void endBeforeStart() {
    assertThatThrownBy(() -> plan(PlanType.CHILD_PROTECTION_PLAN).end(START.minusDays(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end before it starts");
  }

  @Test
  @DisplayName("A plan may end on the day it starts")
  void endOnStart() {
    assertThat(plan(PlanType.CHILD_PROTECTION_PLAN).end(START).build().end()).contains(START);
  }

  @Test
  @DisplayName("An unborn child protection plan needs an expected delivery date")
  void unbornNeedsExpectedDelivery() {
    assertThatThrownBy(() -> plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an expected delivery date");
    assertThat(
            plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN)
                .expectedDeliveryDate(START.plusMonths(5))
                .build()
                .expectedDeliveryDate())
        .contains(START.plusMonths(5));
  }

  @Test
  @DisplayName("Only an unborn child protection plan has an expected delivery date")
  void bornPlansHaveNoExpectedDelivery() {
    for (PlanType type : new PlanType[] {PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD}) {
      assertThatThrownBy(() -> plan(type).expectedDeliveryDate(START.plusMonths(5)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only an unborn");
    }
  }

  @Test
  @DisplayName("An unborn plan cannot come from another unborn plan")
  void unbornNotLinked() {
    assertThatThrownBy(
            () ->
                plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN)
                    .expectedDeliveryDate(START.plusMonths(5))
                    .linkedUnbornPlan(PlanId.of(OdsCode.of("714"), "UCP-1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("An allocated social worker cannot be blank")
  void blankSocialWorker() {
    assertThatThrownBy(() -> plan(PlanType.CHILD_PROTECTION_PLAN).allocatedSocialWorker(" ").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("A plan has ended by a date on or after its end date, and an open plan never has")
  void hasEndedBy() {
    ProtectionPlan ended = plan(PlanType.CHILD_PROTECTION_PLAN).end(START.plusDays(10)).build();
    assertThat(ended.hasEndedBy(START.plusDays(9))).isFalse();
    assertThat(ended.hasEndedBy(START.plusDays(10))).isTrue();
    assertThat(ended.hasEndedBy(START.plusDays(11))).isTrue();
    assertThat(plan(PlanType.CHILD_PROTECTION_PLAN).build().hasEndedBy(LocalDate.MAX)).isFalse();
  }

  @Test
  @DisplayName("A plan belongs to the local authority in its id")
  void localAuthorityFromId() {
    assertThat(plan(PlanType.LOOKED_AFTER_CHILD).build().localAuthority()).isEqualTo(OdsCode.of("714"));
  }

  @Test
  @DisplayName("A plan id and a record id need non-blank text")
  void idsNeedText() {
    assertThatThrownBy(() -> PlanId.of(OdsCode.of("714"), " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(PlanId.of(OdsCode.of("714"), "CP-1").value()).isEqualTo("714/CP-1");
  }
}
