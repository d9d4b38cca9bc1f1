package org.cpis.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Tells the local authority that owns a plan that the child attended an unscheduled care
 * setting. One per owning local authority and plan per access; written in the same transaction as the
 * audit entry (an outbox) and delivered at least once, deduplicated by {@link #id()}.
 *
 * <p>Carries no clinical information and no reason for the visit, by design.
 */
@Value.Immutable
public abstract class AccessNotification {

  /** Stable id the receiver deduplicates on. */
  public abstract RecordId id();

  /** The access event that caused the notification. */
  public abstract RecordId accessEventId();

  public abstract NhsNumber subject();

  public abstract PlanId planId();

  public abstract PlanType planType();

  public abstract Organisation organisation();

  public abstract CareSetting setting();

  public abstract Accessor accessor();

  public abstract Instant accessedAt();

  /** The social worker who must review it; when absent it goes to the local authority's MASH queue. */
  public abstract Optional<String> assignedSocialWorker();

  public abstract DeliveryStatus deliveryStatus();

  /** Delivery attempts that have failed so far. */
  @Value.Default
  public int failedAttempts() {
    return 0;
  }

  /** When the dispatcher may next try to deliver a pending notification. */
  public abstract Instant nextAttemptAt();

  public abstract Optional<Instant> deliveredAt();

  /** The owning local authority. */
  @Value.Derived
  @Value.Auxiliary
  public OdsCode localAuthority() {
    return planId().localAuthority();
  }

  /** Whether it waits in the local authority's MASH queue rather than a social worker's inbox. */
  public boolean isForMash() {
    return assignedSocialWorker().isEmpty();
  }

  public static ImmutableAccessNotification.Builder builder() {
    return ImmutableAccessNotification.builder();
  }

  /** Checks the delivery state; instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected AccessNotification normalize() {
    Records.require(failedAttempts() >= 0, "failed attempts cannot be negative");
    Records.require(
        (deliveryStatus() == DeliveryStatus.DELIVERED) == deliveredAt().isPresent(),
        "a notification has a delivery time exactly when it is delivered");
    if (Records.isMicros(accessedAt())
        && Records.isMicros(nextAttemptAt())
        && deliveredAt().map(Records::isMicros).orElse(true)) {
      return this;
    }
    return ImmutableAccessNotification.copyOf(this)
        .withAccessedAt(Records.micros(accessedAt()))
        .withNextAttemptAt(Records.micros(nextAttemptAt()))
        .withDeliveredAt(deliveredAt().map(Records::micros));
  }
}
