package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.NhsNumberLinkStore;
import org.cpis.store.RecordNotFoundException;

/** Number links in {@code nhs_number_link} (keyed by the old number) and their notices. */
final class PgNumberLinks implements NhsNumberLinkStore {

  private static final String LINK_COLUMNS = "number, id, replacement, reported_by, recorded_at";
  private static final List<String> NOTICE_FIELDS =
      List.of(
          "link_id", "local_authority", "number", "replacement", "plans", "recorded_at",
          "acknowledged_by", "acknowledged_at");
  private static final String NOTICE_COLUMNS = "id, " + String.join(", ", NOTICE_FIELDS);

  private final Session session;

  PgNumberLinks(Session session) {
    this.session = session;
  }

  @Override
  public void insert(NhsNumberLink l) {
    Objects.requireNonNull(l, "link");
    session.insertNew(
        () -> new DuplicateRecordException("a number link " + l.id() + " or one from its number already exists"),
        "INSERT INTO {s}.nhs_number_link (" + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        l.number(), l.id(), l.replacement(), l.reportedBy(), l.recordedAt());
  }

  @Override
  public void update(NhsNumberLink l) {
    Objects.requireNonNull(l, "link");
    if (session.exists("SELECT 1 FROM {s}.nhs_number_link WHERE id = ? AND number <> ?", l.id(), l.number())) {
      throw new DuplicateRecordException("number link " + l.id() + " already exists");
    }
    int updated =
        session.update(
            "UPDATE {s}.nhs_number_link SET id = ?, replacement = ?, reported_by = ?, recorded_at = ? WHERE number = ?",
            l.id(), l.replacement(), l.reportedBy(), l.recordedAt(), l.number());
    if (updated == 0) {
      throw new RecordNotFoundException("link from number " + l.number() + " does not exist");
    }
  }

  @Override
  public Optional<NhsNumberLink> findByNumber(NhsNumber number) {
    Objects.requireNonNull(number, "number");
    return session.queryOne(
        "SELECT " + LINK_COLUMNS + " FROM {s}.nhs_number_link WHERE number = ?", PgNumberLinks::link, number);
  }

  @Override
  public List<NhsNumberLink> findInvolving(NhsNumber number) {
    Objects.requireNonNull(number, "number");
    return session.query(
        "SELECT " + LINK_COLUMNS + " FROM {s}.nhs_number_link WHERE number = ? OR replacement = ? ORDER BY id",
        PgNumberLinks::link,
        number,
        number);
  }

  @Override
  public void insertNotice(NumberChangeNotice n) {
    Objects.requireNonNull(n, "notice");
    session.insertNew(
        () -> new DuplicateRecordException("number change notice " + n.id() + " already exists"),
        "INSERT INTO {s}.number_change_notice (" + NOTICE_COLUMNS + ") VALUES ("
            + Session.placeholders(NOTICE_FIELDS.size() + 1) + ")",
        Session.parameters(n.id(), values(n)));
  }

  @Override
  public void updateNotice(NumberChangeNotice n) {
    Objects.requireNonNull(n, "notice");
    int updated =
        session.update(
            "UPDATE {s}.number_change_notice SET " + Session.assignments(NOTICE_FIELDS) + " WHERE id = ?",
            Session.parameters(values(n), n.id()));
    if (updated == 0) {
      throw new RecordNotFoundException("number change notice " + n.id() + " does not exist");
    }
  }

  @Override
  public Optional<NumberChangeNotice> findNotice(RecordId id) {
    Objects.requireNonNull(id, "id");
    return session.queryOne(
        "SELECT " + NOTICE_COLUMNS + " FROM {s}.number_change_notice WHERE id = ?", PgNumberLinks::notice, id);
  }

  @Override
  public List<NumberChangeNotice> findNotices(OdsCode localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    return session.query(
        "SELECT " + NOTICE_COLUMNS + " FROM {s}.number_change_notice WHERE local_authority = ?"
            + " ORDER BY recorded_at, id",
        PgNumberLinks::notice,
        localAuthority);
  }

  private static List<Object> values(NumberChangeNotice n) {
    return java.util.Arrays.asList(
        n.linkId(),
        n.localAuthority(),
        n.number(),
        n.replacement(),
        PgArrays.planIds(n.plans()),
        n.recordedAt(),
        n.acknowledgedBy(),
        n.acknowledgedAt());
  }

  private static NhsNumberLink link(ResultSet rs) throws SQLException {
    return NhsNumberLink.builder()
        .id(Session.recordId(rs, "id"))
        .number(Session.nhsNumber(rs, "number"))
        .replacement(Session.optionalText(rs, "replacement").map(NhsNumber::parse))
        .reportedBy(rs.getString("reported_by"))
        .recordedAt(Session.instant(rs, "recorded_at"))
        .build();
  }

  private static NumberChangeNotice notice(ResultSet rs) throws SQLException {
    return NumberChangeNotice.builder()
        .id(Session.recordId(rs, "id"))
        .linkId(Session.recordId(rs, "link_id"))
        .localAuthority(Session.odsCode(rs, "local_authority"))
        .number(Session.nhsNumber(rs, "number"))
        .replacement(Session.optionalText(rs, "replacement").map(NhsNumber::parse))
        .plans(PgArrays.planIds(rs, "plans"))
        .recordedAt(Session.instant(rs, "recorded_at"))
        .acknowledgedBy(Session.optionalText(rs, "acknowledged_by"))
        .acknowledgedAt(Session.optionalInstant(rs, "acknowledged_at"))
        .build();
  }
}
