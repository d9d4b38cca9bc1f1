package org.cpis.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The sandbox's clock: it runs at the real pace from the instant it was last set, so that a test
 * can move the sandbox to any day (for example a plan's last day of visibility) and the times of
 * successive accesses still differ. Thread-safe; setting it moves every copy made by {@link
 * #withZone}.
 */
public final class SandboxClock extends Clock {

  /** The instant set, and {@link System#nanoTime()} when it was set. */
  private static final class Anchor {
    final Instant instant;
    final long nanos;

    Anchor(Instant instant, long nanos) {
      this.instant = instant;
      this.nanos = nanos;
    }
  }

  private final Anchor[] anchor;
  private final ZoneId zone;

  public SandboxClock(Instant start) {
    this(new Anchor[] {new Anchor(Objects.requireNonNull(start, "start"), System.nanoTime())}, ZoneOffset.UTC);
  }

  private SandboxClock(Anchor[] anchor, ZoneId zone) {
    this.anchor = anchor;
    this.zone = zone;
  }

  /** Moves the clock to {@code instant}; it runs on from there. */
  public void set(Instant instant) {
    Anchor next = new Anchor(Objects.requireNonNull(instant, "instant"), System.nanoTime());
    synchronized (anchor) {
      anchor[0] = next;
    }
  }

  @Override
  public Instant instant() {
    Anchor a;
    synchronized (anchor) {
      a = anchor[0];
    }
    return a.instant.plusNanos(System.nanoTime() - a.nanos);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new SandboxClock(anchor, Objects.requireNonNull(other, "zone"));
  }
}
