package org.cpis.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the demo sets by hand, so that the scenario can move from a morning upload to a year
 * later and show the retention rule (design rule 3) at work. It stands still between settings.
 * Its zone is the one in which the demo tells the time (the engine's, Europe/London).
 */
public final class DemoClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock in {@code zone} that stands at {@code start} (a time in that zone) until set again. */
  public DemoClock(ZoneId zone, LocalDateTime start) {
    this(new AtomicReference<>(start.atZone(zone).toInstant()), zone);
  }

  private DemoClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Sets the clock to {@code dateTime} in its zone. */
  public void set(LocalDateTime dateTime) {
    now.set(dateTime.atZone(zone).toInstant());
  }

  /** The current date and time in the clock's zone. */
  public ZonedDateTime dateTime() {
    return now.get().atZone(zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same settable time, seen in another zone: setting either clock moves both. */
  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new DemoClock(now, other);
  }
}
