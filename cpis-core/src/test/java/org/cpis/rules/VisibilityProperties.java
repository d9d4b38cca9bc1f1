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
import net.jqwik.api.Tuple;
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
  @Label("an ended CPP or LAC is visible on end + the policy's days (364 by default) and hidden the day after, for any end date")
  void endedBornPlanBoundary(
      @ForAll("policies") RetentionPolicy policy, @ForAll("endedBornPlans") ProtectionPlan plan) {
    assertLastVisibleDay(plan, plan.end().orElseThrow().plusDays(policy.endedPlanDays()), policy);
  }

  @Property
  @Label("an ended UCPP is visible on end + the policy's days (28 by default) and hidden the day after")
  void endedUnbornPlanBoundary(
      @ForAll("policies") RetentionPolicy policy, @ForAll("endedUnbornPlans") ProtectionPlan plan) {
    assertLastVisibleDay(plan, plan.end().orElseThrow().plusDays(policy.endedUnbornPlanDays()), policy);
  }

  @Property
  @Label("an open UCPP is visible on expected delivery + the policy's days (28 by default) and hidden the day after")
  void openUnbornPlanBoundary(
      @ForAll("policies") RetentionPolicy policy, @ForAll("openUnbornPlans") ProtectionPlan plan) {
    LocalDate edd = plan.expectedDeliveryDate().orElseThrow();
    assertLastVisibleDay(plan, edd.plusDays(policy.openUnbornPlanDaysAfterExpectedDelivery()), policy);
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
   * The birthday of the age of majority is the anniversary of the date of birth, written out by
   * {@link #anniversary}: for a 29 February birth in a year without 29 February it is 1 March
   * (English law), never 28 February. Births on 29 February are drawn often.
   */
  @Property
  @Label("a plan is visible the day before the policy's age-of-majority birthday (18 by default) and hidden from it on")
  void hiddenFromBirthday(
      @ForAll("policies") RetentionPolicy policy, @ForAll("openBornPlansWithBirthDate") ProtectionPlan plan) {
    LocalDate birthday = anniversary(plan.childDateOfBirth().orElseThrow(), policy.ageOfMajority());
    assertLastVisibleDay(plan, birthday.minusDays(1), policy);
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

  /**
   * The plan's last visible day under {@code policy} is {@code last}: it is shown on that day
   * (unless that day is before its start), hidden and expired from the next, not expired on it.
   */
  private static void assertLastVisibleDay(ProtectionPlan plan, LocalDate last, RetentionPolicy policy) {
    LocalDate dayAfter = last.plusDays(1);
    assertThat(Visibility.lastVisibleDay(plan, policy)).contains(last);
    assertThat(Visibility.isVisible(plan, last, policy)).as("shown on %s", last).isEqualTo(!last.isBefore(plan.start()));
    assertThat(Visibility.isVisible(plan, dayAfter, policy)).as("hidden on %s", dayAfter).isFalse();
    assertThat(Visibility.hasExpired(plan, last, policy)).as("not expired on %s", last).isFalse();
    assertThat(Visibility.hasExpired(plan, dayAfter, policy)).as("expired on %s", dayAfter).isTrue();
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
            bornTypes().flatMap(CpisArbitraries::plans),
            leapDaysOften(),
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
            CpisArbitraries.unbornPlans(), leapDaysOften(), Arbitraries.integers().between(0, 300))
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
    return bornTypes()
        .flatMap(CpisArbitraries::openPlans)
        .map(p -> ProtectionPlan.builder().from(p).childDateOfBirth(Optional.empty()).build());
  }

  /** Open CPP and LAC of a child born on any date (leap days weighted), started before 18. */
  @Provide
  Arbitrary<ProtectionPlan> openBornPlansWithBirthDate() {
    return Combinators.combine(
            bornTypes().flatMap(CpisArbitraries::openPlans),
            leapDaysOften(),
            Arbitraries.integers().between(0, 18 * 365 - 1))
        .as(
            (plan, born, age) ->
                ProtectionPlan.builder()
                    .from(plan)
                    .childDateOfBirth(born)
                    .start(born.plusDays(age))
                    .build());
  }

  /**
   * End dates and dates of birth: {@link CpisArbitraries#dates()} (which already weights 29
   * February, the day before it and year ends) with a further share of 29 Februaries, so that
   * leap-day ends and births come up in every run, under the default policy as under others.
   */
  private static Arbitrary<LocalDate> leapDaysOften() {
    return Arbitraries.frequencyOf(Tuple.of(4, CpisArbitraries.dates()), Tuple.of(1, CpisArbitraries.leapDays()));
  }

  /** The national defaults one time in three, otherwise any valid policy. */
  @Provide
  Arbitrary<RetentionPolicy> policies() {
    Arbitrary<RetentionPolicy> configured =
        Combinators.combine(
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
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(DEFAULTS)), Tuple.of(2, configured));
  }

  /** The plan types of a born child: CPP and LAC. */
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
