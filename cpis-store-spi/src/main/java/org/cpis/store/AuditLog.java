package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;

/**
 * The append-only audit log, in two steps so that no unit of work waits for another:
 *
 * <ol>
 *   <li>a unit of work {@link #append appends} an {@link AuditRecord}, unsealed, in its own
 *       transaction; it reads nothing of the log;
 *   <li>after commit, one sealer at a time (holding a {@link LeaseStore lease}) reads the oldest
 *       {@link #findUnsealed unsealed} records and {@link #seal seals} each: its sequence number,
 *       the previous entry's hash and its own, making it an {@link AuditEntry}.
 * </ol>
 *
 * There is no update of a record's content and no delete: the engine chains entries by hash so
 * that any change made around this interface is detectable.
 */
public interface AuditLog {

  /**
   * Appends an unsealed record.
   *
   * @throws DuplicateRecordException if a record with the same id exists, sealed or not
   */
  void append(AuditRecord record);

  /** Up to {@code limit} unsealed records, oldest first (by time, ties by id). */
  List<AuditRecord> findUnsealed(int limit);

  /**
   * Seals the unsealed record that {@code entry.record()} names by its id: keeps the entry's
   * sequence, previous hash and hash with it. The sealed entry's record is the stored one, as
   * appended: sealing never changes what a record says.
   *
   * @throws RecordNotFoundException if no unsealed record has that id
   * @throws DuplicateRecordException if an entry with that sequence is sealed already
   */
  void seal(AuditEntry entry);

  /** The sealed entry with the highest sequence, if any. */
  Optional<AuditEntry> last();

  /**
   * Up to {@code limit} sealed entries with sequence at or after {@code fromSequence}, in
   * sequence order.
   */
  List<AuditEntry> read(long fromSequence, int limit);
}
