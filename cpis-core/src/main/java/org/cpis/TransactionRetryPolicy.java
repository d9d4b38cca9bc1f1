package org.cpis;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * How the engine runs a unit of work again after the store's {@link
 * org.cpis.store.TransientStoreException} (a serialization conflict, a deadlock, a lost
 * connection): at most {@link #maxAttempts()} runs in all, waiting before each new run a random
 * time between zero and a cap that doubles from {@link #initialBackoff()} up to {@link
 * #maxBackoff()} ("full jitter", so that two nodes that collided do not collide again in step).
 * When every attempt failed, the engine throws {@link TransactionRetriesExhaustedException}.
 */
@Value.Immutable
public abstract class TransactionRetryPolicy {

  /**
   * Runs of a unit of work in all, the first included: 20. PostgreSQL's serializable isolation
   * tracks reads by index page, so concurrent checks can conflict without touching the same
   * child; with the back-off below, 20 runs wait at most about 4 seconds in all, and on average
   * half that, before the engine gives up.
   */
  @Value.Default
  public int maxAttempts() {
    return 20;
  }

  /** The cap on the wait before the second run: 2 ms. */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(2);
  }

  /** The largest cap on a wait: 250 ms. */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofMillis(250);
  }

  public static TransactionRetryPolicy defaults() {
    return builder().build();
  }

  /** No retry: the first transient failure is final. */
  public static TransactionRetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static ImmutableTransactionRetryPolicy.Builder builder() {
    return ImmutableTransactionRetryPolicy.builder();
  }

  /**
   * The cap on the wait after {@code failedAttempts} failed runs (at least 1): {@code
   * initialBackoff * 2^(failedAttempts - 1)}, at most {@link #maxBackoff()}.
   */
  public Duration backoffCap(int failedAttempts) {
    return Backoff.doubling(initialBackoff(), maxBackoff(), failedAttempts);
  }

  /** A wait drawn uniformly from zero to {@link #backoffCap(int)}, in nanoseconds. */
  public long jitteredBackoffNanos(int failedAttempts, RandomGenerator random) {
    long cap = backoffCap(failedAttempts).toNanos();
    return cap == 0 ? 0 : random.nextLong(cap + 1);
  }

  @Value.Check
  protected void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("a unit of work runs at least once: maxAttempts >= 1");
    }
    if (initialBackoff().isNegative()) {
      throw new IllegalArgumentException("the initial back-off cannot be negative");
    }
    if (maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new IllegalArgumentException("the maximum back-off cannot be below the initial one");
    }
  }
}
