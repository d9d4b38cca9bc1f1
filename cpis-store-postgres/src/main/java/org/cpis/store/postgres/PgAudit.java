package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.store.AuditLog;
import org.cpis.store.DuplicateRecordException;

/** The append-only audit log in {@code audit_entry}: the store has no update and no delete for it. */
final class PgAudit implements AuditLog {

  private static final String COLUMNS =
      "sequence, at, action, actor, organisation, setting, subject, detail, previous_hash, hash";

  private final Session session;

  PgAudit(Session session) {
    this.session = session;
  }

  /** Inserts only when the sequence is one more than the last, in one statement. */
  @Override
  public void append(AuditEntry e) {
    Objects.requireNonNull(e, "audit entry");
    int inserted =
        session.update(
            "INSERT INTO {s}.audit_entry (" + COLUMNS + ")"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE ? = (SELECT coalesce(max(sequence), 0) + 1 FROM {s}.audit_entry)"
                + " ON CONFLICT DO NOTHING",
            e.sequence(),
            e.at(),
            e.action(),
            e.actor(),
            e.organisation(),
            e.setting(),
            e.subject(),
            e.detail(),
            e.previousHash(),
            e.hash(),
            e.sequence());
    if (inserted == 0) {
      throw new DuplicateRecordException(
          "audit entry " + e.sequence() + " does not follow the last entry");
    }
  }

  @Override
  public Optional<AuditEntry> last() {
    return session.queryOne(
        "SELECT " + COLUMNS + " FROM {s}.audit_entry ORDER BY sequence DESC LIMIT 1", PgAudit::read);
  }

  @Override
  public List<AuditEntry> read(long fromSequence, int limit) {
    PgAccessEvents.requireLimit(limit);
    return session.query(
        "SELECT " + COLUMNS + " FROM {s}.audit_entry WHERE sequence >= ? ORDER BY sequence LIMIT ?",
        PgAudit::read,
        fromSequence,
        limit);
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    String organisation = rs.getString("organisation");
    String setting = rs.getString("setting");
    String subject = rs.getString("subject");
    return AuditEntry.builder()
        .sequence(rs.getLong("sequence"))
        .at(Session.instant(rs, "at"))
        .action(Session.enumOf(AuditAction.class, rs, "action"))
        .actor(rs.getString("actor"))
        .organisation(Optional.ofNullable(organisation).map(org.cpis.model.OdsCode::of))
        .setting(Optional.ofNullable(setting).map(CareSetting::valueOf))
        .subject(Optional.ofNullable(subject).map(org.cpis.model.NhsNumber::parse))
        .detail(rs.getString("detail"))
        .previousHash(rs.getString("previous_hash"))
        .hash(rs.getString("hash"))
        .build();
  }
}
