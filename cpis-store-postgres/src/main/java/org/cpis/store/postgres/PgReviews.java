package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.ReviewStore;

/** Reviews in {@code review}, at most one per notification (its primary key). */
final class PgReviews implements ReviewStore {

  /** Every column of a review but its notification id, in the order of {@link #values}. */
  private static final List<String> FIELDS =
      List.of("local_authority", "reviewer", "outcome", "recorded_on_case_record", "reviewed_at");
  private static final String COLUMNS = "notification_id, " + String.join(", ", FIELDS);

  private final Session session;

  PgReviews(Session session) {
    this.session = session;
  }

  /**
   * One statement that inserts only when the notification exists and has no review; when it
   * inserts nothing, a second look says which refusal it was. No foreign-key error is ever
   * raised, so the refusal leaves the transaction usable.
   */
  @Override
  public void insert(Review r) {
    Objects.requireNonNull(r, "review");
    int inserted =
        session.update(
            "INSERT INTO {s}.review (" + COLUMNS + ")"
                + " SELECT n.id, " + Session.placeholders(FIELDS.size())
                + " FROM {s}.notification n WHERE n.id = ? ON CONFLICT DO NOTHING",
            Session.parameters(values(r), r.notificationId()));
    if (inserted == 0) {
      if (session.exists("SELECT 1 FROM {s}.notification WHERE id = ?", r.notificationId())) {
        throw new DuplicateRecordException(
            "notification " + r.notificationId() + " already has a review");
      }
      throw new RecordNotFoundException("notification " + r.notificationId() + " does not exist");
    }
  }

  @Override
  public void update(Review r) {
    Objects.requireNonNull(r, "review");
    int updated =
        session.update(
            "UPDATE {s}.review SET " + Session.assignments(FIELDS) + " WHERE notification_id = ?",
            Session.parameters(values(r), r.notificationId()));
    if (updated == 0) {
      throw new RecordNotFoundException(
          "notification " + r.notificationId() + " has no review to update");
    }
  }

  @Override
  public Optional<Review> find(RecordId notificationId) {
    Objects.requireNonNull(notificationId, "notificationId");
    return session.queryOne(
        "SELECT " + COLUMNS + " FROM {s}.review WHERE notification_id = ?", PgReviews::read, notificationId);
  }

  @Override
  public List<Review> findByLocalAuthority(OdsCode localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    return session.query(
        "SELECT " + COLUMNS + " FROM {s}.review WHERE local_authority = ?"
            + " ORDER BY reviewed_at, notification_id",
        PgReviews::read,
        localAuthority);
  }

  /** The values of {@link #FIELDS}. */
  private static List<Object> values(Review r) {
    return List.of(r.localAuthority(), r.reviewer(), r.outcome(), r.recordedOnCaseRecord(), r.reviewedAt());
  }

  private static Review read(ResultSet rs) throws SQLException {
    return Review.builder()
        .notificationId(Session.recordId(rs, "notification_id"))
        .localAuthority(Session.odsCode(rs, "local_authority"))
        .reviewer(rs.getString("reviewer"))
        .outcome(Session.enumOf(ReviewOutcome.class, rs, "outcome"))
        .recordedOnCaseRecord(rs.getBoolean("recorded_on_case_record"))
        .reviewedAt(Session.instant(rs, "reviewed_at"))
        .build();
  }
}
