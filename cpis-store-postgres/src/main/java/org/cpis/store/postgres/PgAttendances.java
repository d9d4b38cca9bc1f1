package org.cpis.store.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.NhsNumber;
import org.cpis.store.AttendanceStore;
import org.cpis.store.Claim;
import org.cpis.store.RecordNotFoundException;

/**
 * A child's recent history within a window, on the indexes by subject and time of {@code
 * access_event} and {@code notification}; an episode's notification replaced in place.
 */
final class PgAttendances implements AttendanceStore {

  private final Session session;

  PgAttendances(Session session) {
    this.session = session;
  }

  @Override
  public List<AccessEvent> findAccessesSince(NhsNumber subject, Instant since) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(since, "since");
    return session.query(
        PgAccessEvents.SELECT + "subject = ? AND accessed_at >= ? ORDER BY accessed_at, id",
        PgAccessEvents::read,
        subject,
        ceilMicros(since));
  }

  @Override
  public List<AccessNotification> findNotificationsSince(NhsNumber subject, Instant since) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(since, "since");
    return session.query(
        PgNotifications.SELECT + "subject = ? AND accessed_at >= ?" + PgNotifications.BY_ACCESS,
        PgNotifications::read,
        subject,
        ceilMicros(since));
  }

  @Override
  public void replaceNotification(AccessNotification n, Optional<Claim> claim) {
    Objects.requireNonNull(n, "updated");
    Objects.requireNonNull(claim, "claim");
    int updated =
        session.update(
            "UPDATE {s}.notification SET " + Session.assignments(PgNotifications.FIELDS)
                + ", claimant = ?, claimed_until = ? WHERE id = ?",
            Session.parameters(
                PgNotifications.values(n), claim.map(Claim::claimant), claim.map(Claim::until), n.id()));
    if (updated == 0) {
      throw new RecordNotFoundException("notification " + n.id() + " does not exist");
    }
  }

  /** Rows keep microseconds: a row at or after {@code at} is at or after its next microsecond. */
  private static Instant ceilMicros(Instant at) {
    Instant down = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return down.equals(at) ? at : down.plusNanos(1_000);
  }
}
