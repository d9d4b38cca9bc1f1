package org.cpis;

import org.cpis.model.RecordId;

/** The notification has no review yet, so there is nothing to confirm on the case record. */
public final class ReviewNotRecordedException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final RecordId notificationId;

  public ReviewNotRecordedException(RecordId notificationId) {
    super("Access notification " + notificationId + " has not been reviewed yet");
    this.notificationId = notificationId;
  }

  public RecordId notificationId() {
    return notificationId;
  }
}
