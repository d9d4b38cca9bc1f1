package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The transaction retry's back-off: bounded, doubling, jittered within its cap. */
class TransactionRetryPolicyProperties {

  @Property
  @Label("the cap doubles from the initial back-off after each failure and never exceeds the maximum")
  void capDoublesUpToMax(
      @ForAll @LongRange(min = 0, max = 1_000) long initialMillis,
      @ForAll @LongRange(min = 0, max = 100_000) long extraMillis,
      @ForAll @IntRange(min = 1, max = 40) int failures) {
    Duration initial = Duration.ofMillis(initialMillis);
    Duration max = initial.plusMillis(extraMillis);
    TransactionRetryPolicy p = TransactionRetryPolicy.builder().initialBackoff(initial).maxBackoff(max).build();
    java.math.BigInteger doubled =
        java.math.BigInteger.valueOf(initialMillis).shiftLeft(failures - 1);
    long expected = doubled.min(java.math.BigInteger.valueOf(max.toMillis())).longValueExact();
    assertThat(p.backoffCap(failures)).isEqualTo(Duration.ofMillis(expected));
  }

  @Property
  @Label("a jittered wait lies between zero and the cap")
  void jitterWithinCap(@ForAll @IntRange(min = 1, max = 12) int failures, @ForAll long seed) {
    TransactionRetryPolicy p = TransactionRetryPolicy.defaults();
    long wait = p.jitteredBackoffNanos(failures, new SplittableRandom(seed));
    assertThat(wait).isBetween(0L, p.backoffCap(failures).toNanos());
  }

  @Property(tries = 20)
  @Label("fewer than one attempt, a negative back-off or a maximum below the initial one is refused")
  void invalidPoliciesAreRefused(@ForAll @IntRange(min = -5, max = 0) int attempts) {
    assertThatThrownBy(() -> TransactionRetryPolicy.builder().maxAttempts(attempts).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least once");
    assertThatThrownBy(() -> TransactionRetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TransactionRetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(10))
                    .maxBackoff(Duration.ofMillis(9))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
