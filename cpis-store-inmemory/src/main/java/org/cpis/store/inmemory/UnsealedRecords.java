package org.cpis.store.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.cpis.model.AuditRecord;
import org.cpis.model.RecordId;

/**
 * The unsealed audit records: written to the {@link AuditJournal}, found by id through a {@link
 * RecordIdMap} of their positions, and put in the sealer's order (by time, ties by id) only when
 * the sealer reads them. Every check appends a record and the sealer reads them in batches,
 * later: so an append writes the record's bytes and two numbers into arrays, and the order is
 * made by sorting what was appended since the last read (nearly sorted when the clock moves
 * forward) and merging it behind the records already in order, rather than by a walk down a
 * tree, comparing ids, on every append.
 *
 * <p>{@link #rows} is the truth: a record is live while {@code rows} holds its position under its
 * id. The lists of positions may hold stale ones: a record whose append was undone or that was
 * sealed, and a second copy of one put back by an undo; both are dropped when met. Every way a
 * record becomes live ({@link #addIfAbsent}, the undo of {@link #remove}) appends its position to
 * {@link #appended}, so every live record is in one of the lists, and dropping a stale one changes
 * nothing a transaction sees: no undo needs it.
 *
 * <p>The cost of a read: decoding and sorting what was appended since the last one, then either
 * adding it at the end of the ordered records (when it all comes after them, as with a clock that
 * moves on) or one merge of the two runs, linear in the unsealed records.
 */
final class UnsealedRecords {

  /** By time, ties by id: the order of {@code AuditLog.findUnsealed}. */
  static final Comparator<AuditRecord> ORDER =
      (a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
      };

  /** A record read back from the journal, with its position. */
  private record Held(long position, AuditRecord record) {}

  private static final Comparator<Held> HELD_ORDER = (a, b) -> ORDER.compare(a.record(), b.record());

  private final AuditJournal journal;
  private final RecordIdMap rows = new RecordIdMap();
  /** The positions appended since the last read, in no order: {@code appended[0..count)}. */
  private long[] appended = new long[16];
  private int count;
  /** In {@link #ORDER}, each at most once. */
  private ArrayDeque<Held> ordered = new ArrayDeque<>();

  UnsealedRecords(AuditJournal journal) {
    this.journal = journal;
  }

  /** The journal position of the unsealed record with this id, or {@link RecordIdMap#ABSENT}. */
  long position(RecordId id) {
    return rows.get(id);
  }

  /**
   * Adds the record unless one with its id is here.
   *
   * @return whether it was added
   */
  boolean addIfAbsent(AuditRecord record, UndoLog undo) {
    RecordId id = record.id();
    // written first, so that the id is read once; if the id is in use, the bytes stay unread
    long position = journal.append(record);
    if (rows.putIfAbsent(id, position) != RecordIdMap.ABSENT) {
      return false;
    }
    undo.record(() -> rows.remove(id));
    append(position);
    return true;
  }

  /** Removes the record with this id, if here. */
  void remove(RecordId id, UndoLog undo) {
    long removed = rows.remove(id);
    if (removed != RecordIdMap.ABSENT) {
      undo.record(
          () -> {
            rows.putIfAbsent(id, removed);
            append(removed);
          });
    }
  }

  private void append(long position) {
    if (count == appended.length) {
      appended = Arrays.copyOf(appended, count * 2);
    }
    appended[count++] = position;
  }

  /** Up to {@code limit} records, oldest first (by time, ties by id). */
  List<AuditRecord> first(int limit) {
    if (count > 0) {
      order();
    }
    while (!ordered.isEmpty() && !isLive(ordered.peekFirst())) {
      ordered.pollFirst();
    }
    List<AuditRecord> found = new ArrayList<>(Math.min(limit, Math.max(rows.size(), 1)));
    for (Iterator<Held> it = ordered.iterator(); it.hasNext() && found.size() < limit; ) {
      Held h = it.next();
      if (isLive(h)) {
        found.add(h.record());
      }
    }
    return found;
  }

  private boolean isLive(Held h) {
    return rows.get(h.record().id()) == h.position();
  }

  /** Reads, sorts and puts {@link #appended} into {@link #ordered}, dropping stale records and copies. */
  private void order() {
    List<Held> read = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      read.add(new Held(appended[i], journal.record(appended[i])));
    }
    count = 0;
    read.sort(HELD_ORDER);
    Held lastOrdered = ordered.peekLast();
    if (lastOrdered == null || HELD_ORDER.compare(lastOrdered, read.get(0)) < 0) {
      for (Held h : read) {
        addLive(ordered, h);
      }
      return;
    }
    ArrayDeque<Held> merged = new ArrayDeque<>(ordered.size() + read.size());
    Iterator<Held> old = ordered.iterator();
    int next = 0;
    Held a = old.hasNext() ? old.next() : null;
    while (a != null || next < read.size()) {
      Held taken;
      if (a == null || (next < read.size() && HELD_ORDER.compare(read.get(next), a) < 0)) {
        taken = read.get(next++);
      } else {
        taken = a;
        a = old.hasNext() ? old.next() : null;
      }
      addLive(merged, taken);
    }
    ordered = merged;
  }

  /** Adds {@code h} at the end if it is live and not the record at the end already. */
  private void addLive(ArrayDeque<Held> to, Held h) {
    Held last = to.peekLast();
    if (isLive(h) && (last == null || last.position() != h.position())) {
      to.addLast(h);
    }
  }
}
