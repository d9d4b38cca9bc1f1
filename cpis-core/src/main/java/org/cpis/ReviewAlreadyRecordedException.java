package org.cpis;

import org.cpis.model.RecordId;

/** The notification already has its review (design rule 8: one review per notification). */
public final class ReviewAlreadyRecordedException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final RecordId notificationId;

  public ReviewAlreadyRecordedException(RecordId notificationId) {
    super("Access notification " + notificationId + " has already been reviewed");
    this.notificationId = notificationId;
  }

  public RecordId notificationId() {
    return notificationId;
  }
}
