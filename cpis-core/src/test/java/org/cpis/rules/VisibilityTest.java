package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cpis.model.ImmutableProtectionPlan;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rule 3, by example. */
class VisibilityTest {

  private static final RetentionPolicy DEFAULTS = RetentionPolicy.defaults();

  private static ImmutableProtectionPlan.Builder plan(PlanType type, LocalDate start) {
    return ProtectionPlan.builder()
        .id(PlanId.of(OdsCode.of("714"), "CP-2023-0001"))
        .subject(NhsNumber.parse("943 476 5919"))
        .type(type)
        .start(start);
  }

  @Test
  @DisplayName("A child protection plan that ended on 31 March 2023 is shown until 29 March 2024, 364 days later")
  void cppRetention() {
    ProtectionPlan p =
        plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2022, 6, 1)).end(LocalDate.of(2023, 3, 31)).build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 3, 29), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 3, 30), DEFAULTS)).isFalse();
    assertThat(Visibility.hasExpired(p, LocalDate.of(2024, 3, 30), DEFAULTS)).isTrue();
    assertThat(Visibility.hasExpired(p, LocalDate.of(2024, 3, 29), DEFAULTS)).isFalse();
  }

  @Test
  @DisplayName("A looked-after episode that ended on 29 February 2024 is shown on 27 February 2025 and hidden on 28 February 2025")
  void lacEndingOnLeapDay() {
    ProtectionPlan p =
        plan(PlanType.LOOKED_AFTER_CHILD, LocalDate.of(2023, 1, 1)).end(LocalDate.of(2024, 2, 29)).build();
    assertThat(Visibility.lastVisibleDay(p, DEFAULTS)).contains(LocalDate.of(2025, 2, 27));
    assertThat(Visibility.isVisible(p, LocalDate.of(2025, 2, 27), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2025, 2, 28), DEFAULTS)).isFalse();
  }

  @Test
  @DisplayName("An ended unborn plan is shown for 28 days after its end and hidden on the 29th")
  void endedUcpp() {
    ProtectionPlan p =
        plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN, LocalDate.of(2024, 1, 10))
            .expectedDeliveryDate(LocalDate.of(2024, 6, 1))
            .end(LocalDate.of(2024, 5, 20))
            .build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 6, 17), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 6, 18), DEFAULTS)).isFalse();
  }

  @Test
  @DisplayName("An open unborn plan is shown until 28 days after the expected delivery date")
  void openUcpp() {
    ProtectionPlan p =
        plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN, LocalDate.of(2024, 1, 10))
            .expectedDeliveryDate(LocalDate.of(2024, 6, 1))
            .build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 6, 29), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 6, 30), DEFAULTS)).isFalse();
    assertThat(Visibility.isActive(p, LocalDate.of(2024, 6, 30))).isTrue();
  }

  @Test
  @DisplayName("A plan is not shown before its start date")
  void beforeStart() {
    ProtectionPlan p = plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2024, 4, 1)).build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 3, 31), DEFAULTS)).isFalse();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 4, 1), DEFAULTS)).isTrue();
    assertThat(Visibility.hasExpired(p, LocalDate.of(2024, 3, 31), DEFAULTS)).isFalse();
  }

  @Test
  @DisplayName("A plan stops being shown on the child's 18th birthday, even while it is open")
  void eighteenthBirthday() {
    ProtectionPlan p =
        plan(PlanType.LOOKED_AFTER_CHILD, LocalDate.of(2020, 1, 1))
            .childDateOfBirth(LocalDate.of(2006, 7, 15))
            .build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 7, 14), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 7, 15), DEFAULTS)).isFalse();
    assertThat(Visibility.isActive(p, LocalDate.of(2024, 7, 15))).isTrue();
  }

  @Test
  @DisplayName("A child born on 29 February 2004 is 18 on 1 March 2022: still shown on 28 February, hidden from 1 March")
  void leapDayBirthday() {
    ProtectionPlan p =
        plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2015, 1, 1))
            .childDateOfBirth(LocalDate.of(2004, 2, 29))
            .build();
    assertThat(Visibility.lastVisibleDay(p, DEFAULTS)).contains(LocalDate.of(2022, 2, 28));
    assertThat(Visibility.isVisible(p, LocalDate.of(2022, 2, 28), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2022, 3, 1), DEFAULTS)).isFalse();
  }

  @Test
  @DisplayName("The earliest of the retention end and the 18th birthday wins")
  void earliestCutOffWins() {
    ProtectionPlan p =
        plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2020, 1, 1))
            .end(LocalDate.of(2023, 12, 31))
            .childDateOfBirth(LocalDate.of(2006, 3, 1))
            .build();
    assertThat(Visibility.lastVisibleDay(p, DEFAULTS)).contains(LocalDate.of(2024, 2, 29));
  }

  @Test
  @DisplayName("A deployment that keeps ended plans for 30 days hides them on the 31st")
  void configuredPolicy() {
    RetentionPolicy policy = RetentionPolicy.builder().endedPlanDays(30).build();
    ProtectionPlan p =
        plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2024, 1, 1)).end(LocalDate.of(2024, 3, 1)).build();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 3, 31), policy)).isTrue();
    assertThat(Visibility.isVisible(p, LocalDate.of(2024, 4, 1), policy)).isFalse();
  }

  @Test
  @DisplayName("A plan is active from its start and no longer on its end date")
  void active() {
    ProtectionPlan p =
        plan(PlanType.CHILD_PROTECTION_PLAN, LocalDate.of(2024, 1, 1)).end(LocalDate.of(2024, 3, 1)).build();
    assertThat(Visibility.isActive(p, LocalDate.of(2023, 12, 31))).isFalse();
    assertThat(Visibility.isActive(p, LocalDate.of(2024, 1, 1))).isTrue();
    assertThat(Visibility.isActive(p, LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(Visibility.isActive(p, LocalDate.of(2024, 3, 1))).isFalse();
  }

  @Test
  @DisplayName("The national retention defaults are 364, 28 and 28 days and the age of 18")
  void defaults() {
    assertThat(DEFAULTS.endedPlanDays()).isEqualTo(364);
    assertThat(DEFAULTS.endedUnbornPlanDays()).isEqualTo(28);
    assertThat(DEFAULTS.openUnbornPlanDaysAfterExpectedDelivery()).isEqualTo(28);
    assertThat(DEFAULTS.ageOfMajority()).isEqualTo(18);
  }

  @Test
  @DisplayName("A retention policy refuses negative periods and an age below 1")
  void policyRefusesNegatives() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionPolicy.builder().endedPlanDays(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionPolicy.builder().ageOfMajority(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
