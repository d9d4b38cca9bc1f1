package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cpis.model.AccessNotification;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.model.UploadReceipt;
import org.cpis.testkit.CpisArbitraries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rules 5 and 8: feed freshness and review deadlines, by example. */
class ServiceLevelsTest {

  private static final Instant RECEIVED = Instant.parse("2024-05-10T02:00:00Z");
  private static final UploadReceipt RECEIPT =
      UploadReceipt.builder()
          .id(RecordId.of("up-1"))
          .localAuthority(OdsCode.of("714"))
          .receivedAt(RECEIVED)
          .accepted(10)
          .unchanged(0)
          .rejected(1)
          .withoutNhsNumber(1)
          .build();

  @Test
  @DisplayName("A local authority that uploaded exactly 24 hours ago is fresh; a moment later it is stale")
  void stale() {
    ServiceLevels levels = ServiceLevels.defaults();
    assertThat(FeedFreshness.isStale(Optional.of(RECEIPT), RECEIVED.plus(Duration.ofHours(24)), levels)).isFalse();
    assertThat(FeedFreshness.isStale(Optional.of(RECEIPT), RECEIVED.plus(Duration.ofHours(24)).plusMillis(1), levels))
        .isTrue();
  }

  @Test
  @DisplayName("A local authority that never uploaded is stale")
  void neverUploaded() {
    assertThat(FeedFreshness.isStale(Optional.empty(), RECEIVED, ServiceLevels.defaults())).isTrue();
  }

  @Test
  @DisplayName("A notification of an access at 02:00 on 10 May 2024 is not overdue exactly 3 days later; a moment later it is")
  void overdue() {
    ServiceLevels levels = ServiceLevels.defaults();
    AccessNotification notification =
        AccessNotification.builder()
            .from(CpisArbitraries.accessNotifications().sample())
            .accessedAt(RECEIVED)
            .build();
    assertThat(ReviewDeadline.isOverdue(notification, RECEIVED.plus(Duration.ofDays(3)), levels)).isFalse();
    assertThat(ReviewDeadline.isOverdue(notification, RECEIVED.plus(Duration.ofDays(3)).plusMillis(1), levels))
        .isTrue();
  }

  @Test
  @DisplayName("The service levels default to 24 hours, 14 days, 3 days and 25 accesses, and refuse negatives")
  void defaults() {
    ServiceLevels levels = ServiceLevels.defaults();
    assertThat(levels.feedMaxAge()).isEqualTo(Duration.ofHours(24));
    assertThat(levels.birthNotRecordedAfterDays()).isEqualTo(14);
    assertThat(levels.reviewDeadline()).isEqualTo(Duration.ofDays(3));
    assertThat(levels.accessHistoryLimit()).isEqualTo(25);
    assertThatThrownBy(() -> ServiceLevels.builder().reviewDeadline(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
