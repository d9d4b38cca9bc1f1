package org.cpis.testkit.conformance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditTreeNode;
import org.cpis.model.AuditRecord;
import org.cpis.store.Claim;
import org.cpis.store.LeaseStore;
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
import org.cpis.store.CpisStore;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.LocalAuthorityStore;
import org.cpis.store.NotificationStore;
import org.cpis.store.PlanStore;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.ReviewStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;
import org.cpis.store.UploadReceiptStore;

/**
 * A deliberately simple store over a {@link ReferenceModel}, with faults that a storage vendor
 * could plausibly make, each switched on by a {@link Fault}. Without faults it is a correct
 * store: transactions hold one lock and restore a copy of the data when the work throws.
 */
final class MapStore implements CpisStore {

  /** A fault, and the contract group of the kit that must catch it. */
  enum Fault {
    /** Leaves a failed transaction's writes in place. */
    FORGETS_ROLLBACK,
    /** Lists a subject's accesses oldest first. */
    EVENTS_OLDEST_FIRST,
    /** Returns every match from the queries that take a limit. */
    IGNORES_LIMIT,
    /** Overwrites a record whose id exists instead of refusing the insert (reviews too). */
    ALLOWS_DUPLICATE_IDS,
    /** Inserts the record when an update names an id that does not exist. */
    UPDATE_OF_MISSING_INSERTS,
    /** Seals an audit record whose sequence is taken, or that is sealed already. */
    AUDIT_SEALS_TWICE,
    /** Claims due notifications even while another claim on them runs. */
    CLAIMS_OVERLAP,
    /** Gives a lease to whoever asks, held or not. */
    LEASES_IGNORE_HOLDER,
    /** Rolls back a transaction in which a refusal was thrown, even if the work caught it. */
    REFUSAL_DOOMS,
    /** Commits a transaction in which a store failure was thrown, if the work caught it. */
    IGNORES_DOOM,
    /** Treats "before the date" as "on or before the date" in the plan date queries. */
    DATE_BOUNDARIES_INCLUSIVE,
    /** Keeps reviewed notifications in the review inbox. */
    REVIEWED_STAYS_IN_INBOX,
    /** Lets a transaction's stores be used after it ended. */
    USABLE_AFTER_TRANSACTION,
    /** Runs transactions at once without isolating them (each single operation is atomic). */
    NO_ISOLATION,
    /** Deletes a subject's notifications but leaves their reviews behind. */
    PURGE_KEEPS_REVIEWS,
    /** Wraps the unit of work's own exceptions in a StoreException instead of rethrowing them. */
    WRAPS_EXCEPTIONS,
    /** Overwrites an audit tree node whose position is taken instead of refusing it. */
    AUDIT_TREE_OVERWRITES,
    /** Leaves out of a window's history the accesses at its very start. */
    WINDOW_EXCLUDES_ITS_START
  }

  private final Set<Fault> faults;
  private final ReferenceModel data = new ReferenceModel();
  private final ReentrantLock transactionLock = new ReentrantLock(true);

  MapStore(Set<Fault> faults) {
    this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
  }

  private boolean has(Fault fault) {
    return faults.contains(fault);
  }

