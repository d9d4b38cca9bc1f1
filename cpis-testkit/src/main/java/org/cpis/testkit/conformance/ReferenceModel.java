package org.cpis.testkit.conformance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.store.Claim;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;

/**
 * What a store should hold and answer, as plain sorted maps: the store SPI's Javadoc written as
 * code. The kit's properties and its state machine compare a store under test with it. Not
 * thread-safe; a copy is independent of the original.
 */
final class ReferenceModel {

  /** Newest access first, ties by id descending ({@code AccessEventStore#findRecentBySubject}). */
  static final Comparator<AccessEvent> RECENT_FIRST =
      Comparator.comparing(AccessEvent::accessedAt).thenComparing(AccessEvent::id).reversed();

  /** Oldest access first, ties by id ({@code NotificationStore#findBySubject}, {@code #findUnreviewed}). */
  static final Comparator<AccessNotification> BY_ACCESS =
      Comparator.comparing(AccessNotification::accessedAt).thenComparing(AccessNotification::id);

  /** Earliest next attempt first, ties by id ({@code NotificationStore#findPendingDue}). */
  static final Comparator<AccessNotification> BY_NEXT_ATTEMPT =
      Comparator.comparing(AccessNotification::nextAttemptAt).thenComparing(AccessNotification::id);

  /** Oldest review first, ties by notification id ({@code ReviewStore#findByLocalAuthority}). */
  static final Comparator<Review> BY_REVIEW_TIME =
      Comparator.comparing(Review::reviewedAt).thenComparing(Review::notificationId);

