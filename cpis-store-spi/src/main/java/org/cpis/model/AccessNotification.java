package org.cpis.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Tells the local authority that owns a plan that the child attended an unscheduled care
 * setting. One per owning local authority and plan per access; written in the same transaction as the
 * audit entry (an outbox) and delivered at least once, deduplicated by {@link #id()}.
 *
 * <p>Its {@link #kind()} is {@link NotificationKind#ACCESS} unless it tells of a missed scheduled
 * appointment ({@link NotificationKind#WAS_NOT_BROUGHT}: then {@link #accessor()} is who recorded
 * it, {@link #accessedAt()} when, and {@link #appointmentAt()} the appointment). An access
 * notification may gather the later accesses of its attendance episode ({@link
 * #furtherAccesses()}) and name a repeat-attendance pattern ({@link #repeatAttendance()}); when it
 * gathers an access after delivery it is delivered again with the same id and more accesses
 * ({@link #accessCount()}), so a receiver keeps the version with the most.
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

  /** What it tells of; {@link NotificationKind#ACCESS} unless set. */
  @Value.Default
  public NotificationKind kind() {
    return NotificationKind.ACCESS;
  }

  /** The later accesses of this access's episode, oldest first; empty unless some were gathered. */
  public abstract List<EpisodeAccess> furtherAccesses();

  /** The repeat-attendance pattern this access completed, with the attendances that make it. */
  public abstract Optional<RepeatAttendance> repeatAttendance();

  /** For {@link NotificationKind#WAS_NOT_BROUGHT}: the missed appointment's date and time. */
  public abstract Optional<Instant> appointmentAt();

  /**
   * The NHS number the plan is recorded under, when it is not {@link #subject()}: the child was
   * checked under a number linked to it (a previous or a replacement number).
   */
  public abstract Optional<NhsNumber> planHeldUnder();

  /** How many accesses it tells of: the first and those gathered into its episode. */
  public int accessCount() {
    return 1 + furtherAccesses().size();
  }

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
    boolean missed = kind() == NotificationKind.WAS_NOT_BROUGHT;
    Records.require(
        missed == appointmentAt().isPresent(),
        "a notification has an appointment time exactly when it tells of a missed appointment");
    Records.require(
        !missed || (furtherAccesses().isEmpty() && repeatAttendance().isEmpty()),
        "a missed-appointment notification gathers no accesses and names no attendance pattern");
    Records.require(
        !planHeldUnder().equals(Optional.of(subject())),
        "a plan held under the subject's own number names no other number");
    Records.require(
        (deliveryStatus() == DeliveryStatus.DELIVERED) == deliveredAt().isPresent(),
        "a notification has a delivery time exactly when it is delivered");
    if (Records.isMicros(accessedAt())
        && Records.isMicros(nextAttemptAt())
        && deliveredAt().map(Records::isMicros).orElse(true)
        && appointmentAt().map(Records::isMicros).orElse(true)) {
      return this;
    }
    return ImmutableAccessNotification.copyOf(this)
        .withAccessedAt(Records.micros(accessedAt()))
        .withNextAttemptAt(Records.micros(nextAttemptAt()))
        .withDeliveredAt(deliveredAt().map(Records::micros))
        .withAppointmentAt(appointmentAt().map(Records::micros));
  }
}
