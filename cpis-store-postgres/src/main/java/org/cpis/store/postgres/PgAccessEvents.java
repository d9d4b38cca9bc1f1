package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.cpis.store.AccessEventStore;
import org.cpis.store.DuplicateRecordException;

/** The history of unscheduled accesses in {@code access_event}. */
final class PgAccessEvents implements AccessEventStore {

  /** The columns of who looked and from where. */
  private static final String WHO_COLUMNS =
      "accessor_user_id, accessor_name, accessor_role, accessor_rbac_activity_code,"
          + " organisation_ods_code, organisation_name, setting";

  private static final String COLUMNS = "id, subject, " + WHO_COLUMNS + ", accessed_at";
  /** {@code SELECT} of every column of an access event, ready for its {@code WHERE} condition. */
  static final String SELECT = "SELECT " + COLUMNS + " FROM {s}.access_event WHERE ";

  private final Session session;

  PgAccessEvents(Session session) {
    this.session = session;
  }

  @Override
  public void insert(AccessEvent e) {
    Objects.requireNonNull(e, "access event");
    session.insertNew(
        () -> new DuplicateRecordException("access event " + e.id() + " already exists"),
        "INSERT INTO {s}.access_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(),
        e.subject(),
        e.accessor().userId(),
        e.accessor().name(),
        e.accessor().role(),
        e.accessor().rbacActivityCode(),
        e.organisation().odsCode(),
        e.organisation().name(),
        e.setting(),
        e.accessedAt());
  }

  @Override
  public Optional<AccessEvent> find(RecordId id) {
    Objects.requireNonNull(id, "id");
    return session.queryOne(
        "SELECT " + COLUMNS + " FROM {s}.access_event WHERE id = ?", PgAccessEvents::read, id);
  }

  @Override
  public List<AccessEvent> findRecentBySubject(NhsNumber subject, int limit) {
    Objects.requireNonNull(subject, "subject");
    requireLimit(limit);
    return session.query(
        "SELECT " + COLUMNS + " FROM {s}.access_event WHERE subject = ?"
            + " ORDER BY accessed_at DESC, id DESC LIMIT ?",
        PgAccessEvents::read,
        subject,
        limit);
  }

  @Override
  public int deleteBySubject(NhsNumber subject) {
    Objects.requireNonNull(subject, "subject");
    return session.update("DELETE FROM {s}.access_event WHERE subject = ?", subject);
  }

  static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a limit cannot be negative: " + limit);
    }
  }

  static Accessor accessor(ResultSet rs) throws SQLException {
    return Accessor.builder()
        .userId(rs.getString("accessor_user_id"))
        .name(rs.getString("accessor_name"))
        .role(rs.getString("accessor_role"))
        .rbacActivityCode(rs.getString("accessor_rbac_activity_code"))
        .build();
  }

  static Organisation organisation(ResultSet rs) throws SQLException {
    return Organisation.of(Session.odsCode(rs, "organisation_ods_code"), rs.getString("organisation_name"));
  }

  static CareSetting setting(ResultSet rs) throws SQLException {
    return Session.enumOf(CareSetting.class, rs, "setting");
  }

  static AccessEvent read(ResultSet rs) throws SQLException {
    return AccessEvent.builder()
        .id(Session.recordId(rs, "id"))
        .subject(Session.nhsNumber(rs, "subject"))
        .accessor(accessor(rs))
        .organisation(organisation(rs))
        .setting(setting(rs))
        .accessedAt(Session.instant(rs, "accessed_at"))
        .build();
  }
}
