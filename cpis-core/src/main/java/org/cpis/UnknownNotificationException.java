package org.cpis;

import org.cpis.model.RecordId;

/** There is no access notification with this id. */
public final class UnknownNotificationException extends NotificationException {

  private static final long serialVersionUID = 1L;

  public UnknownNotificationException(RecordId notificationId) {
    super(notificationId, "No access notification " + notificationId);
  }
}
