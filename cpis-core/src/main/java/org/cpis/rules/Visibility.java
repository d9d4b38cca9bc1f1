package org.cpis.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.ProtectionPlan;

/**
 * Design rule 3, visibility and retention: a plan is shown from its start date; after its end it
 * stays visible for the policy's retention period (end + 364 for CPP and LAC, end + 28 for UCPP);
 * an open unborn plan stays visible until 28 days after the expected delivery date; nothing is
 * visible from the child's 18th birthday when the date of birth is known.
 */
public final class Visibility {

  private Visibility() {}

  /**
   * The last day on which the plan is visible, or empty if it stays visible while it is open.
   */
  public static Optional<LocalDate> lastVisibleDay(ProtectionPlan plan, RetentionPolicy policy) {
    return Optional.ofNullable(lastVisibleDayOrNull(plan, policy));
  }

  /**
   * {@link #lastVisibleDay} without the {@code Optional}s (it runs on every check): the earliest of
   * the end plus its retention, the open unborn plan's expected delivery plus its days, and the
   * day before the 18th birthday; null if none applies.
   */
  private static LocalDate lastVisibleDayOrNull(ProtectionPlan plan, RetentionPolicy policy) {
    LocalDate last = null;
    Optional<LocalDate> end = plan.end();
    if (end.isPresent()) {
      last =
          end.get()
              .plusDays(plan.type().isUnborn() ? policy.endedUnbornPlanDays() : policy.endedPlanDays());
    } else {
      Optional<LocalDate> edd = plan.expectedDeliveryDate();
      if (edd.isPresent()) {
        last = edd.get().plusDays(policy.openUnbornPlanDaysAfterExpectedDelivery());
      }
    }
    Optional<LocalDate> dob = plan.childDateOfBirth();
    if (dob.isPresent()) {
      LocalDate byAge = birthday(dob.get(), policy.ageOfMajority()).minusDays(1);
      if (last == null || byAge.isBefore(last)) {
        last = byAge;
      }
    }
    return last;
  }

  /**
   * The day a child born on {@code dateOfBirth} turns {@code age}. A child born on 29 February
   * turns it on 1 March when that year has no 29 February, as English law reads the anniversary
   * of a leap-day birth (Family Law Reform Act 1969, s. 9); {@link LocalDate#plusYears} alone
   * would give 28 February and hide the plan a day early.
   */
  public static LocalDate birthday(LocalDate dateOfBirth, int age) {
    LocalDate anniversary = dateOfBirth.plusYears(age);
    return anniversary.getDayOfMonth() < dateOfBirth.getDayOfMonth()
        ? anniversary.plusDays(1)
        : anniversary;
  }

  /** Whether a health setting is shown the plan on {@code date}. */
  public static boolean isVisible(ProtectionPlan plan, LocalDate date, RetentionPolicy policy) {
    if (date.isBefore(plan.start())) {
      return false;
    }
    LocalDate last = lastVisibleDayOrNull(plan, policy);
    return last == null || !date.isAfter(last);
  }

  /**
   * Whether the plan's visibility is over for good on {@code date}, so that it may be purged:
   * its last visible day is before {@code date}.
   */
  public static boolean hasExpired(ProtectionPlan plan, LocalDate date, RetentionPolicy policy) {
    LocalDate last = lastVisibleDayOrNull(plan, policy);
    return last != null && last.isBefore(date);
  }

  /** Whether the plan is in force on {@code date}: started, and not yet at its end date. */
  public static boolean isActive(ProtectionPlan plan, LocalDate date) {
    return !date.isBefore(plan.start()) && !plan.hasEndedBy(date);
  }
}
