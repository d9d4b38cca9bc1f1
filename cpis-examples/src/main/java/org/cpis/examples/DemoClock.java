package org.cpis.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the demo sets by hand, so that the scenario can move from the morning upload to a year
 * later and show the retention rule (design rule 3) at work. Time is in UTC, the zone in which
 * the engine turns instants into calendar days.
 */
public final class DemoClock extends Clock {

  private volatile Instant now;

  /** A clock that stands at {@code start} until it is set again. */
  public DemoClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Sets the clock to {@code dateTime} in UTC. */
  public void set(LocalDateTime dateTime) {
    now = dateTime.toInstant(ZoneOffset.UTC);
  }

  /** The current date and time in UTC. */
  public LocalDateTime dateTime() {
    return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: the demo works in UTC only. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone.normalized())) {
      throw new UnsupportedOperationException("the demo clock runs in UTC only");
    }
    return this;
  }
}
