package org.cpis;

import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/**
 * A local authority's review inbox was asked to review a notification that belongs to another
 * local authority (design rule 8: only the owning authority reviews it); nothing was recorded.
 */
public final class NotificationOfAnotherAuthorityException extends NotificationException {

  private static final long serialVersionUID = 1L;

  private final OdsCode inbox;

  public NotificationOfAnotherAuthorityException(RecordId notificationId, OdsCode inbox) {
    super(notificationId, "Access notification " + notificationId + " does not belong to local authority " + inbox);
    this.inbox = inbox;
  }

  /** The local authority whose inbox refused it. */
  public OdsCode inbox() {
    return inbox;
  }
}
