package org.cpis;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How long the outbox dispatcher waits before trying again to deliver a notification whose
 * delivery failed (design rule 7: delivered at least once, never lost). The wait doubles after
 * each failure, from {@link #initialBackoff()} up to {@link #maxBackoff()}; there is no limit on
 * attempts.
 */
@Value.Immutable
public abstract class RetryPolicy {

  /** The wait after the first failure: 30 seconds. */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofSeconds(30);
  }

  /** The longest wait between attempts: 1 hour. */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofHours(1);
  }

  public static RetryPolicy defaults() {
    return builder().build();
  }

  public static ImmutableRetryPolicy.Builder builder() {
    return ImmutableRetryPolicy.builder();
  }

  /**
   * The wait before the next attempt after {@code failedAttempts} failures (at least 1):
   * {@code initialBackoff * 2^(failedAttempts - 1)}, at most {@link #maxBackoff()}.
   */
  public Duration backoffAfter(int failedAttempts) {
    return Backoff.doubling(initialBackoff(), maxBackoff(), failedAttempts);
  }

  @Value.Check
  protected void check() {
    if (initialBackoff().isNegative() || initialBackoff().isZero()) {
      throw new IllegalArgumentException("the initial back-off must be positive");
    }
    if (maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new IllegalArgumentException("the maximum back-off cannot be below the initial one");
    }
  }
}
