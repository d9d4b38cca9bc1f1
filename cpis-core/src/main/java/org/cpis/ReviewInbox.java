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
              AccessNotification n =
                  tx.notifications()
                      .find(notificationId)
                      .orElseThrow(() -> new UnknownNotificationException(notificationId));
              if (!n.localAuthority().equals(odsCode)) {
                throw new NotificationOfAnotherAuthorityException(notificationId, odsCode);
              }
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
}
