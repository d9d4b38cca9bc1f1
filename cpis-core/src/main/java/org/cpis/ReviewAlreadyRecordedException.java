package org.cpis;

import org.cpis.model.RecordId;

/** The notification already has its review (design rule 8: one review per notification). */
public final class ReviewAlreadyRecordedException extends NotificationException {

  private static final long serialVersionUID = 1L;

  public ReviewAlreadyRecordedException(RecordId notificationId) {
    super(notificationId, "Access notification " + notificationId + " has already been reviewed");
  }
}
