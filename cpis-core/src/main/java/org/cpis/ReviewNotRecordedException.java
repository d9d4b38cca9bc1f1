package org.cpis;

import org.cpis.model.RecordId;

/** The notification has no review yet, so there is nothing to confirm on the case record. */
public final class ReviewNotRecordedException extends NotificationException {

  private static final long serialVersionUID = 1L;

  public ReviewNotRecordedException(RecordId notificationId) {
    super(notificationId, "Access notification " + notificationId + " has not been reviewed yet");
  }
}
