package org.cpis;

import org.cpis.model.RecordId;

/** A review-inbox request about one access notification was refused; nothing was changed. */
public abstract class NotificationException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final RecordId notificationId;

  protected NotificationException(RecordId notificationId, String message) {
    super(message);
    this.notificationId = notificationId;
  }

  /** The notification the request named. */
  public RecordId notificationId() {
    return notificationId;
  }
}
