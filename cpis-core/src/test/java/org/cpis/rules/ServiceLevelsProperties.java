package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.cpis.model.AccessNotification;
import org.cpis.model.UploadReceipt;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rules 5 and 8, the service levels: a local authority whose last upload is older than the
 * maximum feed age, or that never uploaded, is stale; an unreviewed notification is overdue once
 * the review deadline after the access has passed. Both are "late exactly when now is after the
 * event plus the limit", probed up to a millisecond either side of that instant.
 */
class ServiceLevelsProperties {

  @Property
  @Label("a feed is stale exactly when now is after its last upload plus the maximum age, or there is none")
  void feedFreshness(
      @ForAll("receipts") UploadReceipt receipt,
      @ForAll("durations") Duration maxAge,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long nanosFromLimit) {
    ServiceLevels levels = ServiceLevels.builder().feedMaxAge(maxAge).build();
    assertLateExactlyAfter(
        receipt.receivedAt(), maxAge, nanosFromLimit, now -> FeedFreshness.isStale(Optional.of(receipt), now, levels));
    assertThat(FeedFreshness.isStale(Optional.empty(), receipt.receivedAt().plus(maxAge), levels)).isTrue();
  }

  @Property
  @Label("a notification is due at the access plus the review deadline and overdue exactly when now is after that")
  void reviewDeadline(
      @ForAll("notifications") AccessNotification notification,
      @ForAll("durations") Duration deadline,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long nanosFromDue) {
    ServiceLevels levels = ServiceLevels.builder().reviewDeadline(deadline).build();
    assertThat(ReviewDeadline.dueAt(notification, levels)).isEqualTo(notification.accessedAt().plus(deadline));
    assertLateExactlyAfter(
        notification.accessedAt(), deadline, nanosFromDue, now -> ReviewDeadline.isOverdue(notification, now, levels));
  }

  /**
   * {@code lateAt} holds at {@code event + limit + nanosFromLimit} exactly when that is after
   * {@code event + limit}, that is when {@code nanosFromLimit} is positive.
   */
  private static void assertLateExactlyAfter(
      Instant event, Duration limit, long nanosFromLimit, Predicate<Instant> lateAt) {
    Instant now = event.plus(limit).plusNanos(nanosFromLimit);
    assertThat(lateAt.test(now))
        .as("late %d ns from %s + %s", nanosFromLimit, event, limit)
        .isEqualTo(nanosFromLimit > 0);
  }

  @Provide
  Arbitrary<UploadReceipt> receipts() {
    return CpisArbitraries.uploadReceipts();
  }

  @Provide
  Arbitrary<AccessNotification> notifications() {
    return CpisArbitraries.accessNotifications();
  }

  /** Limits from zero to 30 days, to the second. */
  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(0, Duration.ofDays(30).toSeconds()).map(Duration::ofSeconds);
  }
}
