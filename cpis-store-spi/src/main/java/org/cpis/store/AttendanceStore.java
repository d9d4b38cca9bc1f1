package org.cpis.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.NhsNumber;

/**
 * What the attendance rules read and write (repeat attendances, attendance episodes): a child's
 * recent history within a window the rules compute, and the gathering of a later access into an
 * episode's notification. Each read is bounded by its window, so that a check reads no more of the
 * history than the rules need.
 */
public interface AttendanceStore {

  /** The accesses to this NHS number at or after {@code since}, oldest first (ties by id). */
  List<AccessEvent> findAccessesSince(NhsNumber subject, Instant since);

  /**
   * The notifications about this NHS number whose access was at or after {@code since}, oldest
   * access first (ties by id).
   */
  List<AccessNotification> findNotificationsSince(NhsNumber subject, Instant since);

  /**
   * Replaces the stored notification with the same id by {@code updated} (an access gathered into
   * its episode: it is pending again), dropping any claim on it, so that a delivery of the old
   * version in flight cannot overwrite it, and claiming it by {@code claim} when present.
   *
   * @throws RecordNotFoundException if there is no notification with that id
   */
  void replaceNotification(AccessNotification updated, Optional<Claim> claim);
}
