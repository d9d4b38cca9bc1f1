package org.cpis.model;

/** Where a notification stands in the outbox. */
public enum DeliveryStatus {
  /** Written, not yet delivered: the dispatcher will try (again) from its next attempt time. */
  PENDING,
  /** The notifier accepted it. */
  DELIVERED
}
