package org.cpis.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * When unscheduled attendances make the repeat-attendance pattern ({@link RepeatAttendances}):
 * at least {@link #minAttendances()} attendances (3) at at least {@link #minOrganisations()}
 * organisations (2) within {@link #window()} (14 days), the current one included. Accesses at one
 * organisation in one setting within {@link #sameAttendanceWithin()} (12 hours, the attendance
 * episode's default) of an attendance's first access are that one attendance, so that a triage
 * nurse, a doctor and a registrar seeing the child in one visit count once.
 */
@Value.Immutable
public abstract class RepeatAttendancePolicy {

  /** Default 3. */
  @Value.Default
  public int minAttendances() {
    return 3;
  }

  /** Default 2. */
  @Value.Default
  public int minOrganisations() {
    return 2;
  }

  /** Default 14 days; an attendance exactly this long before the current one still counts. */
  @Value.Default
  public Duration window() {
    return Duration.ofDays(14);
  }

  /** Default 12 hours; zero makes every access an attendance. */
  @Value.Default
  public Duration sameAttendanceWithin() {
    return Duration.ofHours(12);
  }

  public static RepeatAttendancePolicy defaults() {
    return builder().build();
  }

  public static ImmutableRepeatAttendancePolicy.Builder builder() {
    return ImmutableRepeatAttendancePolicy.builder();
  }

  @Value.Check
  protected void check() {
    if (minAttendances() < 2 || minOrganisations() < 1 || window().isNegative() || sameAttendanceWithin().isNegative()) {
      throw new IllegalArgumentException(
          "a repeat-attendance pattern needs at least 2 attendances at 1 or more organisations, and"
              + " windows that are not negative");
    }
  }
}
