package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.NotificationKind;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.RecordId;
import org.cpis.store.Claim;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.NotificationStore;

/** The outbox and the local authorities' inboxes in {@code notification}. */
final class PgNotifications implements NotificationStore {

  /** Every column of a notification but its id, in the order of {@link #values}. */
  static final List<String> FIELDS =
      List.of(
          "access_event_id", "subject", "plan_local_authority", "plan_local_reference", "plan_type",
          "accessor_user_id", "accessor_name", "accessor_role", "accessor_rbac_activity_code",
          "organisation_ods_code", "organisation_name", "setting", "accessed_at",
          "assigned_social_worker", "delivery_status", "failed_attempts", "next_attempt_at",
          "delivered_at", "kind", "further_accesses", "repeat_attendances", "appointment_at",
          "plan_held_under");
  static final String COLUMNS = "id, " + String.join(", ", FIELDS);
  static final String SELECT = "SELECT " + COLUMNS + " FROM {s}.notification n WHERE ";
  static final String BY_ACCESS = " ORDER BY accessed_at, id";

  private static final Comparator<AccessNotification> DUE_ORDER =
      Comparator.comparing(AccessNotification::nextAttemptAt).thenComparing(AccessNotification::id);

  private final Session session;

  PgNotifications(Session session) {
    this.session = session;
  }

  @Override
  public void insert(AccessNotification n, Optional<Claim> claim) {
    Objects.requireNonNull(n, "notification");
    Objects.requireNonNull(claim, "claim");
    session.insertNew(
        () -> new DuplicateRecordException("notification " + n.id() + " already exists"),
        "INSERT INTO {s}.notification (" + COLUMNS + ", claimant, claimed_until) VALUES ("
            + Session.placeholders(FIELDS.size() + 3) + ")",
        Session.parameters(
            n.id(), values(n), claim.map(Claim::claimant), claim.map(Claim::until)));
  }

  @Override
  public Optional<AccessNotification> find(RecordId id) {
    Objects.requireNonNull(id, "id");
    return session.queryOne(SELECT + "id = ?", PgNotifications::read, id);
  }

  /**
   * One statement: the due, unclaimed (or expired) pending notifications are locked in order,
   * skipping any that a concurrent claimer has locked, and claimed. {@code RETURNING} gives no
   * order, so the rows are sorted here as the subquery chose them.
   */
  @Override
  public List<AccessNotification> claimDue(Instant now, Claim claim, int limit) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(claim, "claim");
    PgAccessEvents.requireLimit(limit);
    List<AccessNotification> claimed =
        session.query(
            "UPDATE {s}.notification SET claimant = ?, claimed_until = ? WHERE id IN ("
                + "SELECT id FROM {s}.notification WHERE delivery_status = 'PENDING'"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + COLUMNS,
            PgNotifications::read,
            claim.claimant(),
            claim.until(),
            now,
            now,
            limit);
    List<AccessNotification> ordered = new ArrayList<>(claimed);
    ordered.sort(DUE_ORDER);
    return ordered;
  }

  @Override
  public boolean release(AccessNotification n, String claimant) {
    Objects.requireNonNull(n, "notification");
    Objects.requireNonNull(claimant, "claimant");
    return session.update(
            "UPDATE {s}.notification SET " + Session.assignments(FIELDS)
                + ", claimant = NULL, claimed_until = NULL WHERE id = ? AND claimant = ?",
            Session.parameters(values(n), n.id(), claimant))
        > 0;
  }

  @Override
  public List<AccessNotification> findUnreviewed(OdsCode localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    return session.query(
        SELECT + "plan_local_authority = ?"
            + " AND NOT EXISTS (SELECT 1 FROM {s}.review r WHERE r.notification_id = n.id)"
            + BY_ACCESS,
        PgNotifications::read,
        localAuthority);
  }

  @Override
  public List<AccessNotification> findBySubject(NhsNumber subject) {
    Objects.requireNonNull(subject, "subject");
    return session.query(SELECT + "subject = ?" + BY_ACCESS, PgNotifications::read, subject);
  }

  /** Their reviews go with them ({@code ON DELETE CASCADE}). */
  @Override
  public int deleteBySubject(NhsNumber subject) {
    Objects.requireNonNull(subject, "subject");
    return session.update("DELETE FROM {s}.notification WHERE subject = ?", subject);
  }

  /** The values of {@link #FIELDS}. */
  static List<Object> values(AccessNotification n) {
    return java.util.Arrays.asList(
        n.accessEventId(),
        n.subject(),
        n.planId().localAuthority(),
        n.planId().localReference(),
        n.planType(),
        n.accessor().userId(),
        n.accessor().name(),
        n.accessor().role(),
        n.accessor().rbacActivityCode(),
        n.organisation().odsCode(),
        n.organisation().name(),
        n.setting(),
        n.accessedAt(),
        n.assignedSocialWorker(),
        n.deliveryStatus(),
        n.failedAttempts(),
        n.nextAttemptAt(),
        n.deliveredAt(),
        n.kind(),
        PgArrays.furtherAccesses(n.furtherAccesses()),
        n.repeatAttendance().map(PgArrays::attendances),
        n.appointmentAt(),
        n.planHeldUnder());
  }

  static AccessNotification read(ResultSet rs) throws SQLException {
    return AccessNotification.builder()
        .id(Session.recordId(rs, "id"))
        .accessEventId(Session.recordId(rs, "access_event_id"))
        .subject(Session.nhsNumber(rs, "subject"))
        .planId(PlanId.of(Session.odsCode(rs, "plan_local_authority"), rs.getString("plan_local_reference")))
        .planType(Session.planType(rs, "plan_type"))
        .organisation(PgAccessEvents.organisation(rs))
        .setting(PgAccessEvents.setting(rs))
        .accessor(PgAccessEvents.accessor(rs))
        .accessedAt(Session.instant(rs, "accessed_at"))
        .assignedSocialWorker(Session.optionalText(rs, "assigned_social_worker"))
        .deliveryStatus(Session.enumOf(DeliveryStatus.class, rs, "delivery_status"))
        .failedAttempts(rs.getInt("failed_attempts"))
        .nextAttemptAt(Session.instant(rs, "next_attempt_at"))
        .deliveredAt(Session.optionalInstant(rs, "delivered_at"))
        .kind(Session.enumOf(NotificationKind.class, rs, "kind"))
        .furtherAccesses(PgArrays.furtherAccesses(rs, "further_accesses"))
        .repeatAttendance(PgArrays.repeatAttendance(rs, "repeat_attendances"))
        .appointmentAt(Session.optionalInstant(rs, "appointment_at"))
        .planHeldUnder(Session.optionalText(rs, "plan_held_under").map(NhsNumber::parse))
        .build();
  }
}
