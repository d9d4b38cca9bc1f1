package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The outbox back-off: exponential from the initial wait, capped at the maximum. */
class RetryPolicyProperties {

  @Property
  void theWaitDoublesFromTheInitialOneUpToTheMaximum(
      @ForAll @LongRange(min = 1, max = 86_400_000L) long initialMillis,
      @ForAll @IntRange(min = 1, max = 1_000_000) int maxMultiple,
      @ForAll @IntRange(min = 1, max = 10_000) int failures) {
    Duration initial = Duration.ofMillis(initialMillis);
    Duration max = initial.multipliedBy(maxMultiple);
    RetryPolicy p = RetryPolicy.builder().initialBackoff(initial).maxBackoff(max).build();

    Duration wait = p.backoffAfter(failures);
    Duration next = p.backoffAfter(failures + 1);

    assertThat(p.backoffAfter(1)).isEqualTo(initial);
    assertThat(wait).isBetween(initial, max);
    assertThat(next).isEqualTo(wait.multipliedBy(2).compareTo(max) < 0 ? wait.multipliedBy(2) : max);
  }
}
