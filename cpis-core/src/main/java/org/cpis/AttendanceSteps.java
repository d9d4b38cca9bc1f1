package org.cpis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.ImmutableAccessNotification;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;
import org.cpis.model.RepeatAttendance;
import org.cpis.rules.AttendanceEpisodes;
import org.cpis.rules.RepeatAttendances;
import org.cpis.store.StoreTransaction;

/**
 * A check's steps for the attendance rules, after its access is recorded and its notifications
 * routed: the repeat-attendance pattern ({@link RepeatAttendances}) named on each notification,
 * then the attendance episodes ({@link AttendanceEpisodes}) that gather the access into an earlier
 * notification. Each reads the child's history only within its rule's window.
 */
final class AttendanceSteps {

  private AttendanceSteps() {}

  /** What the steps decided for one access. */
  static final class Outcome {
    final Optional<RepeatAttendance> pattern;
    final AttendanceEpisodes.Gathering gathering;

    Outcome(Optional<RepeatAttendance> pattern, AttendanceEpisodes.Gathering gathering) {
      this.pattern = pattern;
      this.gathering = gathering;
    }
  }

  /**
   * @param numbers the numbers the child's history is kept under: the checked one, and any linked
   *     to it
   * @param routed the notifications routed for the access, one per owning local authority
   */
  static Outcome apply(
      Engine engine,
      StoreTransaction tx,
      AccessEvent event,
      List<NhsNumber> numbers,
      List<AccessNotification> routed) {
    List<AccessEvent> history = new ArrayList<>();
    for (NhsNumber n : numbers) {
      history.addAll(
          tx.attendances()
              .findAccessesSince(n, RepeatAttendances.windowStart(event.accessedAt(), engine.repeatAttendance)));
    }
    Optional<RepeatAttendance> pattern =
        RepeatAttendances.pattern(history, event.accessedAt(), engine.repeatAttendance);
    List<AccessNotification> named = new ArrayList<>(routed.size());
    for (AccessNotification n : routed) {
      // The same notification when the pattern is what it names already (none, for most checks).
      named.add(ImmutableAccessNotification.copyOf(n).withRepeatAttendance(pattern));
    }
    if (!engine.episodes.enabled() || named.isEmpty()) {
      return new Outcome(pattern, AttendanceEpisodes.gather(named, List.of(), Set.of(), event, engine.episodes));
    }
    List<AccessNotification> recent =
        tx.attendances()
            .findNotificationsSince(event.subject(), event.accessedAt().minus(engine.episodes.window()));
    Set<RecordId> reviewed = new HashSet<>();
    for (AccessNotification r : recent) {
      if (tx.reviews().find(r.id()).isPresent()) {
        reviewed.add(r.id());
      }
    }
    return new Outcome(pattern, AttendanceEpisodes.gather(named, recent, reviewed, event, engine.episodes));
  }
}
