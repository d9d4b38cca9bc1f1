package org.cpis.store.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;
import org.cpis.store.AccessEventStore;
import org.cpis.store.AttendanceStore;
import org.cpis.store.NhsNumberLinkStore;
import org.cpis.store.AuditLog;
import org.cpis.store.AuditTreeStore;
import org.cpis.store.Claim;
import org.cpis.store.CpisStore;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.LeaseStore;
import org.cpis.store.LocalAuthorityStore;
import org.cpis.store.NotificationStore;
import org.cpis.store.PlanStore;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.ReviewStore;
import org.cpis.store.StoreTransaction;
import org.cpis.store.UploadReceiptStore;

/**
 * The reference store, held in memory. Transactions run one at a time under a fair lock
 * (serializable); each write records its undo, so a unit of work that throws leaves no trace.
 * A transaction's stores may only be used inside it and on its thread; nested transactions are
 * refused.
 */
public final class InMemoryCpisStore implements CpisStore {

  private final ReentrantLock lock = new ReentrantLock(true);

  private final Table<OdsCode, LocalAuthority, Void> localAuthorities = Table.unindexed();
  private final Table<PlanId, ProtectionPlan, NhsNumber> plans =
      Table.indexed(ProtectionPlan::subject, (a, b) -> a.id().compareTo(b.id()));
  /** Each local authority's number of plans: a query for one with none reads no tree. */
  private final Table.Count<ProtectionPlan, OdsCode> plansPerAuthority = plans.addCount(ProtectionPlan::localAuthority);
  /** A subject's accesses in time order (ties by id), so the most recent are read from the end. */
  private final Table<RecordId, AccessEvent, NhsNumber> accessEvents =
      Table.hashedIndexed(
          AccessEvent::subject,
          (a, b) -> {
            int byTime = a.accessedAt().compareTo(b.accessedAt());
            return byTime != 0 ? byTime : a.id().compareTo(b.id());
          });
  private final Table<RecordId, AccessNotification, NhsNumber> notifications =
      Table.hashedIndexed(AccessNotification::subject, BY_ACCESS);
  /** Each local authority's notifications, oldest access first: its inbox. */
  private final Table.Index<AccessNotification, OdsCode> notificationsByAuthority =
      notifications.addIndex(AccessNotification::localAuthority, BY_ACCESS);
  /** The pending notifications, all under one key, earliest next attempt first (ties by id): the outbox. */
  private final Table.Index<AccessNotification, Boolean> pending =
      notifications.addIndex(
          n -> n.deliveryStatus() == DeliveryStatus.PENDING ? Boolean.TRUE : null, BY_DUE);
  private final Table<RecordId, Review, OdsCode> reviews =
      Table.hashedIndexed(
          Review::localAuthority,
          Comparator.comparing(Review::reviewedAt).thenComparing(Review::notificationId));
  /** The outbox's claims, by notification id. */
  private final Table<RecordId, Claim, Void> claims = Table.hashed();
  /** The audit log's records and entries, as bytes: the collector does not trace them. */
  private final AuditJournal journal = new AuditJournal();
  /** Unsealed records by id, put in the sealer's order (by time, ties by id) when it reads them. */
  private final UnsealedRecords unsealed = new UnsealedRecords(journal);
  /** Sealed entries by sequence, and their records' ids. */
  private final SealedEntries sealed = new SealedEntries(journal);
  private final Table<String, Lease, Void> leases = Table.hashed();
  private final InMemoryAuditTree auditTree = new InMemoryAuditTree();
  private final Table<RecordId, UploadReceipt, OdsCode> uploads =
      Table.hashedIndexed(
          UploadReceipt::localAuthority,
          Comparator.comparing(UploadReceipt::receivedAt).thenComparing(UploadReceipt::id));

  /** Links by the number no longer in use, indexed by the replacement (or the number itself). */
  private final Table<NhsNumber, NhsNumberLink, NhsNumber> numberLinks =
      Table.indexed(l -> l.replacement().orElse(l.number()), Comparator.comparing(NhsNumberLink::id));
  private final Table<RecordId, NhsNumber, Void> numberLinkIds = Table.unindexed();
  private final Table<RecordId, NumberChangeNotice, OdsCode> numberChangeNotices =
      Table.indexed(
          NumberChangeNotice::localAuthority,
          Comparator.comparing(NumberChangeNotice::recordedAt).thenComparing(NumberChangeNotice::id));

