package org.cpis.model;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * One unscheduled attendance that makes a repeat-attendance pattern: where (organisation and
 * setting) and when it began. No clinical information.
 */
@Value.Immutable
public abstract class Attendance {

  public abstract Organisation organisation();

  public abstract CareSetting setting();

  /** The time of the attendance's first access. */
  public abstract Instant at();

  public static ImmutableAttendance.Builder builder() {
    return ImmutableAttendance.builder();
  }

  /** The attendance that begins with {@code event}. */
  public static Attendance of(AccessEvent event) {
    return builder().organisation(event.organisation()).setting(event.setting()).at(event.accessedAt()).build();
  }

  /** Instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected Attendance normalize() {
    return Records.isMicros(at()) ? this : ImmutableAttendance.copyOf(this).withAt(Records.micros(at()));
  }
}
