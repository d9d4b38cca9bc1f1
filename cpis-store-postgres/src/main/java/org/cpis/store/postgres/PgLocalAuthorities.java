package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.LocalAuthorityStore;
import org.cpis.store.RecordNotFoundException;

/** Local authorities in {@code local_authority}, keyed by ODS code. */
final class PgLocalAuthorities implements LocalAuthorityStore {

  private static final String COLUMNS = "ods_code, name, office_hours_phone, emergency_duty_phone";

  private final Session session;

  PgLocalAuthorities(Session session) {
    this.session = session;
  }

  @Override
  public void insert(LocalAuthority la) {
    Objects.requireNonNull(la, "local authority");
    session.insertNew(
        () -> new DuplicateRecordException("local authority " + la.odsCode() + " already exists"),
        "INSERT INTO {s}.local_authority (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
        la.odsCode(), la.name(), la.officeHoursPhone(), la.emergencyDutyPhone());
  }

  @Override
  public void update(LocalAuthority la) {
    Objects.requireNonNull(la, "local authority");
    int updated =
        session.update(
            "UPDATE {s}.local_authority SET name = ?, office_hours_phone = ?, emergency_duty_phone = ?"
                + " WHERE ods_code = ?",
            la.name(), la.officeHoursPhone(), la.emergencyDutyPhone(), la.odsCode());
    if (updated == 0) {
      throw new RecordNotFoundException("local authority " + la.odsCode() + " does not exist");
    }
  }

  @Override
  public Optional<LocalAuthority> find(OdsCode odsCode) {
    Objects.requireNonNull(odsCode, "odsCode");
    return session.queryOne(
        "SELECT " + COLUMNS + " FROM {s}.local_authority WHERE ods_code = ?",
        PgLocalAuthorities::read,
        odsCode);
  }

  @Override
  public List<LocalAuthority> findAll() {
    return session.query(
        "SELECT " + COLUMNS + " FROM {s}.local_authority ORDER BY ods_code", PgLocalAuthorities::read);
  }

  private static LocalAuthority read(ResultSet rs) throws SQLException {
    return LocalAuthority.builder()
        .odsCode(Session.odsCode(rs, "ods_code"))
        .name(rs.getString("name"))
        .officeHoursPhone(rs.getString("office_hours_phone"))
        .emergencyDutyPhone(rs.getString("emergency_duty_phone"))
        .build();
  }
}
