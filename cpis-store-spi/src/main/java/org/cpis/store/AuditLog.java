package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.AuditEntry;

/**
 * The append-only audit log. There is no update and no delete: the engine chains entries by
 * hash so that any change made around this interface is detectable.
 */
public interface AuditLog {

  /**
   * Appends the next entry.
   *
   * @throws DuplicateRecordException if its sequence is not one more than the last entry's (1
   *     for the first)
   */
  void append(AuditEntry entry);

  /** The entry with the highest sequence, if any. */
  Optional<AuditEntry> last();

  /** Up to {@code limit} entries with sequence at or after {@code fromSequence}, in sequence order. */
  List<AuditEntry> read(long fromSequence, int limit);
}