  @Override
  public <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    boolean isolated = !has(Fault.NO_ISOLATION);
    if (isolated) {
      transactionLock.lock();
    }
    try {
      ReferenceModel before = locked(data::copy);
      Tx tx = new Tx();
      try {
        T result = work.apply(tx);
        tx.open = false;
        if (tx.doomed) {
          throw new StoreException("the transaction failed and was rolled back");
        }
        return result;
      } catch (Throwable e) {
        tx.open = false;
        if (!has(Fault.FORGETS_ROLLBACK)) {
          locked(() -> data.restore(before));
        }
        if (has(Fault.WRAPS_EXCEPTIONS) && !(e instanceof StoreException)) {
          throw new StoreException("the unit of work failed", e);
        }
        throw e;
      }
    } finally {
      if (isolated) {
        transactionLock.unlock();
      }
    }
  }

  private synchronized <T> T locked(Supplier<T> action) {
    return action.get();
  }

  private synchronized void locked(Runnable action) {
    action.run();
  }

  @Override
  public String toString() {
    return "MapStore" + faults;
  }

  final class Tx implements StoreTransaction {

    volatile boolean open = true;
    volatile boolean doomed;

    /** A store failure that is not a refusal: it dooms the transaction (TX-16). */
    void fail() {
      doomed = !has(Fault.IGNORES_DOOM);
      throw new StoreException("the store failed a statement");
    }

    private StoreException refused(StoreException refusal) {
      if (has(Fault.REFUSAL_DOOMS)) {
        doomed = true;
      }
      return refusal;
    }

    private <T> T op(Supplier<T> action) {
      if (!open && !has(Fault.USABLE_AFTER_TRANSACTION)) {
        throw new IllegalStateException("the transaction has ended");
      }
      return locked(action);
    }

    private void write(Runnable action) {
      op(
          () -> {
            action.run();
            return null;
          });
    }

    private <K, V> void insert(Map<K, V> table, K key, V row) {
      write(
          () -> {
            if (table.containsKey(key) && !has(Fault.ALLOWS_DUPLICATE_IDS)) {
              throw refused(new DuplicateRecordException(key + " exists"));
            }
            table.put(key, row);
          });
    }

    private <K, V> void update(Map<K, V> table, K key, V row) {
      write(
          () -> {
            if (!table.containsKey(key) && !has(Fault.UPDATE_OF_MISSING_INSERTS)) {
              throw refused(new RecordNotFoundException(key + " does not exist"));
            }
            table.put(key, row);
          });
    }

    private int limit(int limit) {
      return has(Fault.IGNORES_LIMIT) ? Integer.MAX_VALUE : limit;
    }

    private LocalDate boundary(LocalDate date) {
      return has(Fault.DATE_BOUNDARIES_INCLUSIVE) ? date.plusDays(1) : date;
    }

    @Override
    public LocalAuthorityStore localAuthorities() {
      return op(() -> localAuthorityStore);
    }

    @Override
    public AttendanceStore attendances() {
      return op(() -> attendanceStore);
    }

    @Override
    public NhsNumberLinkStore numberLinks() {
      return op(() -> numberLinkStore);
    }

    private final AttendanceStore attendanceStore =
        new AttendanceStore() {
          @Override
          public List<org.cpis.model.AccessEvent> findAccessesSince(NhsNumber subject, Instant since) {
            Instant from = has(Fault.WINDOW_EXCLUDES_ITS_START) ? since.plusNanos(1_000) : since;
            return op(() -> data.accessesSince(subject, from));
          }

          @Override
          public List<AccessNotification> findNotificationsSince(NhsNumber subject, Instant since) {
            return op(() -> data.notificationsSince(subject, since));
          }

          @Override
          public void replaceNotification(AccessNotification updated, Optional<Claim> claim) {
            update(data.notifications, updated.id(), updated);
            write(
                () -> {
                  data.claims.remove(updated.id());
                  claim.ifPresent(c -> data.claims.put(updated.id(), c));
                });
          }
        };

    private final NhsNumberLinkStore numberLinkStore =
        new NhsNumberLinkStore() {
          @Override
          public void insert(org.cpis.model.NhsNumberLink link) {
            write(
                () -> {
                  boolean idTaken =
                      data.numberLinks.values().stream().anyMatch(l -> l.id().equals(link.id()));
                  if ((idTaken || data.numberLinks.containsKey(link.number())) && !has(Fault.ALLOWS_DUPLICATE_IDS)) {
                    throw refused(new DuplicateRecordException(link.id() + " exists"));
                  }
                  data.numberLinks.put(link.number(), link);
                });
          }

          @Override
          public void update(org.cpis.model.NhsNumberLink link) {
            write(
                () -> {
                  boolean idTaken =
                      data.numberLinks.values().stream()
                          .anyMatch(l -> l.id().equals(link.id()) && !l.number().equals(link.number()));
                  if (idTaken) {
                    throw refused(new DuplicateRecordException(link.id() + " exists"));
                  }
                });
            Tx.this.update(data.numberLinks, link.number(), link);
          }

          @Override
          public Optional<org.cpis.model.NhsNumberLink> findByNumber(NhsNumber number) {
            return op(() -> Optional.ofNullable(data.numberLinks.get(number)));
          }

          @Override
          public List<org.cpis.model.NhsNumberLink> findInvolving(NhsNumber number) {
            return op(() -> data.linksInvolving(number));
          }

          @Override
          public void insertNotice(org.cpis.model.NumberChangeNotice notice) {
            Tx.this.insert(data.notices, notice.id(), notice);
          }

          @Override
          public void updateNotice(org.cpis.model.NumberChangeNotice notice) {
            Tx.this.update(data.notices, notice.id(), notice);
          }

          @Override
          public Optional<org.cpis.model.NumberChangeNotice> findNotice(RecordId id) {
            return op(() -> Optional.ofNullable(data.notices.get(id)));
          }

          @Override
          public List<org.cpis.model.NumberChangeNotice> findNotices(OdsCode localAuthority) {
            return op(() -> data.noticesOf(localAuthority));
          }
        };

    @Override
    public PlanStore plans() {
      return op(() -> planStore);
    }

    @Override
    public AccessEventStore accessEvents() {
      return op(() -> accessEventStore);
    }

    @Override
    public NotificationStore notifications() {
      return op(() -> notificationStore);
    }

    @Override
    public ReviewStore reviews() {
      return op(() -> reviewStore);
    }

    @Override
    public AuditLog audit() {
      return op(() -> auditLog);
    }

    @Override
    public UploadReceiptStore uploads() {
      return op(() -> uploadStore);
    }

    @Override
    public AuditTreeStore auditTree() {
      return op(() -> auditTreeStore);
    }

    private final AuditTreeStore auditTreeStore =
        new AuditTreeStore() {
          @Override
          public void putNodes(List<AuditTreeNode> nodes) {
            write(
                () -> {
                  java.util.Set<List<Long>> seen = new java.util.HashSet<>();
                  for (AuditTreeNode n : nodes) {
                    List<Long> key = List.of((long) n.level(), n.index());
                    if ((data.treeNodes.containsKey(key) || !seen.add(key)) && !has(Fault.AUDIT_TREE_OVERWRITES)) {
                      throw new DuplicateRecordException("audit tree node " + key + " exists");
                    }
                  }
                  nodes.forEach(n -> data.treeNodes.put(List.of((long) n.level(), n.index()), n));
                });
          }

          @Override
          public Optional<AuditTreeNode> findNode(int level, long index) {
            return op(() -> Optional.ofNullable(data.treeNodes.get(List.of((long) level, index))));
          }

          @Override
          public void putCheckpoint(AuditCheckpoint checkpoint) {
            write(
                () -> {
                  if (data.checkpoints.containsKey(checkpoint.treeSize()) && !has(Fault.AUDIT_TREE_OVERWRITES)) {
                    throw new DuplicateRecordException("audit checkpoint " + checkpoint.treeSize() + " exists");
                  }
                  data.checkpoints.put(checkpoint.treeSize(), checkpoint);
                });
          }

          @Override
          public Optional<AuditCheckpoint> findCheckpoint(long treeSize) {
            return op(() -> Optional.ofNullable(data.checkpoints.get(treeSize)));
          }

          @Override
          public Optional<AuditCheckpoint> latestCheckpoint() {
            return op(() -> Optional.ofNullable(data.checkpoints.lastEntry()).map(Map.Entry::getValue));
          }
        };

    @Override
    public LeaseStore leases() {
      return op(() -> leaseStore);
    }

    private final LeaseStore leaseStore =
        new LeaseStore() {
          @Override
          public boolean acquire(String name, String holder, Instant now, Instant until) {
            return op(
                () -> {
                  Claim held = data.leases.get(name);
                  boolean free =
                      held == null || held.claimant().equals(holder) || !held.until().isAfter(now)
                          || has(Fault.LEASES_IGNORE_HOLDER);
                  if (free) {
                    data.leases.put(name, new Claim(holder, until));
                  }
                  return free;
                });
          }

          @Override
          public void release(String name, String holder) {
            write(
                () -> {
                  Claim held = data.leases.get(name);
                  if (held != null && held.claimant().equals(holder)) {
                    data.leases.remove(name);
                  }
                });
          }

          @Override
          public Optional<String> holder(String name, Instant now) {
            return op(() -> Optional.ofNullable(data.leases.get(name)).filter(l -> l.until().isAfter(now)).map(Claim::claimant));
          }
        };

    private final LocalAuthorityStore localAuthorityStore =
        new LocalAuthorityStore() {
          @Override
          public void insert(LocalAuthority la) {
            Tx.this.insert(data.localAuthorities, la.odsCode(), la);
          }

          @Override
          public void update(LocalAuthority la) {
            Tx.this.update(data.localAuthorities, la.odsCode(), la);
          }

          @Override
          public Optional<LocalAuthority> find(OdsCode odsCode) {
            return op(() -> Optional.ofNullable(data.localAuthorities.get(odsCode)));
          }

          @Override
          public List<LocalAuthority> findAll() {
            return op(() -> new ArrayList<>(data.localAuthorities.values()));
          }
        };

    private final PlanStore planStore =
        new PlanStore() {
          @Override
          public void insert(ProtectionPlan plan) {
            Tx.this.insert(data.plans, plan.id(), plan);
          }

          @Override
          public void update(ProtectionPlan plan) {
            Tx.this.update(data.plans, plan.id(), plan);
          }

          @Override
          public boolean delete(PlanId id) {
            return op(() -> data.plans.remove(id) != null);
          }

          @Override
          public Optional<ProtectionPlan> find(PlanId id) {
            return op(() -> Optional.ofNullable(data.plans.get(id)));
          }

          @Override
          public List<ProtectionPlan> findBySubject(NhsNumber subject) {
            return op(() -> data.plansBySubject(subject));
          }

          @Override
          public List<ProtectionPlan> findByLocalAuthority(OdsCode localAuthority) {
            return op(() -> data.plansByLocalAuthority(localAuthority));
          }

          @Override
          public List<ProtectionPlan> findEndedBefore(PlanType type, LocalDate date) {
            return op(() -> data.plansEndedBefore(type, boundary(date)));
          }

          @Override
          public List<ProtectionPlan> findOpenWithExpectedDeliveryBefore(LocalDate date) {
            return op(() -> data.plansOpenWithExpectedDeliveryBefore(boundary(date)));
          }

          @Override
          public List<ProtectionPlan> findChildBornBefore(LocalDate date) {
            return op(() -> data.plansWithChildBornBefore(boundary(date)));
          }
        };

    private final AccessEventStore accessEventStore =
        new AccessEventStore() {
          @Override
          public void insert(AccessEvent event) {
            Tx.this.insert(data.events, event.id(), event);
          }

          @Override
          public Optional<AccessEvent> find(RecordId id) {
            return op(() -> Optional.ofNullable(data.events.get(id)));
          }

          @Override
          public List<AccessEvent> findRecentBySubject(NhsNumber subject, int limit) {
            return op(
                () -> {
                  List<AccessEvent> found = new ArrayList<>(data.recentEvents(subject, limit(limit)));
                  if (has(Fault.EVENTS_OLDEST_FIRST)) {
                    Collections.reverse(found);
                  }
                  return found;
                });
          }

          @Override
          public int deleteBySubject(NhsNumber subject) {
            return op(() -> data.deleteEventsBySubject(subject));
          }
        };

    private final NotificationStore notificationStore =
        new NotificationStore() {
          @Override
          public void insert(AccessNotification n, Optional<Claim> claim) {
            Tx.this.insert(data.notifications, n.id(), n);
            write(() -> claim.ifPresent(c -> data.claims.put(n.id(), c)));
          }

          @Override
          public boolean release(AccessNotification n, String claimant) {
            return op(() -> data.release(n, claimant));
          }

          @Override
          public Optional<AccessNotification> find(RecordId id) {
            return op(() -> Optional.ofNullable(data.notifications.get(id)));
          }

          @Override
          public List<AccessNotification> claimDue(Instant now, Claim claim, int limit) {
            if (has(Fault.CLAIMS_OVERLAP)) {
              return op(
                  () -> {
                    List<AccessNotification> due = data.pendingDue(now, limit(limit));
                    due.forEach(n -> data.claims.put(n.id(), claim));
                    return due;
                  });
            }
            return op(() -> data.claimDue(now, claim, limit(limit)));
          }

          @Override
          public List<AccessNotification> findUnreviewed(OdsCode localAuthority) {
            if (!has(Fault.REVIEWED_STAYS_IN_INBOX)) {
              return op(() -> data.unreviewed(localAuthority));
            }
            return op(
                () ->
                    data.notifications.values().stream()
                        .filter(n -> n.localAuthority().equals(localAuthority))
                        .sorted(ReferenceModel.BY_ACCESS)
                        .collect(Collectors.toList()));
          }

          @Override
          public List<AccessNotification> findBySubject(NhsNumber subject) {
            return op(() -> data.notificationsBySubject(subject));
          }

          @Override
          public int deleteBySubject(NhsNumber subject) {
            if (!has(Fault.PURGE_KEEPS_REVIEWS)) {
              return op(() -> data.deleteNotificationsBySubject(subject));
            }
            return op(
                () -> {
                  List<RecordId> ids =
                      data.notificationsBySubject(subject).stream()
                          .map(AccessNotification::id)
                          .collect(Collectors.toList());
                  ids.forEach(data.notifications::remove);
                  return ids.size();
                });
          }
        };

    private final ReviewStore reviewStore =
        new ReviewStore() {
          @Override
          public void insert(Review review) {
            op(
                () -> {
                  if (!data.notifications.containsKey(review.notificationId())) {
                    throw new RecordNotFoundException(review.notificationId() + " does not exist");
                  }
                  return null;
                });
            Tx.this.insert(data.reviews, review.notificationId(), review);
          }

          @Override
          public void update(Review review) {
            Tx.this.update(data.reviews, review.notificationId(), review);
          }

          @Override
          public Optional<Review> find(RecordId notificationId) {
            return op(() -> Optional.ofNullable(data.reviews.get(notificationId)));
          }

          @Override
          public List<Review> findByLocalAuthority(OdsCode localAuthority) {
            return op(() -> data.reviewsByLocalAuthority(localAuthority));
          }
        };

    private final AuditLog auditLog =
        new AuditLog() {
          @Override
          public void append(AuditRecord record) {
            write(
                () -> {
                  if (data.auditIdTaken(record.id())) {
                    throw refused(new DuplicateRecordException("audit record " + record.id() + " exists"));
                  }
                  data.unsealed.put(record.id(), record);
                });
          }

          @Override
          public List<AuditRecord> findUnsealed(int limit) {
            return op(() -> data.unsealedOldestFirst().stream().limit(limit(limit)).collect(Collectors.toList()));
          }

          @Override
          public void seal(AuditEntry entry) {
            write(
                () -> {
                  boolean twice = has(Fault.AUDIT_SEALS_TWICE);
                  if (!data.unsealed.containsKey(entry.id()) && !twice) {
                    throw refused(new RecordNotFoundException("no unsealed audit record " + entry.id()));
                  }
                  if (data.audit.containsKey(entry.sequence()) && !twice) {
                    throw refused(new DuplicateRecordException("audit entry " + entry.sequence() + " is sealed"));
                  }
                  AuditRecord stored = data.unsealed.remove(entry.id());
                  data.audit.put(
                      entry.sequence(), stored == null ? entry : AuditEntry.builder().from(entry).record(stored).build());
                });
          }

          @Override
          public Optional<AuditEntry> last() {
            return op(data::lastAudit);
          }

          @Override
          public List<AuditEntry> read(long fromSequence, int limit) {
            return op(() -> data.readAudit(fromSequence, limit(limit)));
          }
        };

    private final UploadReceiptStore uploadStore =
        new UploadReceiptStore() {
          @Override
          public void insert(UploadReceipt receipt) {
            Tx.this.insert(data.uploads, receipt.id(), receipt);
          }

          @Override
          public Optional<UploadReceipt> findLatest(OdsCode localAuthority) {
            return op(
                () ->
                    data.latestUploads(localAuthority).stream()
                        .max(Comparator.comparing(UploadReceipt::id)));
          }
        };
  }
}
