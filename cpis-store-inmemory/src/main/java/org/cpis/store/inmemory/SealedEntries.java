package org.cpis.store.inmemory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AuditEntry;
import org.cpis.model.RecordId;
import org.cpis.store.DuplicateRecordException;

/**
 * The sealed audit entries, written to the {@link AuditJournal}: by sequence in two sorted arrays
 * (sequence, position), to which the sealer, numbering from 1 without gaps, always adds at the
 * end; and the sealed records' ids, so that an id is used once in the whole log. Not thread-safe:
 * the store's lock guards it.
 */
final class SealedEntries {

  private final AuditJournal journal;
  private final RecordIdMap ids = new RecordIdMap();
  private long[] sequences = new long[16];
  private long[] positions = new long[16];
  private int size;

  SealedEntries(AuditJournal journal) {
    this.journal = journal;
  }

  boolean containsId(RecordId id) {
    return ids.get(id) != RecordIdMap.ABSENT;
  }

  /**
   * Seals the record at {@code record} as {@code entry} (its sequence, hashes and id; the record
   * is the one at that position).
   *
   * @throws DuplicateRecordException if the sequence is sealed already; nothing is changed
   */
  void add(long record, AuditEntry entry, UndoLog undo) {
    long sequence = entry.sequence();
    int at = Arrays.binarySearch(sequences, 0, size, sequence);
    if (at >= 0) {
      throw new DuplicateRecordException("audit entry " + sequence + " is sealed already");
    }
    int place = -at - 1;
    long position = journal.appendSealed(record, entry); // before the arrays change: it may throw
    if (size == sequences.length) {
      sequences = Arrays.copyOf(sequences, size * 2);
      positions = Arrays.copyOf(positions, size * 2);
    }
    System.arraycopy(sequences, place, sequences, place + 1, size - place);
    System.arraycopy(positions, place, positions, place + 1, size - place);
    sequences[place] = sequence;
    positions[place] = position;
    size++;
    RecordId id = entry.id();
    undo.record(
        () -> {
          ids.remove(id);
          int i = Arrays.binarySearch(sequences, 0, size, sequence);
          System.arraycopy(sequences, i + 1, sequences, i, size - i - 1);
          System.arraycopy(positions, i + 1, positions, i, size - i - 1);
          size--;
        });
    ids.putIfAbsent(id, sequence);
  }

  /** The entry with the highest sequence. */
  Optional<AuditEntry> last() {
    return size == 0 ? Optional.empty() : Optional.of(journal.entry(positions[size - 1]));
  }

  /** Up to {@code limit} entries from {@code fromSequence} on, in sequence order. */
  List<AuditEntry> from(long fromSequence, int limit) {
    int at = Arrays.binarySearch(sequences, 0, size, fromSequence);
    int first = at >= 0 ? at : -at - 1;
    int last = (int) Math.min(size, (long) first + limit);
    List<AuditEntry> found = new ArrayList<>(Math.max(0, last - first));
    for (int i = first; i < last; i++) {
      found.add(journal.entry(positions[i]));
    }
    return found;
  }
}
