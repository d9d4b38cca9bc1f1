package org.cpis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessNotification;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/** The notification outbox and the local authorities' inboxes. */
public interface NotificationStore {

  /** @throws DuplicateRecordException if a notification with the same id exists */
  void insert(AccessNotification notification);

  /** Replaces the one with the same id. @throws RecordNotFoundException if there is none */
  void update(AccessNotification notification);

  Optional<AccessNotification> find(RecordId id);

  /**
   * Pending notifications whose next attempt is at or before {@code time}, earliest next attempt
   * first (ties broken by id), at most {@code limit}.
   */
  List<AccessNotification> findPendingDue(Instant time, int limit);

  /** This local authority's notifications that have no review, oldest access first (ties by id). */
  List<AccessNotification> findUnreviewed(OdsCode localAuthority);

  /** Every notification about this NHS number, oldest access first (ties by id). */
  List<AccessNotification> findBySubject(NhsNumber subject);

  /** Removes every notification about this NHS number, and their reviews; returns how many notifications. */
  int deleteBySubject(NhsNumber subject);
}
