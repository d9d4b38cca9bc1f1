package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
 * Design rule 3, visibility and retention: shown from the start; after the end, for 364 days (CPP
 * and LAC) or 28 days (UCPP); an open UCPP until 28 days after the expected delivery date; never
 * from the 18th birthday. The periods come from {@link RetentionPolicy}.
 */
class VisibilityProperties {

  private static final RetentionPolicy DEFAULTS = RetentionPolicy.defaults();

  @Property
  @Label("an ended CPP or LAC is visible on end + 364 and hidden on end + 365, for any end date")
  void endedBornPlanBoundary(@ForAll("endedBornPlans") ProtectionPlan plan) {
    LocalDate end = plan.end().orElseThrow();
    assertThat(Visibility.isVisible(plan, end.plusDays(364), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(plan, end.plusDays(365), DEFAULTS)).isFalse();
    assertThat(Visibility.lastVisibleDay(plan, DEFAULTS)).contains(end.plusDays(364));
  }

  @Property
  @Label("an ended CPP or LAC is visible on every day from its start to end + 364")
  void endedBornPlanVisibleThroughout(
      @ForAll("endedBornPlans") ProtectionPlan plan, @ForAll @IntRange(max = 4000) int offset) {
    LocalDate day = plan.start().plusDays(offset);
    boolean inWindow = !day.isAfter(plan.end().orElseThrow().plusDays(364));
    assertThat(Visibility.isVisible(plan, day, DEFAULTS)).isEqualTo(inWindow);
  }

  @Property
  @Label("an ended UCPP is visible on end + 28 and hidden on end + 29")
  void endedUnbornPlanBoundary(@ForAll("endedUnbornPlans") ProtectionPlan plan) {
    LocalDate end = plan.end().orElseThrow();
    assertThat(Visibility.isVisible(plan, end.plusDays(28), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(plan, end.plusDays(29), DEFAULTS)).isFalse();
  }

  @Property
  @Label("an open UCPP is visible on expected delivery + 28 and hidden on expected delivery + 29")
  void openUnbornPlanBoundary(@ForAll("openUnbornPlans") ProtectionPlan plan) {
    LocalDate edd = plan.expectedDeliveryDate().orElseThrow();
    assertThat(Visibility.isVisible(plan, edd.plusDays(28), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(plan, edd.plusDays(29), DEFAULTS)).isFalse();
  }

  @Property
  @Label("an open CPP or LAC without a date of birth stays visible")
  void openBornPlanStaysVisible(
      @ForAll("openBornPlansWithoutBirthDate") ProtectionPlan plan,
      @ForAll @IntRange(max = 100_000) int offset) {
    assertThat(Visibility.lastVisibleDay(plan, DEFAULTS)).isEmpty();
    assertThat(Visibility.isVisible(plan, plan.start().plusDays(offset), DEFAULTS)).isTrue();
    assertThat(Visibility.hasExpired(plan, plan.start().plusDays(offset), DEFAULTS)).isFalse();
  }

  @Property
  @Label("no plan is visible before its start")
  void invisibleBeforeStart(
      @ForAll("anyPlans") ProtectionPlan plan, @ForAll @IntRange(min = 1, max = 10_000) int daysBefore) {
    assertThat(Visibility.isVisible(plan, plan.start().minusDays(daysBefore), DEFAULTS)).isFalse();
  }

  @Property
  @Label("a plan is visible on its start day unless its visibility already ended")
  void visibleOnStart(@ForAll("anyPlans") ProtectionPlan plan) {
    boolean cutBeforeStart =
        Visibility.lastVisibleDay(plan, DEFAULTS).filter(last -> last.isBefore(plan.start())).isPresent();
    assertThat(Visibility.isVisible(plan, plan.start(), DEFAULTS)).isEqualTo(!cutBeforeStart);
  }

  /**
   * The 18th birthday is the anniversary of the date of birth; for a 29 February birth in a year
   * without 29 February it is 1 March (English law), never 28 February.
   */
  @Property
  @Label("a plan is visible the day before the 18th birthday and hidden from it on")
  void hiddenFromEighteenthBirthday(
      @ForAll("openBornPlansWithBirthDate") ProtectionPlan plan,
      @ForAll @IntRange(max = 10_000) int daysAfterBirthday) {
    LocalDate birthday = anniversary(plan.childDateOfBirth().orElseThrow(), 18);
    assertThat(Visibility.isVisible(plan, birthday.minusDays(1), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(plan, birthday.plusDays(daysAfterBirthday), DEFAULTS)).isFalse();
  }

  @Property
  @Label("a child born on 29 February is still shown on 28 February of the 18th year and hidden from 1 March")
  void leapDayBirthday(@ForAll("leapDays") LocalDate dateOfBirth, @ForAll("bornTypes") PlanType type) {
    ProtectionPlan plan = planOfType(type).childDateOfBirth(dateOfBirth).start(dateOfBirth).build();
    LocalDate eighteenth = LocalDate.of(dateOfBirth.getYear() + 18, 3, 1);
    assertThat(Visibility.birthday(dateOfBirth, 18)).isEqualTo(eighteenth);
    assertThat(Visibility.isVisible(plan, eighteenth.minusDays(1), DEFAULTS)).isTrue();
    assertThat(Visibility.isVisible(plan, eighteenth, DEFAULTS)).isFalse();
    assertThat(Visibility.isVisible(plan, eighteenth.plusDays(1), DEFAULTS)).isFalse();
  }

  @Property
  @Label("after the end date, once hidden a plan is never visible again")
  void monotoneAfterEnd(
      @ForAll("anyPlans") ProtectionPlan plan,
      @ForAll @IntRange(max = 2000) int first,
      @ForAll @IntRange(max = 2000) int later) {
    LocalDate end = plan.end().orElse(plan.start());
    LocalDate day = end.plusDays(first);
    if (!Visibility.isVisible(plan, day, DEFAULTS)) {
      assertThat(Visibility.isVisible(plan, day.plusDays(later), DEFAULTS)).isFalse();
    }
  }

  @Property
  @Label("the days a plan is visible are one unbroken run from its start")
  void visibleDaysAreAnInterval(
      @ForAll("anyPlans") ProtectionPlan plan,
      @ForAll @IntRange(max = 8000) int first,
      @ForAll @IntRange(max = 8000) int later) {
    LocalDate day = plan.start().plusDays(first);
    LocalDate laterDay = day.plusDays(later);
    if (Visibility.isVisible(plan, laterDay, DEFAULTS)) {
      assertThat(Visibility.isVisible(plan, day, DEFAULTS)).isTrue();
    }
  }

  @Property
  @Label("a configured retention policy moves every boundary accordingly")
  void configurablePolicy(
      @ForAll("policies") RetentionPolicy policy, @ForAll("endedBornPlans") ProtectionPlan born,
      @ForAll("endedUnbornPlans") ProtectionPlan ended, @ForAll("openUnbornPlans") ProtectionPlan open) {
    LocalDate end = born.end().orElseThrow();
    assertThat(Visibility.isVisible(born, end.plusDays(policy.endedPlanDays()), policy)).isTrue();
    assertThat(Visibility.isVisible(born, end.plusDays(policy.endedPlanDays() + 1), policy)).isFalse();
    LocalDate unbornEnd = ended.end().orElseThrow();
    assertThat(Visibility.isVisible(ended, unbornEnd.plusDays(policy.endedUnbornPlanDays()), policy)).isTrue();
    assertThat(Visibility.isVisible(ended, unbornEnd.plusDays(policy.endedUnbornPlanDays() + 1), policy))
        .isFalse();
    LocalDate edd = open.expectedDeliveryDate().orElseThrow();
    int afterDelivery = policy.openUnbornPlanDaysAfterExpectedDelivery();
    assertThat(Visibility.isVisible(open, edd.plusDays(afterDelivery), policy)).isTrue();
    assertThat(Visibility.isVisible(open, edd.plusDays(afterDelivery + 1), policy)).isFalse();
  }

  @Property
  @Label("a configured age of majority moves the birthday cut-off")
  void configurableAge(
      @ForAll("policies") RetentionPolicy policy, @ForAll("openBornPlansWithBirthDate") ProtectionPlan plan) {
    LocalDate birthday = anniversary(plan.childDateOfBirth().orElseThrow(), policy.ageOfMajority());
    if (!birthday.minusDays(1).isBefore(plan.start())) {
      assertThat(Visibility.isVisible(plan, birthday.minusDays(1), policy)).isTrue();
    }
    assertThat(Visibility.isVisible(plan, birthday, policy)).isFalse();
  }

  @Property
  @Label("a plan has expired exactly when it is not visible and the day is after its last visible day")
  void expiredMeansHiddenAfterTheLastDay(
      @ForAll("anyPlans") ProtectionPlan plan, @ForAll @IntRange(min = -500, max = 8000) int offset) {
    LocalDate day = plan.start().plusDays(offset);
    boolean expired = Visibility.hasExpired(plan, day, DEFAULTS);
    boolean afterLast =
        Visibility.lastVisibleDay(plan, DEFAULTS).map(last -> day.isAfter(last)).orElse(false);
    assertThat(expired).isEqualTo(!Visibility.isVisible(plan, day, DEFAULTS) && afterLast);
    if (!day.isBefore(plan.start())) {
      assertThat(expired).isEqualTo(!Visibility.isVisible(plan, day, DEFAULTS));
    }
    if (expired) {
      assertThat(Visibility.hasExpired(plan, day.plusDays(1 + Math.abs(offset) % 1000), DEFAULTS)).isTrue();
    }
  }

  @Property
  @Label("a plan is active from its start up to the day before its end")
  void activeBetweenStartAndEnd(
      @ForAll("anyPlans") ProtectionPlan plan, @ForAll @IntRange(min = -500, max = 8000) int offset) {
    LocalDate day = plan.start().plusDays(offset);
    boolean expected = !day.isBefore(plan.start()) && plan.end().map(day::isBefore).orElse(true);
    assertThat(Visibility.isActive(plan, day)).isEqualTo(expected);
  }

  // ------------------------------------------------------------ generators

  @Provide
  Arbitrary<ProtectionPlan> anyPlans() {
    return CpisArbitraries.plans();
  }

  /** CPP and LAC with an end date drawn from all dates (leap days weighted), no date of birth. */
  @Provide
  Arbitrary<ProtectionPlan> endedBornPlans() {
    return Combinators.combine(
            Arbitraries.of(PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD)
                .flatMap(CpisArbitraries::plans),
            CpisArbitraries.dates(),
            Arbitraries.integers().between(0, 3000))
        .as(
            (plan, end, length) ->
                ProtectionPlan.builder()
                    .from(plan)
                    .start(end.minusDays(length))
                    .end(end)
                    .childDateOfBirth(Optional.empty())
                    .build());
  }

  @Provide
  Arbitrary<ProtectionPlan> endedUnbornPlans() {
    return Combinators.combine(
            CpisArbitraries.unbornPlans(), CpisArbitraries.dates(), Arbitraries.integers().between(0, 300))
        .as(
            (plan, end, length) ->
                ProtectionPlan.builder()
                    .from(plan)
                    .start(end.minusDays(length))
                    .expectedDeliveryDate(end.minusDays(length).plusDays(1 + length % 280))
                    .end(end)
                    .build());
  }

  @Provide
  Arbitrary<ProtectionPlan> openUnbornPlans() {
    return CpisArbitraries.openPlans(PlanType.UNBORN_CHILD_PROTECTION_PLAN);
  }

  @Provide
  Arbitrary<ProtectionPlan> openBornPlansWithoutBirthDate() {
    return Arbitraries.of(PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD)
        .flatMap(CpisArbitraries::openPlans)
        .map(p -> ProtectionPlan.builder().from(p).childDateOfBirth(Optional.empty()).build());
  }

  /** Open CPP and LAC of a child born on any date (leap days weighted), started before 18. */
  @Provide
  Arbitrary<ProtectionPlan> openBornPlansWithBirthDate() {
    return Combinators.combine(
            Arbitraries.of(PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD)
                .flatMap(CpisArbitraries::openPlans),
            CpisArbitraries.dates(),
            Arbitraries.integers().between(0, 18 * 365 - 1))
        .as(
            (plan, born, age) ->
                ProtectionPlan.builder()
                    .from(plan)
                    .childDateOfBirth(born)
                    .start(born.plusDays(age))
                    .build());
  }

  @Provide
  Arbitrary<LocalDate> leapDays() {
    return CpisArbitraries.leapDays();
  }

  @Provide
  Arbitrary<RetentionPolicy> policies() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2000),
            Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(1, 25))
        .as(
            (ended, unborn, open, age) ->
                RetentionPolicy.builder()
                    .endedPlanDays(ended)
                    .endedUnbornPlanDays(unborn)
                    .openUnbornPlanDaysAfterExpectedDelivery(open)
                    .ageOfMajority(age)
                    .build());
  }

  private static org.cpis.model.ImmutableProtectionPlan.Builder planOfType(PlanType type) {
    return ProtectionPlan.builder()
        .id(org.cpis.model.PlanId.of(org.cpis.model.OdsCode.of("714"), "CP-1"))
        .subject(org.cpis.model.NhsNumber.parse("9434765919"))
        .type(type)
        .expectedDeliveryDate(type.isUnborn() ? Optional.of(LocalDate.of(2040, 1, 1)) : Optional.empty());
  }

  @Provide
  Arbitrary<PlanType> bornTypes() {
    return Arbitraries.of(PlanType.CHILD_PROTECTION_PLAN, PlanType.LOOKED_AFTER_CHILD);
  }

  /** The birthday written out independently of {@link Visibility#birthday}: same day and month, or 1 March for a leap day in a common year. */
  private static LocalDate anniversary(LocalDate dateOfBirth, int years) {
    int year = dateOfBirth.getYear() + years;
    boolean leapDay = dateOfBirth.getMonthValue() == 2 && dateOfBirth.getDayOfMonth() == 29;
    return leapDay && !java.time.Year.isLeap(year)
        ? LocalDate.of(year, 3, 1)
        : LocalDate.of(year, dateOfBirth.getMonthValue(), dateOfBirth.getDayOfMonth());
  }
}
