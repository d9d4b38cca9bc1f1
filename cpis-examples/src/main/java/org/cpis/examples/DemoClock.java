package org.cpis.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the demo sets by hand, so that the scenario can move from a morning upload to a year
 * later and show the retention rule (design rule 3) at work. It stands still between settings.
 * The engine reads only its instant and takes the day from its own zone, so the clock's zone is
 * plain UTC.
 */
public final class DemoClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock that stands at {@code start} until set again. */
  public DemoClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private DemoClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same settable time in another zone: setting either clock moves both. */
  @Override
  public Clock withZone(ZoneId other) {
    return new DemoClock(now, other);
  }
}
