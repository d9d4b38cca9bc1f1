package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.ImmutableProtectionPlan;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /**
   * One row per sentence of the rule: the plan, and the last day it is shown under the national
   * defaults. Each row checks that day is the last visible one, that the plan is shown on it and
   * hidden the day after, and that it has expired the day after and not before.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # sentence                                                                                                        | type | start      | end        | due        | born       | last visible
          A child protection plan that ended on 31 March 2023 is shown until 29 March 2024, 364 days later                  | CPPI | 2022-06-01 | 2023-03-31 |            |            | 2024-03-29
          A looked-after episode that ended on 29 February 2024 is shown on 27 February 2025 and hidden on 28 February 2025 | LACI | 2023-01-01 | 2024-02-29 |            |            | 2025-02-27
          An ended unborn plan is shown for 28 days after its end and hidden on the 29th                                    | UCPI | 2024-01-10 | 2024-05-20 | 2024-06-01 |            | 2024-06-17
          An unborn plan ended by a birth after the expected delivery date is shown for 28 days after its end               | UCPI | 2024-01-10 | 2024-06-20 | 2024-06-01 |            | 2024-07-18
          An open unborn plan is shown until 28 days after the expected delivery date                                       | UCPI | 2024-01-10 |            | 2024-06-01 |            | 2024-06-29
          A plan stops being shown on the child's 18th birthday, even while it is open                                      | LACI | 2020-01-01 |            |            | 2006-07-15 | 2024-07-14
          A child born on 29 February 2004 is 18 on 1 March 2022: still shown on 28 February, hidden from 1 March           | CPPI | 2015-01-01 |            |            | 2004-02-29 | 2022-02-28
          The earliest of the retention end and the 18th birthday wins                                                      | CPPI | 2020-01-01 | 2023-12-31 |            | 2006-03-01 | 2024-02-29
          """)
  void lastVisibleDay(
      String sentence, String typeCode, LocalDate start, LocalDate end, LocalDate due, LocalDate born, LocalDate last) {
    ProtectionPlan p =
        plan(PlanType.fromCode(typeCode).orElseThrow(), start)
            .end(Optional.ofNullable(end))
            .expectedDeliveryDate(Optional.ofNullable(due))
            .childDateOfBirth(Optional.ofNullable(born))
            .build();
    LocalDate dayAfter = last.plusDays(1);
    assertThat(Visibility.lastVisibleDay(p, DEFAULTS)).contains(last);
    assertThat(Visibility.isVisible(p, last, DEFAULTS)).as("shown on %s", last).isTrue();
    assertThat(Visibility.isVisible(p, dayAfter, DEFAULTS)).as("hidden on %s", dayAfter).isFalse();
    assertThat(Visibility.hasExpired(p, last, DEFAULTS)).as("not expired on %s", last).isFalse();
    assertThat(Visibility.hasExpired(p, dayAfter, DEFAULTS)).as("expired on %s", dayAfter).isTrue();
  }

  @Test
  @DisplayName("An open plan hidden by the 18th birthday or the expected delivery date is still active")
  void hiddenButActive() {
    ProtectionPlan adult =
        plan(PlanType.LOOKED_AFTER_CHILD, LocalDate.of(2020, 1, 1))
            .childDateOfBirth(LocalDate.of(2006, 7, 15))
            .build();
    assertThat(Visibility.isVisible(adult, LocalDate.of(2024, 7, 15), DEFAULTS)).isFalse();
    assertThat(Visibility.isActive(adult, LocalDate.of(2024, 7, 15))).isTrue();
    ProtectionPlan overdue =
        plan(PlanType.UNBORN_CHILD_PROTECTION_PLAN, LocalDate.of(2024, 1, 10))
            .expectedDeliveryDate(LocalDate.of(2024, 6, 1))
            .build();
    assertThat(Visibility.isVisible(overdue, LocalDate.of(2024, 6, 30), DEFAULTS)).isFalse();
    assertThat(Visibility.isActive(overdue, LocalDate.of(2024, 6, 30))).isTrue();
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
