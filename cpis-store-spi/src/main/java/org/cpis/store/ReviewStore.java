package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.model.Review;

/** Reviews of notifications: at most one per notification. */
public interface ReviewStore {

  /**
   * @throws DuplicateRecordException if the notification already has a review
   * @throws RecordNotFoundException if there is no such notification
   */
  void insert(Review review);

  /**
   * Replaces the review of the same notification, e.g. when the social worker later confirms it
   * was recorded on the case record.
   *
   * @throws RecordNotFoundException if the notification has no review
   */
  void update(Review review);

  Optional<Review> find(RecordId notificationId);

  /** This local authority's reviews, oldest first (ties by notification id). */
  List<Review> findByLocalAuthority(OdsCode localAuthority);
}
