package org.cpis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;
import org.cpis.model.RepeatAttendance;
import org.cpis.rules.AccessKind;
import org.immutables.value.Value;

/**
 * What a health-side check shows (design rules 6 and 7): the visible plans with their local
 * authorities' contacts, and, when there is an alert, the most recent unscheduled accesses to the
 * record before this one.
 */
@Value.Immutable
public abstract class CheckResult {

  /** The NHS number checked; {@code toString()} shows it masked. */
  public abstract NhsNumber nhsNumber();

  public abstract Instant checkedAt();

  /** Whether the check was an unscheduled access (it notifies) or a silent read (it does not). */
  public abstract AccessKind accessKind();

  /** The plans visible on the day of the check, ordered by plan id. */
  public abstract List<VisiblePlan> plans();

  /**
   * Up to {@link org.cpis.rules.ServiceLevels#accessHistoryLimit()} unscheduled accesses before
   * this one, newest first; empty when there is no alert, so that a check of a child without a
   * visible plan learns nothing about the child.
   */
  public abstract List<AccessEvent> recentAccesses();

  /** The access event this check recorded: present when an unscheduled access found a visible plan. */
  public abstract Optional<RecordId> accessEventId();

  /** The ids of the notifications this check created, one per owning local authority. */
  public abstract List<RecordId> notificationIds();

  /**
   * The ids of the earlier notifications of this access's attendance episode that it was gathered
   * into ({@link org.cpis.rules.AttendanceEpisodes}), one per owning local authority that had one;
   * they are pending delivery again.
   */
  public abstract List<RecordId> gatheredIntoIds();

  /** The repeat-attendance pattern this access completed ({@link org.cpis.rules.RepeatAttendances}). */
  public abstract Optional<RepeatAttendance> repeatAttendance();

  /**
   * The number in use for the one checked, when PDS reported it superseded ({@link
   * org.cpis.rules.NumberLinks#currentNumber}): the plans held under it are shown too. Empty when
   * there is no alert, so that a check of a child without a visible plan learns nothing.
   */
  public abstract Optional<NhsNumber> replacedBy();

  /**
   * Whether the number checked (or the number in use for it) is inactive with no replacement;
   * {@code false} when there is no alert.
   */
  @Value.Default
  public boolean numberInactive() {
    return false;
  }

  /** Whether any plan is visible. */
  public boolean hasAlert() {
    return !plans().isEmpty();
  }

  /** How many notifications this check created. */
  public int notificationsCreated() {
    return notificationIds().size();
  }

  public static ImmutableCheckResult.Builder builder() {
    return ImmutableCheckResult.builder();
  }
}
