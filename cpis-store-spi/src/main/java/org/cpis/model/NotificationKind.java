package org.cpis.model;

/**
 * What a notification tells its local authority. Every kind goes through the same outbox and
 * review inbox; none carries clinical information or a reason.
 */
public enum NotificationKind {
  /** The child attended an unscheduled care setting (design rule 7). */
  ACCESS,
  /** The child was not brought to a scheduled appointment. */
  WAS_NOT_BROUGHT
}
