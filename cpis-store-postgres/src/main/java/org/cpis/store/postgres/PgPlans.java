package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.PlanStore;
import org.cpis.store.RecordNotFoundException;

/**
 * Plans in {@code plan}, keyed by (local authority, local reference). Lists are ordered by those
 * two columns in the binary collation, which is {@link PlanId}'s order: an ODS code holds only
 * letters and digits, which sort after the {@code /} that joins it to the reference.
 */
final class PgPlans implements PlanStore {

  /** Every column of a plan but its key, in the order of {@link #values}. */
  private static final List<String> FIELDS =
      List.of(
          "subject", "type", "start_date", "end_date", "expected_delivery_date", "child_date_of_birth",
          "allocated_social_worker", "linked_unborn_local_authority", "linked_unborn_local_reference");
  private static final String COLUMNS = "local_authority, local_reference, " + String.join(", ", FIELDS);
  private static final String SELECT = "SELECT " + COLUMNS + " FROM {s}.plan WHERE ";
  private static final String ORDER = " ORDER BY local_authority, local_reference";

  private final Session session;

  PgPlans(Session session) {
    this.session = session;
  }

  @Override
  public void insert(ProtectionPlan plan) {
    Objects.requireNonNull(plan, "plan");
    session.insertNew(
        () -> new DuplicateRecordException("plan " + plan.id() + " already exists"),
        "INSERT INTO {s}.plan (" + COLUMNS + ") VALUES (" + Session.placeholders(FIELDS.size() + 2) + ")",
        Session.parameters(plan.id().localAuthority(), plan.id().localReference(), values(plan)));
  }

  @Override
  public void update(ProtectionPlan plan) {
    Objects.requireNonNull(plan, "plan");
    int updated =
        session.update(
            "UPDATE {s}.plan SET " + Session.assignments(FIELDS)
                + " WHERE local_authority = ? AND local_reference = ?",
            Session.parameters(values(plan), plan.id().localAuthority(), plan.id().localReference()));
    if (updated == 0) {
      throw new RecordNotFoundException("plan " + plan.id() + " does not exist");
    }
  }

  @Override
  public boolean delete(PlanId id) {
    Objects.requireNonNull(id, "id");
    return session.update(
            "DELETE FROM {s}.plan WHERE local_authority = ? AND local_reference = ?",
            id.localAuthority(),
            id.localReference())
        > 0;
  }

  @Override
  public Optional<ProtectionPlan> find(PlanId id) {
    Objects.requireNonNull(id, "id");
    return session.queryOne(
        SELECT + "local_authority = ? AND local_reference = ?",
        PgPlans::read,
        id.localAuthority(),
        id.localReference());
  }

  @Override
  public List<ProtectionPlan> findBySubject(NhsNumber subject) {
    Objects.requireNonNull(subject, "subject");
    return session.query(SELECT + "subject = ?" + ORDER, PgPlans::read, subject);
  }

  @Override
  public List<ProtectionPlan> findByLocalAuthority(OdsCode localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    return session.query(SELECT + "local_authority = ?" + ORDER, PgPlans::read, localAuthority);
  }

  @Override
  public List<ProtectionPlan> findEndedBefore(PlanType type, LocalDate date) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(date, "date");
    return session.query(
        SELECT + "type = ? AND end_date IS NOT NULL AND end_date < ?" + ORDER, PgPlans::read, type, date);
  }

  @Override
  public List<ProtectionPlan> findOpenWithExpectedDeliveryBefore(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return session.query(
        SELECT + "end_date IS NULL AND expected_delivery_date IS NOT NULL AND expected_delivery_date < ?"
            + ORDER,
        PgPlans::read,
        date);
  }

  @Override
  public List<ProtectionPlan> findChildBornBefore(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return session.query(
        SELECT + "child_date_of_birth IS NOT NULL AND child_date_of_birth < ?" + ORDER, PgPlans::read, date);
  }

  /** The values of {@link #FIELDS}. */
  private static List<Object> values(ProtectionPlan plan) {
    return java.util.Arrays.asList(
        plan.subject(),
        plan.type(),
        plan.start(),
        plan.end(),
        plan.expectedDeliveryDate(),
        plan.childDateOfBirth(),
        plan.allocatedSocialWorker(),
        plan.linkedUnbornPlan().map(PlanId::localAuthority),
        plan.linkedUnbornPlan().map(PlanId::localReference));
  }

  private static ProtectionPlan read(ResultSet rs) throws SQLException {
    OdsCode la = Session.odsCode(rs, "local_authority");
    String linkedLa = rs.getString("linked_unborn_local_authority");
    return ProtectionPlan.builder()
        .id(PlanId.of(la, rs.getString("local_reference")))
        .subject(Session.nhsNumber(rs, "subject"))
        .type(Session.planType(rs, "type"))
        .start(Session.date(rs, "start_date"))
        .end(Session.optionalDate(rs, "end_date"))
        .expectedDeliveryDate(Session.optionalDate(rs, "expected_delivery_date"))
        .childDateOfBirth(Session.optionalDate(rs, "child_date_of_birth"))
        .allocatedSocialWorker(Session.optionalText(rs, "allocated_social_worker"))
        .linkedUnbornPlan(
            linkedLa == null
                ? Optional.empty()
                : Optional.of(PlanId.of(OdsCode.of(linkedLa), rs.getString("linked_unborn_local_reference"))))
        .build();
  }
}
