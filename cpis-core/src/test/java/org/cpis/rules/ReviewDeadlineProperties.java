package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.cpis.model.AccessNotification;
import org.cpis.testkit.CpisArbitraries;

/** Design rule 8: an unreviewed notification is overdue once the review deadline after the access has passed. */
class ReviewDeadlineProperties {

  @Property
  @Label("a notification is overdue exactly when now is after the access plus the review deadline")
  void reviewDeadline(
      @ForAll("notifications") AccessNotification notification,
      @ForAll("durations") Duration deadline,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long nanosFromDue) {
    ServiceLevels levels = ServiceLevels.builder().reviewDeadline(deadline).build();
    Instant due = notification.accessedAt().plus(deadline);
    assertThat(ReviewDeadline.dueAt(notification, levels)).isEqualTo(due);
    assertThat(ReviewDeadline.isOverdue(notification, due.plusNanos(nanosFromDue), levels)).isEqualTo(nanosFromDue > 0);
    assertThat(ReviewDeadline.isOverdue(notification, due, levels)).isFalse();
  }

  @Provide
  Arbitrary<AccessNotification> notifications() {
    return CpisArbitraries.accessNotifications();
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(0, Duration.ofDays(30).toSeconds()).map(Duration::ofSeconds);
  }
}
