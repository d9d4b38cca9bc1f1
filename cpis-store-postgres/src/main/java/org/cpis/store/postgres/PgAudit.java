package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.store.AuditLog;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.RecordNotFoundException;

/**
 * The append-only audit log in {@code audit_record}: a unit of work inserts a row without a
 * sequence (it reads nothing of the log, so appenders never conflict); the sealer later sets its
 * sequence and hashes, once. The store has no other update and no delete.
 */
final class PgAudit implements AuditLog {

  private static final String RECORD_COLUMNS =
      "id, at, action, actor, organisation, setting, subject, detail";
  private static final String ENTRY_COLUMNS = RECORD_COLUMNS + ", sequence, previous_hash, hash";

  private final Session session;

  PgAudit(Session session) {
    this.session = session;
  }

  @Override
  public void append(AuditRecord r) {
    Objects.requireNonNull(r, "audit record");
    session.insertNew(
        () -> new DuplicateRecordException("audit record " + r.id() + " already exists"),
        "INSERT INTO {s}.audit_record (" + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.at(),
        r.action(),
        r.actor(),
        r.organisation(),
        r.setting(),
        r.subject(),
        r.detail());
  }

  @Override
  public List<AuditRecord> findUnsealed(int limit) {
    PgAccessEvents.requireLimit(limit);
    return session.query(
        "SELECT " + RECORD_COLUMNS + " FROM {s}.audit_record WHERE sequence IS NULL"
            + " ORDER BY at, id LIMIT ?",
        PgAudit::record,
        limit);
  }

  /**
   * Seals in one statement that refuses a taken sequence itself, so that a refusal never becomes
   * a unique violation that would abort the transaction; a second look says which refusal it was.
   */
  @Override
  public void seal(AuditEntry e) {
    Objects.requireNonNull(e, "audit entry");
    int sealed =
        session.update(
            "UPDATE {s}.audit_record SET sequence = ?, previous_hash = ?, hash = ?"
                + " WHERE id = ? AND sequence IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM {s}.audit_record WHERE sequence = ?)",
            e.sequence(),
            e.previousHash(),
            e.hash(),
            e.id(),
            e.sequence());
    if (sealed == 0) {
      if (!session.exists("SELECT 1 FROM {s}.audit_record WHERE id = ? AND sequence IS NULL", e.id())) {
        throw new RecordNotFoundException("no unsealed audit record " + e.id());
      }
      throw new DuplicateRecordException("audit entry " + e.sequence() + " is sealed already");
    }
  }

  @Override
  public Optional<AuditEntry> last() {
    return session.queryOne(
        "SELECT " + ENTRY_COLUMNS + " FROM {s}.audit_record WHERE sequence IS NOT NULL"
            + " ORDER BY sequence DESC LIMIT 1",
        PgAudit::entry);
  }

  @Override
  public List<AuditEntry> read(long fromSequence, int limit) {
    PgAccessEvents.requireLimit(limit);
    return session.query(
        "SELECT " + ENTRY_COLUMNS + " FROM {s}.audit_record WHERE sequence >= ?"
            + " ORDER BY sequence LIMIT ?",
        PgAudit::entry,
        fromSequence,
        limit);
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    return AuditRecord.builder()
        .id(Session.recordId(rs, "id"))
        .at(Session.instant(rs, "at"))
        .action(Session.enumOf(AuditAction.class, rs, "action"))
        .actor(rs.getString("actor"))
        .organisation(Session.optionalText(rs, "organisation").map(OdsCode::of))
        .setting(Session.optionalText(rs, "setting").map(CareSetting::valueOf))
        .subject(Session.optionalText(rs, "subject").map(NhsNumber::parse))
        .detail(rs.getString("detail"))
        .build();
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return AuditEntry.builder()
        .sequence(rs.getLong("sequence"))
        .record(record(rs))
        .previousHash(rs.getString("previous_hash"))
        .hash(rs.getString("hash"))
        .build();
  }
}
