package org.cpis;

import org.cpis.model.RecordId;

/** There is no access notification with this id. */
public final class UnknownNotificationException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final RecordId notificationId;

  public UnknownNotificationException(RecordId notificationId) {
    super("No access notification " + notificationId);
    this.notificationId = notificationId;
  }

  public RecordId notificationId() {
    return notificationId;
  }
}
