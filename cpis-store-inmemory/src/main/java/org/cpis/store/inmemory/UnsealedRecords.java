package org.cpis.store.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpis.model.AuditRecord;
import org.cpis.model.RecordId;

/**
 * The unsealed audit records: by id in a hash table, and in the sealer's order (by time, ties by
 * id) put together only when the sealer reads them. Every check appends a record and the sealer
 * reads them in batches, later: so an append is one hash insert and one array append, and the
 * order is made by sorting what was appended since the last read (nearly sorted when the clock
 * moves forward) and merging it behind the records already in order, rather than by a walk down a
 * tree, comparing ids, on every append.
 *
 * <p>{@link #rows} is the truth. The two lists may hold stale records: one whose append was undone
 * or that was sealed, which {@code rows} no longer holds (a record is live while {@code rows}
 * holds that very instance under its id), and a second copy of one put back by an undo; both are
 * dropped when met. Every way a record becomes live ({@link #addIfAbsent}, the undo of {@link #remove})
 * appends it to {@link #appended}, so every live record is in one of the lists, and dropping a
 * stale one changes nothing a transaction sees: no undo needs it.
 *
 * <p>The cost of a read: sorting what was appended since the last one, then either adding it at
 * the end of the ordered records (when it all comes after them, as with a clock that moves on) or
 * one merge of the two runs, linear in the unsealed records.
 */
final class UnsealedRecords {

  /** By time, ties by id: the order of {@code AuditLog.findUnsealed}. */
  static final Comparator<AuditRecord> ORDER =
      (a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
      };

  private final Map<RecordId, AuditRecord> rows = new HashMap<>();
  /** Appended since the last read, in no order. */
  private final ArrayList<AuditRecord> appended = new ArrayList<>();
  /** In {@link #ORDER}, each at most once. */
  private ArrayDeque<AuditRecord> ordered = new ArrayDeque<>();

  Optional<AuditRecord> get(RecordId id) {
    return Optional.ofNullable(rows.get(id));
  }

  /**
   * Adds the record unless one with its id is here: one probe of the hash table.
   *
   * @return whether it was added
   */
  boolean addIfAbsent(AuditRecord record, UndoLog undo) {
    RecordId id = record.id();
    if (rows.putIfAbsent(id, record) != null) {
      return false;
    }
    appended.add(record);
    undo.record(() -> rows.remove(id));
    return true;
  }

  /** Removes the record with this id, if here. */
  void remove(RecordId id, UndoLog undo) {
    AuditRecord removed = rows.remove(id);
    if (removed != null) {
      undo.record(
          () -> {
            rows.put(id, removed);
            appended.add(removed);
          });
    }
  }

  /** Up to {@code limit} records, oldest first (by time, ties by id). */
  List<AuditRecord> first(int limit) {
    if (!appended.isEmpty()) {
      order();
    }
    while (!ordered.isEmpty() && !isLive(ordered.peekFirst())) {
      ordered.pollFirst();
    }
    List<AuditRecord> found = new ArrayList<>(Math.min(limit, Math.max(rows.size(), 1)));
    for (Iterator<AuditRecord> it = ordered.iterator(); it.hasNext() && found.size() < limit; ) {
      AuditRecord r = it.next();
      if (isLive(r)) {
        found.add(r);
      }
    }
    return found;
  }

  private boolean isLive(AuditRecord r) {
    return rows.get(r.id()) == r;
  }

  /** Sorts {@link #appended} and puts it into {@link #ordered}, dropping stale records and copies. */
  private void order() {
    appended.sort(ORDER);
    AuditRecord lastOrdered = ordered.peekLast();
    if (lastOrdered == null || ORDER.compare(lastOrdered, appended.get(0)) < 0) {
      appendLive(ordered, appended);
    } else {
      ArrayDeque<AuditRecord> merged = new ArrayDeque<>(ordered.size() + appended.size());
      Iterator<AuditRecord> old = ordered.iterator();
      int next = 0;
      AuditRecord a = old.hasNext() ? old.next() : null;
      while (a != null || next < appended.size()) {
        AuditRecord taken;
        if (a == null || (next < appended.size() && ORDER.compare(appended.get(next), a) < 0)) {
          taken = appended.get(next++);
        } else {
          taken = a;
          a = old.hasNext() ? old.next() : null;
        }
        addLive(merged, taken);
      }
      ordered = merged;
    }
    appended.clear();
  }

  private void appendLive(ArrayDeque<AuditRecord> to, List<AuditRecord> sorted) {
    for (AuditRecord r : sorted) {
      addLive(to, r);
    }
  }

  /** Adds {@code r} at the end if it is live and not the record at the end already. */
  private void addLive(ArrayDeque<AuditRecord> to, AuditRecord r) {
    if (isLive(r) && to.peekLast() != r) {
      to.addLast(r);
    }
  }
}
