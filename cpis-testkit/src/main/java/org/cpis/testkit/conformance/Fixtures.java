package org.cpis.testkit.conformance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.model.UploadReceipt;

/**
 * Small, fixed records for the kit's example-based contracts, where a contract needs exact
 * values (a boundary date, a tie in time). Random records come from {@code CpisArbitraries}.
 */
final class Fixtures {

  /** A fixed instant the examples count from. */
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  /** A fixed date the examples count from. */
  static final LocalDate D0 = LocalDate.of(2025, 3, 1);

  private Fixtures() {}

  /** The {@code n}-th valid NHS number after a fixed start, {@code n >= 0}: distinct for distinct n. */
  static NhsNumber nhs(int n) {
    int found = -1;
    for (int prefix = 400_000_000; ; prefix++) {
      OptionalInt check = NhsNumber.checkDigit(Integer.toString(prefix));
      if (check.isPresent() && ++found == n) {
        return NhsNumber.parse(Integer.toString(prefix) + check.getAsInt());
      }
    }
  }

  static OdsCode la(int n) {
    return OdsCode.of(String.format("LA%03d", n));
  }

  static LocalAuthority localAuthority(OdsCode code) {
    return LocalAuthority.builder()
        .odsCode(code)
        .name("Local authority " + code.value())
        .officeHoursPhone("020 7527 0001")
        .emergencyDutyPhone("020 7226 0992")
        .build();
  }

  static PlanId planId(OdsCode la, String reference) {
    return PlanId.of(la, reference);
  }

  /** An open child protection plan starting on {@link #D0}. */
  static ProtectionPlan plan(PlanId id, NhsNumber subject) {
    return ProtectionPlan.builder()
        .id(id)
        .subject(subject)
        .type(PlanType.CHILD_PROTECTION_PLAN)
        .start(D0)
        .build();
  }

  /** A plan of the given type (with an expected delivery date a year on, when unborn). */
  static ProtectionPlan plan(PlanId id, NhsNumber subject, PlanType type) {
    return ProtectionPlan.builder()
        .from(plan(id, subject))
        .type(type)
        .expectedDeliveryDate(
            type.isUnborn() ? java.util.Optional.of(D0.plusYears(1)) : java.util.Optional.empty())
        .build();
  }

  static Accessor accessor() {
    return Accessor.builder()
        .userId("555000111222")
        .name("A Nurse")
        .role("Staff Nurse")
        .rbacActivityCode("B0168")
        .build();
  }

  static Organisation organisation() {
    return Organisation.of(OdsCode.of("RAL01"), "Royal Free Hospital");
  }

  static AccessEvent event(String id, NhsNumber subject, Instant at) {
    return AccessEvent.builder()
        .id(RecordId.of(id))
        .subject(subject)
        .accessor(accessor())
        .organisation(organisation())
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessedAt(at)
        .build();
  }

  /** A pending notification about {@code plan}, due at the access time. */
  static AccessNotification notification(String id, ProtectionPlan plan, Instant accessedAt) {
    return AccessNotification.builder()
        .id(RecordId.of(id))
        .accessEventId(RecordId.of("event-of-" + id))
        .subject(plan.subject())
        .planId(plan.id())
        .planType(plan.type())
        .organisation(organisation())
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessor(accessor())
        .accessedAt(accessedAt)
        .deliveryStatus(DeliveryStatus.PENDING)
        .nextAttemptAt(accessedAt)
        .build();
  }

  /** The notification as the dispatcher leaves it after delivering it at {@code at}. */
  static AccessNotification delivered(AccessNotification n, Instant at) {
    return AccessNotification.builder()
        .from(n)
        .deliveryStatus(DeliveryStatus.DELIVERED)
        .deliveredAt(at)
        .build();
  }

  /** The notification as the dispatcher leaves it after a failed attempt, next tried at {@code next}. */
  static AccessNotification retried(AccessNotification n, Instant next) {
    return AccessNotification.builder()
        .from(n)
        .failedAttempts(n.failedAttempts() + 1)
        .nextAttemptAt(next)
        .build();
  }

  static Review review(AccessNotification n, Instant at) {
    return Review.builder()
        .notificationId(n.id())
        .localAuthority(n.localAuthority())
        .reviewer("social.worker")
        .outcome(ReviewOutcome.NO_FURTHER_ACTION)
        .recordedOnCaseRecord(true)
        .reviewedAt(at)
        .build();
  }

  /** An unsealed audit record {@code a-<n>} at {@code T0 + n} seconds. */
  static AuditRecord auditRecord(long n) {
    return AuditRecord.builder()
        .id(RecordId.of("a-" + n))
        .at(T0.plusSeconds(n))
        .action(AuditAction.CHECK)
        .actor("555000111222")
        .detail("entry " + n)
        .build();
  }

  /**
   * {@link #auditRecord auditRecord(sequence)} sealed with this sequence; the hashes are
   * placeholders (the store never checks them).
   */
  static AuditEntry audit(long sequence) {
    return sealed(auditRecord(sequence), sequence);
  }

  static AuditEntry sealed(AuditRecord record, long sequence) {
    return AuditEntry.builder()
        .sequence(sequence)
        .record(record)
        .previousHash(sequence == 1 ? "" : "hash-" + (sequence - 1))
        .hash("hash-" + sequence)
        .build();
  }

  static UploadReceipt receipt(String id, OdsCode la, Instant at) {
    return UploadReceipt.builder()
        .id(RecordId.of(id))
        .localAuthority(la)
        .receivedAt(at)
        .accepted(3)
        .unchanged(1)
        .rejected(1)
        .withoutNhsNumber(1)
        .build();
  }
}
