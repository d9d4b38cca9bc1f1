package org.cpis.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.Attendance;
import org.cpis.model.CareSetting;
import org.cpis.model.OdsCode;
import org.cpis.model.RepeatAttendance;

/**
 * Repeat attendances: several unscheduled attendances in a short time at more than one
 * organisation, a warning sign that no single clinician sees. The pattern is present exactly when
 * the child's attendances within the {@link RepeatAttendancePolicy#window()} up to now (the
 * current one included) are at least {@link RepeatAttendancePolicy#minAttendances()}, at at least
 * {@link RepeatAttendancePolicy#minOrganisations()} organisations.
 */
public final class RepeatAttendances {

  private RepeatAttendances() {}

  /** The earliest access time that can count towards the pattern at {@code now}. */
  public static Instant windowStart(Instant now, RepeatAttendancePolicy policy) {
    return now.minus(policy.window());
  }

  /**
   * The attendances the accesses make, oldest first: an access at the organisation and in the
   * setting of an attendance, at most {@link RepeatAttendancePolicy#sameAttendanceWithin()} after
   * its first access, is part of it; any other begins one.
   */
  public static List<Attendance> attendances(List<AccessEvent> accesses, RepeatAttendancePolicy policy) {
    List<AccessEvent> sorted = new ArrayList<>(accesses);
    sorted.sort(Comparator.comparing(AccessEvent::accessedAt).thenComparing(AccessEvent::id));
    List<Attendance> attendances = new ArrayList<>();
    for (AccessEvent e : sorted) {
      boolean partOfOne =
          attendances.stream()
              .anyMatch(
                  a -> sameVisit(a.organisation().odsCode(), a.setting(), a.at(), e, policy));
      if (!partOfOne) {
        attendances.add(Attendance.of(e));
      }
    }
    return attendances;
  }

  private static boolean sameVisit(
      OdsCode organisation, CareSetting setting, Instant start, AccessEvent e, RepeatAttendancePolicy policy) {
    return organisation.equals(e.organisation().odsCode())
        && setting == e.setting()
        && !e.accessedAt().isAfter(start.plus(policy.sameAttendanceWithin()));
  }

  /**
   * The pattern at {@code now}, if the accesses make it: of {@code history} (the child's
   * unscheduled accesses, the current one included), those from {@link #windowStart} to {@code
   * now}, as {@link #attendances}.
   */
  public static Optional<RepeatAttendance> pattern(
      List<AccessEvent> history, Instant now, RepeatAttendancePolicy policy) {
    Instant from = windowStart(now, policy);
    List<AccessEvent> inWindow = new ArrayList<>();
    for (AccessEvent e : history) {
      if (!e.accessedAt().isBefore(from) && !e.accessedAt().isAfter(now)) {
        inWindow.add(e);
      }
    }
    if (inWindow.size() < policy.minAttendances()) {
      // Fewer accesses than a pattern's attendances make fewer attendances still (most checks:
      // the current access alone).
      return Optional.empty();
    }
    List<Attendance> attendances = attendances(inWindow, policy);
    long organisations = attendances.stream().map(a -> a.organisation().odsCode()).distinct().count();
    return attendances.size() >= policy.minAttendances() && organisations >= policy.minOrganisations()
        ? Optional.of(RepeatAttendance.of(attendances))
        : Optional.empty();
  }
}