  final TreeMap<OdsCode, LocalAuthority> localAuthorities = new TreeMap<>();
  final TreeMap<PlanId, ProtectionPlan> plans = new TreeMap<>();
  final TreeMap<RecordId, AccessEvent> events = new TreeMap<>();
  final TreeMap<RecordId, AccessNotification> notifications = new TreeMap<>();
  final TreeMap<RecordId, Review> reviews = new TreeMap<>();
  final TreeMap<Long, AuditEntry> audit = new TreeMap<>();
  final TreeMap<RecordId, AuditRecord> unsealed = new TreeMap<>();
  final TreeMap<RecordId, Claim> claims = new TreeMap<>();
  /** Leases by name, each as the holder and its expiry. */
  final TreeMap<String, Claim> leases = new TreeMap<>();
  final TreeMap<RecordId, UploadReceipt> uploads = new TreeMap<>();
  /** The audit tree's nodes by level, then index: {@code List.of(level, index)}. */
  final TreeMap<List<Long>, org.cpis.model.AuditTreeNode> treeNodes =
      new TreeMap<>(java.util.Comparator.<List<Long>, Long>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
  final TreeMap<Long, org.cpis.model.AuditCheckpoint> checkpoints = new TreeMap<>();
  /** Number links by the number no longer in use. */
  final TreeMap<NhsNumber, NhsNumberLink> numberLinks = new TreeMap<>();
  final TreeMap<RecordId, NumberChangeNotice> notices = new TreeMap<>();

  ReferenceModel copy() {
    ReferenceModel copy = new ReferenceModel();
    copy.restore(this);
    return copy;
  }

  /** Replaces this model's content with that of {@code other}. */
  void restore(ReferenceModel other) {
    localAuthorities.clear();
    plans.clear();
    events.clear();
    notifications.clear();
    reviews.clear();
    audit.clear();
    unsealed.clear();
    claims.clear();
    leases.clear();
    uploads.clear();
    treeNodes.clear();
    checkpoints.clear();
    numberLinks.clear();
    notices.clear();
    localAuthorities.putAll(other.localAuthorities);
    plans.putAll(other.plans);
    events.putAll(other.events);
    notifications.putAll(other.notifications);
    reviews.putAll(other.reviews);
    audit.putAll(other.audit);
    unsealed.putAll(other.unsealed);
    claims.putAll(other.claims);
    leases.putAll(other.leases);
    uploads.putAll(other.uploads);
    treeNodes.putAll(other.treeNodes);
    checkpoints.putAll(other.checkpoints);
    numberLinks.putAll(other.numberLinks);
    notices.putAll(other.notices);
  }

  // ------------------------------------------------------------------------- attendances, numbers

  /** {@code AttendanceStore#findAccessesSince}: at or after {@code since}, oldest first, ties by id. */
  List<AccessEvent> accessesSince(NhsNumber subject, Instant since) {
    return events.values().stream()
        .filter(e -> e.subject().equals(subject) && !e.accessedAt().isBefore(since))
        .sorted(Comparator.comparing(AccessEvent::accessedAt).thenComparing(AccessEvent::id))
        .collect(Collectors.toList());
  }

  /** {@code AttendanceStore#findNotificationsSince}: access at or after {@code since}, by access. */
  List<AccessNotification> notificationsSince(NhsNumber subject, Instant since) {
    return notifications.values().stream()
        .filter(n -> n.subject().equals(subject) && !n.accessedAt().isBefore(since))
        .sorted(BY_ACCESS)
        .collect(Collectors.toList());
  }

  /** {@code NhsNumberLinkStore#findInvolving}: from or to the number, by id. */
  List<NhsNumberLink> linksInvolving(NhsNumber number) {
    return numberLinks.values().stream()
        .filter(l -> l.number().equals(number) || l.replacement().equals(Optional.of(number)))
        .sorted(Comparator.comparing(NhsNumberLink::id))
        .collect(Collectors.toList());
  }

  /** {@code NhsNumberLinkStore#findNotices}: oldest first, ties by id. */
  List<NumberChangeNotice> noticesOf(OdsCode localAuthority) {
    return notices.values().stream()
        .filter(n -> n.localAuthority().equals(localAuthority))
        .sorted(Comparator.comparing(NumberChangeNotice::recordedAt).thenComparing(NumberChangeNotice::id))
        .collect(Collectors.toList());
  }

  // ------------------------------------------------------------------------- plans

  List<ProtectionPlan> plansBySubject(NhsNumber subject) {
    return plansWhere(p -> p.subject().equals(subject));
  }

  List<ProtectionPlan> plansByLocalAuthority(OdsCode localAuthority) {
    return plansWhere(p -> p.localAuthority().equals(localAuthority));
  }

  List<ProtectionPlan> plansEndedBefore(PlanType type, LocalDate date) {
    return plansWhere(p -> p.type() == type && p.end().filter(e -> e.isBefore(date)).isPresent());
  }

  List<ProtectionPlan> plansOpenWithExpectedDeliveryBefore(LocalDate date) {
    return plansWhere(
        p -> p.end().isEmpty() && p.expectedDeliveryDate().filter(d -> d.isBefore(date)).isPresent());
  }

  List<ProtectionPlan> plansWithChildBornBefore(LocalDate date) {
    return plansWhere(p -> p.childDateOfBirth().filter(d -> d.isBefore(date)).isPresent());
  }

  /** Plans in plan id order (the map's order). */
  private List<ProtectionPlan> plansWhere(Predicate<ProtectionPlan> condition) {
    return plans.values().stream().filter(condition).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------------- access events

  List<AccessEvent> recentEvents(NhsNumber subject, int limit) {
    return events.values().stream()
        .filter(e -> e.subject().equals(subject))
        .sorted(RECENT_FIRST)
        .limit(limit)
        .collect(Collectors.toList());
  }

  int deleteEventsBySubject(NhsNumber subject) {
    int before = events.size();
    events.values().removeIf(e -> e.subject().equals(subject));
    return before - events.size();
  }

  // ------------------------------------------------------------------------- notifications

  /** {@link #pendingDue} less those under a claim running at {@code now}; claims them. */
  List<AccessNotification> claimDue(Instant now, Claim claim, int limit) {
    List<AccessNotification> due =
        notifications.values().stream()
            .filter(n -> n.deliveryStatus() == DeliveryStatus.PENDING && !n.nextAttemptAt().isAfter(now))
            .filter(n -> !claims.containsKey(n.id()) || !claims.get(n.id()).until().isAfter(now))
            .sorted(BY_NEXT_ATTEMPT)
            .limit(limit)
            .collect(Collectors.toList());
    due.forEach(n -> claims.put(n.id(), claim));
    return due;
  }

  boolean release(AccessNotification updated, String claimant) {
    Claim claim = claims.get(updated.id());
    if (claim == null || !claim.claimant().equals(claimant)) {
      return false;
    }
    notifications.put(updated.id(), updated);
    claims.remove(updated.id());
    return true;
  }

  List<AccessNotification> pendingDue(Instant time, int limit) {
    return notifications.values().stream()
        .filter(n -> n.deliveryStatus() == DeliveryStatus.PENDING && !n.nextAttemptAt().isAfter(time))
        .sorted(BY_NEXT_ATTEMPT)
        .limit(limit)
        .collect(Collectors.toList());
  }

  List<AccessNotification> unreviewed(OdsCode localAuthority) {
    return notifications.values().stream()
        .filter(n -> n.localAuthority().equals(localAuthority) && !reviews.containsKey(n.id()))
        .sorted(BY_ACCESS)
        .collect(Collectors.toList());
  }

  List<AccessNotification> notificationsBySubject(NhsNumber subject) {
    return notifications.values().stream()
        .filter(n -> n.subject().equals(subject))
        .sorted(BY_ACCESS)
        .collect(Collectors.toList());
  }

  /** Removes the subject's notifications and their reviews; returns how many notifications. */
  int deleteNotificationsBySubject(NhsNumber subject) {
    List<AccessNotification> gone = notificationsBySubject(subject);
    gone.forEach(
        n -> {
          notifications.remove(n.id());
          reviews.remove(n.id());
          claims.remove(n.id());
        });
    return gone.size();
  }

  // ------------------------------------------------------------------------- reviews

  List<Review> reviewsByLocalAuthority(OdsCode localAuthority) {
    return reviews.values().stream()
        .filter(r -> r.localAuthority().equals(localAuthority))
        .sorted(BY_REVIEW_TIME)
        .collect(Collectors.toList());
  }

  // ------------------------------------------------------------------------- audit

  Optional<AuditEntry> lastAudit() {
    return audit.isEmpty() ? Optional.empty() : Optional.of(audit.lastEntry().getValue());
  }

  boolean auditIdTaken(RecordId id) {
    return unsealed.containsKey(id) || audit.values().stream().anyMatch(e -> e.id().equals(id));
  }

  List<AuditRecord> unsealedOldestFirst() {
    return unsealed.values().stream()
        .sorted(Comparator.comparing(AuditRecord::at).thenComparing(AuditRecord::id))
        .collect(Collectors.toList());
  }

  long nextSequence() {
    return audit.isEmpty() ? 1 : audit.lastKey() + 1;
  }

  List<AuditEntry> readAudit(long fromSequence, int limit) {
    return audit.tailMap(fromSequence, true).values().stream().limit(limit).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------------- uploads

  /**
   * The receipts {@code findLatest} may return: those of this local authority with the latest
   * receipt time (the SPI leaves ties open).
   */
  List<UploadReceipt> latestUploads(OdsCode localAuthority) {
    List<UploadReceipt> own =
        uploads.values().stream()
            .filter(u -> u.localAuthority().equals(localAuthority))
            .collect(Collectors.toList());
    Optional<Instant> latest = own.stream().map(UploadReceipt::receivedAt).max(Comparator.naturalOrder());
    return latest
        .map(t -> own.stream().filter(u -> u.receivedAt().equals(t)).collect(Collectors.toList()))
        .orElse(List.of());
  }
}