  @Override
  public <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    Objects.requireNonNull(work, "work");
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("CP-IS store transactions cannot be nested");
    }
    lock.lock();
    Transaction tx = new Transaction();
    try {
      T result = work.apply(tx);
      tx.close();
      return result;
    } catch (Throwable e) {
      // Any Throwable, including a checked exception thrown sneakily: all or nothing.
      tx.close();
      tx.undo.rollback();
      throw e;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryCpisStore";
  }

  private final class Transaction implements StoreTransaction {

    final UndoLog undo = new UndoLog();
    private final Thread owner = Thread.currentThread();
    private boolean open = true;

    /*
     * Each store is made when the transaction first asks for it: a check uses four of the eleven,
     * and a transaction is made for every unit of work.
     */
    private LocalAuthorityStore localAuthorityStore;
    private PlanStore planStore;
    private AccessEventStore accessEventStore;
    private NotificationStore notificationStore;
    private ReviewStore reviewStore;
    private AuditLog auditLog;
    private AuditTreeStore auditTreeStore;
    private UploadReceiptStore uploadStore;
    private LeaseStore leaseStore;
    private AttendanceStore attendanceStore;
    private NhsNumberLinkStore numberLinkStore;

    void close() {
      open = false;
    }

    private void checkOpen() {
      if (!open || Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "a CP-IS store transaction was used outside its unit of work");
      }
    }

    private <K extends Comparable<? super K>, V> void insertNew(
        Table<K, V, ?> table, K key, V row, String what) {
      checkOpen();
      Objects.requireNonNull(row, what);
      if (table.contains(key)) {
        throw new DuplicateRecordException(what + " " + key + " already exists");
      }
      table.put(key, row, undo);
    }

    private <K extends Comparable<? super K>, V> void replace(
        Table<K, V, ?> table, K key, V row, String what) {
      checkOpen();
      Objects.requireNonNull(row, what);
      if (!table.contains(key)) {
        throw new RecordNotFoundException(what + " " + key + " does not exist");
      }
      table.put(key, row, undo);
    }

    private <K extends Comparable<? super K>, V> Optional<V> get(Table<K, V, ?> table, K key) {
      checkOpen();
      return table.get(Objects.requireNonNull(key, "key"));
    }

    private <V> List<V> where(Table<?, V, ?> table, Predicate<? super V> condition) {
      checkOpen();
      return table.where(condition);
    }

    @Override
    public LocalAuthorityStore localAuthorities() {
      checkOpen();
      if (localAuthorityStore == null) {
        localAuthorityStore = new LocalAuthorities();
      }
      return localAuthorityStore;
    }

    @Override
    public PlanStore plans() {
      checkOpen();
      if (planStore == null) {
        planStore = new Plans();
      }
      return planStore;
    }

    @Override
    public AccessEventStore accessEvents() {
      checkOpen();
      if (accessEventStore == null) {
        accessEventStore = new AccessEvents();
      }
      return accessEventStore;
    }

    @Override
    public NotificationStore notifications() {
      checkOpen();
      if (notificationStore == null) {
        notificationStore = new Notifications();
      }
      return notificationStore;
    }

    @Override
    public ReviewStore reviews() {
      checkOpen();
      if (reviewStore == null) {
        reviewStore = new Reviews();
      }
      return reviewStore;
    }

    @Override
    public AuditLog audit() {
      checkOpen();
      if (auditLog == null) {
        auditLog = new Audit();
      }
      return auditLog;
    }

    @Override
    public AuditTreeStore auditTree() {
      checkOpen();
      if (auditTreeStore == null) {
        auditTreeStore = auditTree.in(this::checkOpen, undo);
      }
      return auditTreeStore;
    }

    @Override
    public UploadReceiptStore uploads() {
      checkOpen();
      if (uploadStore == null) {
        uploadStore = new Uploads();
      }
      return uploadStore;
    }

    @Override
    public LeaseStore leases() {
      checkOpen();
      if (leaseStore == null) {
        leaseStore = new Leases();
      }
      return leaseStore;
    }

    @Override
    public AttendanceStore attendances() {
      checkOpen();
      if (attendanceStore == null) {
        attendanceStore = new Attendances();
      }
      return attendanceStore;
    }

    @Override
    public NhsNumberLinkStore numberLinks() {
      checkOpen();
      if (numberLinkStore == null) {
        numberLinkStore = new NumberLinks();
      }
      return numberLinkStore;
    }

    private final class LocalAuthorities implements LocalAuthorityStore {
      @Override
      public void insert(LocalAuthority la) {
        insertNew(localAuthorities, la.odsCode(), la, "local authority");
      }

      @Override
      public void update(LocalAuthority la) {
        replace(localAuthorities, la.odsCode(), la, "local authority");
      }

      @Override
      public Optional<LocalAuthority> find(OdsCode odsCode) {
        return get(localAuthorities, odsCode);
      }

      @Override
      public List<LocalAuthority> findAll() {
        return where(localAuthorities, la -> true);
      }
    }

    private final class Plans implements PlanStore {
      @Override
      public void insert(ProtectionPlan plan) {
        insertNew(plans, plan.id(), plan, "plan");
      }

      @Override
      public void update(ProtectionPlan plan) {
        replace(plans, plan.id(), plan, "plan");
      }

      @Override
      public boolean delete(PlanId id) {
        checkOpen();
        return plans.remove(Objects.requireNonNull(id, "id"), undo);
      }

      @Override
      public Optional<ProtectionPlan> find(PlanId id) {
        return get(plans, id);
      }

      @Override
      public List<ProtectionPlan> findBySubject(NhsNumber subject) {
        checkOpen();
        return plans.byIndex(Objects.requireNonNull(subject, "subject"));
      }

      @Override
      public List<ProtectionPlan> findByLocalAuthority(OdsCode localAuthority) {
        Objects.requireNonNull(localAuthority, "localAuthority");
        checkOpen();
        if (plansPerAuthority.of(localAuthority) == 0) {
          return new ArrayList<>();
        }
        // Plans are keyed in id order, authority first, and "!" is the least local reference:
        // the authority's plans are the run of keys from (authority, "!").
        return plans.from(PlanId.of(localAuthority, "!"))
            .takeWhile(p -> p.localAuthority().equals(localAuthority))
            .collect(Collectors.toList());
      }

      @Override
      public List<ProtectionPlan> findEndedBefore(PlanType type, LocalDate date) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        return where(plans, p -> p.type() == type && p.end().filter(e -> e.isBefore(date)).isPresent());
      }

      @Override
      public List<ProtectionPlan> findOpenWithExpectedDeliveryBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return where(
            plans,
            p -> p.end().isEmpty() && p.expectedDeliveryDate().filter(d -> d.isBefore(date)).isPresent());
      }

      @Override
      public List<ProtectionPlan> findChildBornBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return where(plans, p -> p.childDateOfBirth().filter(d -> d.isBefore(date)).isPresent());
      }
    }

    private final class AccessEvents implements AccessEventStore {
      @Override
      public void insert(AccessEvent event) {
        insertNew(accessEvents, event.id(), event, "access event");
      }

      @Override
      public Optional<AccessEvent> find(RecordId id) {
        return get(accessEvents, id);
      }

      @Override
      public List<AccessEvent> findRecentBySubject(NhsNumber subject, int limit) {
        checkOpen();
        requireLimit(limit);
        return accessEvents.byIndexDescending(Objects.requireNonNull(subject, "subject"), limit);
      }

      @Override
      public int deleteBySubject(NhsNumber subject) {
        checkOpen();
        List<AccessEvent> events = accessEvents.byIndex(Objects.requireNonNull(subject, "subject"));
        events.forEach(e -> accessEvents.remove(e.id(), undo));
        return events.size();
      }
    }

    private final class Notifications implements NotificationStore {
      @Override
      public void insert(AccessNotification notification, Optional<Claim> claim) {
        Objects.requireNonNull(claim, "claim");
        insertNew(notifications, notification.id(), notification, "notification");
        claim.ifPresent(c -> claims.put(notification.id(), c, undo));
      }

      @Override
      public Optional<AccessNotification> find(RecordId id) {
        return get(notifications, id);
      }

      @Override
      public List<AccessNotification> claimDue(Instant now, Claim claim, int limit) {
        checkOpen();
        requireLimit(limit);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(claim, "claim");
        // The pending index is in due order: read it until the first not yet due.
        List<AccessNotification> due = new ArrayList<>(Math.min(limit, 128));
        for (AccessNotification n : pending.ascending(Boolean.TRUE)) {
          if (due.size() >= limit || n.nextAttemptAt().isAfter(now)) {
            break;
          }
          if (claims.get(n.id()).map(c -> !c.until().isAfter(now)).orElse(true)) {
            due.add(n);
          }
        }
        due.forEach(n -> claims.put(n.id(), claim, undo));
        return due;
      }

      @Override
      public boolean release(AccessNotification updated, String claimant) {
        checkOpen();
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(claimant, "claimant");
        boolean held = claims.get(updated.id()).map(c -> c.claimant().equals(claimant)).orElse(false);
        if (held) {
          notifications.put(updated.id(), updated, undo);
          claims.remove(updated.id(), undo);
        }
        return held;
      }

      @Override
      public List<AccessNotification> findUnreviewed(OdsCode localAuthority) {
        Objects.requireNonNull(localAuthority, "localAuthority");
        checkOpen();
        List<AccessNotification> found = new ArrayList<>();
        for (AccessNotification n : notificationsByAuthority.ascending(localAuthority)) {
          if (!reviews.contains(n.id())) {
            found.add(n);
          }
        }
        return found;
      }

      @Override
      public List<AccessNotification> findBySubject(NhsNumber subject) {
        checkOpen();
        return notifications.byIndex(Objects.requireNonNull(subject, "subject"));
      }

      @Override
      public int deleteBySubject(NhsNumber subject) {
        checkOpen();
        List<AccessNotification> found = notifications.byIndex(Objects.requireNonNull(subject, "subject"));
        found.forEach(
            n -> {
              reviews.remove(n.id(), undo);
              claims.remove(n.id(), undo);
              notifications.remove(n.id(), undo);
            });
        return found.size();
      }
    }

    private final class Reviews implements ReviewStore {
      @Override
      public void insert(Review review) {
        checkOpen();
        if (!notifications.contains(review.notificationId())) {
          throw new RecordNotFoundException(
              "notification " + review.notificationId() + " does not exist");
        }
        insertNew(reviews, review.notificationId(), review, "review of notification");
      }

      @Override
      public void update(Review review) {
        replace(reviews, review.notificationId(), review, "review of notification");
      }

      @Override
      public Optional<Review> find(RecordId notificationId) {
        return get(reviews, notificationId);
      }

      @Override
      public List<Review> findByLocalAuthority(OdsCode localAuthority) {
        Objects.requireNonNull(localAuthority, "localAuthority");
        checkOpen();
        return new ArrayList<>(reviews.byIndex(localAuthority));
      }
    }

    private final class Audit implements AuditLog {
      @Override
      public void append(AuditRecord record) {
        checkOpen();
        Objects.requireNonNull(record, "record");
        if (sealed.containsId(record.id()) || !unsealed.addIfAbsent(record, undo)) {
          throw new DuplicateRecordException("audit record " + record.id() + " already exists");
        }
      }

      @Override
      public List<AuditRecord> findUnsealed(int limit) {
        checkOpen();
        requireLimit(limit);
        return unsealed.first(limit);
      }

      @Override
      public void seal(AuditEntry entry) {
        checkOpen();
        Objects.requireNonNull(entry, "entry");
        // the entry seals the record as stored, whatever record the caller's entry carries
        long stored = unsealed.position(entry.id());
        if (stored == RecordIdMap.ABSENT) {
          throw new RecordNotFoundException("no unsealed audit record " + entry.id());
        }
        sealed.add(stored, entry, undo); // refuses a sequence sealed already, changing nothing
        unsealed.remove(entry.id(), undo);
      }

      @Override
      public Optional<AuditEntry> last() {
        checkOpen();
        return sealed.last();
      }

      @Override
      public List<AuditEntry> read(long fromSequence, int limit) {
        checkOpen();
        requireLimit(limit);
        return sealed.from(fromSequence, limit);
      }
    }

    private final class Leases implements LeaseStore {
      @Override
      public boolean acquire(String name, String holder, Instant now, Instant until) {
        checkOpen();
        Lease wanted = new Lease(Objects.requireNonNull(holder, "holder"), Objects.requireNonNull(until, "until"));
        Objects.requireNonNull(now, "now");
        boolean free =
            leases.get(Objects.requireNonNull(name, "name"))
                .map(l -> l.holder().equals(holder) || !l.until().isAfter(now))
                .orElse(true);
        if (free) {
          leases.put(name, wanted, undo);
        }
        return free;
      }

      @Override
      public void release(String name, String holder) {
        checkOpen();
        Objects.requireNonNull(holder, "holder");
        if (leases.get(Objects.requireNonNull(name, "name")).map(l -> l.holder().equals(holder)).orElse(false)) {
          leases.remove(name, undo);
        }
      }

      @Override
      public Optional<String> holder(String name, Instant now) {
        checkOpen();
        Objects.requireNonNull(now, "now");
        return leases.get(Objects.requireNonNull(name, "name")).filter(l -> l.until().isAfter(now)).map(Lease::holder);
      }
    }

    private final class Uploads implements UploadReceiptStore {
      @Override
      public void insert(UploadReceipt receipt) {
        insertNew(uploads, receipt.id(), receipt, "upload receipt");
      }

      @Override
      public Optional<UploadReceipt> findLatest(OdsCode localAuthority) {
        checkOpen();
        return uploads.byIndexDescending(Objects.requireNonNull(localAuthority, "localAuthority"), 1).stream()
            .findFirst();
      }
    }

    private final class Attendances implements AttendanceStore {
      @Override
      public List<AccessEvent> findAccessesSince(NhsNumber subject, Instant since) {
        checkOpen();
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(since, "since");
        return accessEvents.byIndexFrom(subject, () -> Probes.event(subject, since));
      }

      @Override
      public List<AccessNotification> findNotificationsSince(NhsNumber subject, Instant since) {
        checkOpen();
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(since, "since");
        return notifications.byIndexFrom(subject, () -> Probes.notification(subject, since));
      }

      @Override
      public void replaceNotification(AccessNotification updated, Optional<Claim> claim) {
        Objects.requireNonNull(claim, "claim");
        replace(notifications, updated.id(), updated, "notification");
        claims.remove(updated.id(), undo);
        claim.ifPresent(c -> claims.put(updated.id(), c, undo));
      }
    }

    private final class NumberLinks implements NhsNumberLinkStore {
      @Override
      public void insert(NhsNumberLink link) {
        checkOpen();
        Objects.requireNonNull(link, "link");
        if (numberLinkIds.contains(link.id())) {
          throw new DuplicateRecordException("number link " + link.id() + " already exists");
        }
        insertNew(numberLinks, link.number(), link, "link from number");
        numberLinkIds.put(link.id(), link.number(), undo);
      }

      @Override
      public void update(NhsNumberLink link) {
        checkOpen();
        Objects.requireNonNull(link, "link");
        NhsNumberLink old =
            numberLinks.get(link.number())
                .orElseThrow(() -> new RecordNotFoundException("link from number " + link.number() + " does not exist"));
        if (!old.id().equals(link.id()) && numberLinkIds.contains(link.id())) {
          throw new DuplicateRecordException("number link " + link.id() + " already exists");
        }
        numberLinkIds.remove(old.id(), undo);
        numberLinkIds.put(link.id(), link.number(), undo);
        numberLinks.put(link.number(), link, undo);
      }

      @Override
      public Optional<NhsNumberLink> findByNumber(NhsNumber number) {
        return get(numberLinks, number);
      }

      @Override
      public List<NhsNumberLink> findInvolving(NhsNumber number) {
        checkOpen();
        Objects.requireNonNull(number, "number");
        Optional<NhsNumberLink> own = numberLinks.get(number);
        List<NhsNumberLink> others = numberLinks.byIndex(number);
        if (own.isEmpty() && others.isEmpty()) {
          return List.of(); // most children: no link, and no ordered copy to make
        }
        java.util.TreeMap<RecordId, NhsNumberLink> found = new java.util.TreeMap<>();
        own.ifPresent(l -> found.put(l.id(), l));
        others.forEach(l -> found.put(l.id(), l));
        return List.copyOf(found.values());
      }

      @Override
      public void insertNotice(NumberChangeNotice notice) {
        insertNew(numberChangeNotices, notice.id(), notice, "number change notice");
      }

      @Override
      public void updateNotice(NumberChangeNotice notice) {
        replace(numberChangeNotices, notice.id(), notice, "number change notice");
      }

      @Override
      public Optional<NumberChangeNotice> findNotice(RecordId id) {
        return get(numberChangeNotices, id);
      }

      @Override
      public List<NumberChangeNotice> findNotices(OdsCode localAuthority) {
        checkOpen();
        return numberChangeNotices.byIndex(Objects.requireNonNull(localAuthority, "localAuthority"));
      }
    }
  }

  private record Lease(String holder, Instant until) {}

  /*
   * The indexes' orders, written out rather than chained with Comparator.comparing: every insert
   * runs them, and the shared key-extractor lambdas of chained comparators are megamorphic calls.
   */

  /** By time of access, ties by id. */
  private static final Comparator<AccessNotification> BY_ACCESS =
      (a, b) -> {
        int byTime = a.accessedAt().compareTo(b.accessedAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
      };

  /** By next attempt, ties by id. */
  private static final Comparator<AccessNotification> BY_DUE =
      (a, b) -> {
        int byTime = a.nextAttemptAt().compareTo(b.nextAttemptAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
      };

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a limit cannot be negative: " + limit);
    }
  }
}
