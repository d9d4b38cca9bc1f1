package org.cpis.rules;

import java.time.Instant;
import org.cpis.model.AccessNotification;

/**
 * Design rule 8: an unreviewed notification is overdue once the review deadline after the access
 * has passed.
 */
public final class ReviewDeadline {

  private ReviewDeadline() {}

  /** When the notification's review falls due. */
  public static Instant dueAt(AccessNotification notification, ServiceLevels levels) {
    return notification.accessedAt().plus(levels.reviewDeadline());
  }

  /** Whether an unreviewed notification is overdue at {@code now}. */
  public static boolean isOverdue(
      AccessNotification notification, Instant now, ServiceLevels levels) {
    return now.isAfter(dueAt(notification, levels));
  }
}
