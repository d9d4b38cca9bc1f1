package org.cpis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessNotification;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/**
 * The notification outbox and the local authorities' inboxes. Delivery is shared by the nodes
 * that use the store through {@link Claim claims}: a dispatcher {@link #claimDue claims} due
 * notifications, delivers them, and {@link #release releases} each with its new state only while
 * it still holds the claim. A claim that expires (its holder stopped) makes the notification
 * claimable again, so nothing is lost.
 */
public interface NotificationStore {

  /** Inserts an unclaimed notification. @throws DuplicateRecordException if one with the same id exists */
  default void insert(AccessNotification notification) {
    insert(notification, Optional.empty());
  }

  /**
   * Inserts a notification, claimed by {@code claim} when present (the node that will deliver it
   * right after the transaction commits).
   *
   * @throws DuplicateRecordException if a notification with the same id exists
   */
  void insert(AccessNotification notification, Optional<Claim> claim);

  Optional<AccessNotification> find(RecordId id);

  /**
   * Claims for {@code claim.claimant()} until {@code claim.until()} up to {@code limit}
   * notifications that are pending, due ({@code nextAttemptAt <= now}) and not claimed by a claim
   * that is still running at {@code now} (claim until after {@code now}); earliest next attempt
   * first, ties by id. Two concurrent calls never return the same notification unless the first
   * one's claim has expired. On a relational database, {@code UPDATE ... WHERE id IN (SELECT id
   * ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED) RETURNING ...}.
   *
   * @return the claimed notifications, in that order
   */
  List<AccessNotification> claimDue(Instant now, Claim claim, int limit);

  /**
   * Replaces the stored notification with {@code updated} (same id: delivered, or rescheduled
   * after a failed attempt) and clears its claim, if it is still claimed by {@code claimant};
   * otherwise changes nothing.
   *
   * @return whether it was replaced
   */
  boolean release(AccessNotification updated, String claimant);

  /** This local authority's notifications that have no review, oldest access first (ties by id). */
  List<AccessNotification> findUnreviewed(OdsCode localAuthority);

  /** Every notification about this NHS number, oldest access first (ties by id). */
  List<AccessNotification> findBySubject(NhsNumber subject);

  /** Removes every notification about this NHS number, and their reviews; returns how many notifications. */
  int deleteBySubject(NhsNumber subject);
}
