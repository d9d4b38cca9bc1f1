package org.cpis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.ReviewDeadline;
import org.cpis.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local authority's inbox of access notifications (design rule 8): each must be reviewed by
 * the child's social worker, or from the MASH queue when the plan has no allocated social
 * worker, and the outcome recorded, confirming it went on the case record. Unreviewed
 * notifications past {@link org.cpis.rules.ServiceLevels#reviewDeadline()} are overdue. The inbox
 * only sees and reviews its own authority's notifications. Lists are oldest access first.
 * Obtain one from {@link Cpis#reviews(OdsCode)}; it is thread-safe.
 */
public final class ReviewInbox {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewInbox.class);

  private final Engine engine;
  private final OdsCode odsCode;

  ReviewInbox(Engine engine, OdsCode odsCode) {
    this.engine = engine;
    this.odsCode = odsCode;
  }

  public OdsCode odsCode() {
    return odsCode;
  }

  /** Every unreviewed notification of this authority, oldest first. */
  public List<AccessNotification> pending() {
    return engine.inTransaction(tx -> tx.notifications().findUnreviewed(odsCode));
  }

  /** The unreviewed notifications assigned to this social worker. */
  public List<AccessNotification> pendingFor(String socialWorker) {
    Objects.requireNonNull(socialWorker, "socialWorker");
    return pendingWhere(n -> n.assignedSocialWorker().equals(Optional.of(socialWorker)));
  }

  /** The unreviewed notifications with no assigned social worker: the MASH queue. */
  public List<AccessNotification> mashQueue() {
    return pendingWhere(AccessNotification::isForMash);
  }

  /** The unreviewed notifications past their review deadline ({@link ReviewDeadline}) now. */
  public List<AccessNotification> overdue() {
    Instant now = engine.now();
    return pendingWhere(n -> ReviewDeadline.isOverdue(n, now, engine.levels));
  }

  private List<AccessNotification> pendingWhere(Predicate<AccessNotification> condition) {
    return pending().stream().filter(condition).collect(Collectors.toList());
  }

  /**
   * Records the review of a notification, in one transaction with its audit entry.
   *
   * @throws UnknownNotificationException if there is no such notification
   * @throws NotificationOfAnotherAuthorityException if it belongs to another local authority
   * @throws ReviewAlreadyRecordedException if it has been reviewed already
   */
  public Review record(
      RecordId notificationId,
      String reviewer,
      ReviewOutcome outcome,
      boolean recordedOnCaseRecord) {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(outcome, "outcome");
    Review review =
        engine.inTransaction(
            tx -> {
              AccessNotification n = requireOwn(tx, notificationId);
              if (tx.reviews().find(notificationId).isPresent()) {
                throw new ReviewAlreadyRecordedException(notificationId);
              }
              Instant now = engine.now();
              Review r =
                  Review.builder()
                      .notificationId(notificationId)
                      .localAuthority(odsCode)
                      .reviewer(reviewer)
                      .outcome(outcome)
                      .recordedOnCaseRecord(recordedOnCaseRecord)
                      .reviewedAt(now)
                      .build();
              tx.reviews().insert(r);
              engine.audit(
                  tx,
                  now,
                  AuditAction.REVIEW_RECORDED,
                  reviewer,
                  Optional.of(odsCode),
                  Optional.of(n.setting()),
                  Optional.of(n.subject()),
                  "notification " + notificationId + " reviewed: " + outcome
                      + (recordedOnCaseRecord ? ", recorded on the case record" : ", not yet on the case record"));
              return r;
            });
    LOG.info("Notification {} reviewed by {}: {}", notificationId, reviewer, outcome);
    return review;
  }

  @Override
  public String toString() {
    return "ReviewInbox[" + odsCode + "]";
  }

  /**
   * The notices, not yet acknowledged, that an NHS number this authority holds plans under was
   * superseded or made inactive (issue 12), oldest first: fix the record and upload under the new
   * number.
   */
  public List<org.cpis.model.NumberChangeNotice> numberChanges() {
    return engine.inTransaction(
        tx ->
            tx.numberLinks().findNotices(odsCode).stream()
                .filter(n -> n.acknowledgedBy().isEmpty())
                .collect(Collectors.toList()));
  }

  /**
   * Acknowledges a number change notice, in one transaction with its audit entry; acknowledging
   * again changes nothing and returns it.
   *
   * @throws UnknownNotificationException if this authority has no such notice
   */
  public org.cpis.model.NumberChangeNotice acknowledgeNumberChange(RecordId noticeId, String acknowledgedBy) {
    Objects.requireNonNull(noticeId, "noticeId");
    Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
    return engine.inTransaction(
        tx -> {
          org.cpis.model.NumberChangeNotice n =
              tx.numberLinks()
                  .findNotice(noticeId)
                  .filter(found -> found.localAuthority().equals(odsCode))
                  .orElseThrow(() -> new UnknownNotificationException(noticeId));
          if (n.acknowledgedBy().isPresent()) {
            return n;
          }
          Instant now = engine.now();
          org.cpis.model.NumberChangeNotice done =
              org.cpis.model.NumberChangeNotice.builder().from(n).acknowledgedBy(acknowledgedBy).acknowledgedAt(now).build();
          tx.numberLinks().updateNotice(done);
          engine.audit(
              tx, now, AuditAction.NUMBER_CHANGE_ACKNOWLEDGED, acknowledgedBy, Optional.of(odsCode),
              Optional.empty(), Optional.of(n.number()), "number change notice " + noticeId + " acknowledged");
          return done;
        });
  }

  /**
   * This authority's reviews that are not yet confirmed as recorded on the child's case record,
   * oldest review first: design rule 8 asks for that confirmation.
   */
  public List<Review> awaitingCaseRecord() {
    return engine.inTransaction(
        tx ->
            tx.reviews().findByLocalAuthority(odsCode).stream()
                .filter(r -> !r.recordedOnCaseRecord())
                .collect(Collectors.toList()));
  }

  /**
   * Confirms that a reviewed notification was recorded on the child's case record, in one
   * transaction with its audit entry. Confirming again changes nothing and returns the review.
   *
   * @param confirmedBy the user id of whoever confirms, named in the audit entry
   * @throws UnknownNotificationException if there is no such notification
   * @throws NotificationOfAnotherAuthorityException if it belongs to another local authority
   * @throws ReviewNotRecordedException if it has not been reviewed yet
   */
  public Review confirmRecordedOnCaseRecord(RecordId notificationId, String confirmedBy) {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(confirmedBy, "confirmedBy");
    Review confirmed =
        engine.inTransaction(
            tx -> {
              AccessNotification n = requireOwn(tx, notificationId);
              Review review =
                  tx.reviews()
                      .find(notificationId)
                      .orElseThrow(() -> new ReviewNotRecordedException(notificationId));
              if (review.recordedOnCaseRecord()) {
                return review;
              }
              Review updated = Review.builder().from(review).recordedOnCaseRecord(true).build();
              tx.reviews().update(updated);
              engine.audit(
                  tx,
                  engine.now(),
                  AuditAction.CASE_RECORD_CONFIRMED,
                  confirmedBy,
                  Optional.of(odsCode),
                  Optional.of(n.setting()),
                  Optional.of(n.subject()),
                  "notification " + notificationId + " recorded on the case record");
              return updated;
            });
    LOG.info("Notification {} confirmed on the case record by {}", notificationId, confirmedBy);
    return confirmed;
  }

  /** The notification, if it exists and belongs to this authority. */
  private AccessNotification requireOwn(StoreTransaction tx, RecordId notificationId) {
    AccessNotification n =
        tx.notifications()
            .find(notificationId)
            .orElseThrow(() -> new UnknownNotificationException(notificationId));
    if (!n.localAuthority().equals(odsCode)) {
      throw new NotificationOfAnotherAuthorityException(notificationId, odsCode);
    }
    return n;
  }
}
