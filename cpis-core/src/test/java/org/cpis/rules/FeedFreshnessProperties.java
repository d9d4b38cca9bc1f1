package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.cpis.model.UploadReceipt;
import org.cpis.testkit.CpisArbitraries;

/** Design rule 5: a local authority whose last upload is older than the maximum age, or that never uploaded, is stale. */
class FeedFreshnessProperties {

  @Property
  @Label("a feed is stale exactly when its last upload is older than the maximum age, or there is none")
  void feedFreshness(
      @ForAll("receipts") UploadReceipt receipt,
      @ForAll("durations") Duration maxAge,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long nanosFromLimit) {
    ServiceLevels levels = ServiceLevels.builder().feedMaxAge(maxAge).build();
    Instant limit = receipt.receivedAt().plus(maxAge);
    Instant now = limit.plusNanos(nanosFromLimit);
    assertThat(FeedFreshness.isStale(Optional.of(receipt), now, levels)).isEqualTo(nanosFromLimit > 0);
    assertThat(FeedFreshness.isStale(Optional.empty(), now, levels)).isTrue();
  }

  @Provide
  Arbitrary<UploadReceipt> receipts() {
    return CpisArbitraries.uploadReceipts();
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(0, Duration.ofDays(30).toSeconds()).map(Duration::ofSeconds);
  }
}
