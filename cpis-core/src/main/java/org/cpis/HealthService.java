package org.cpis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.RepeatAttendance;
import org.cpis.rules.AccessKind;
import org.cpis.rules.NotificationRouting;
import org.cpis.rules.Visibility;
import org.cpis.store.Claim;
import org.cpis.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health side of the service (design rules 6 and 7): checks a child's NHS number and shows
 * the visible plans with whom to call, and the recent unscheduled accesses.
 *
 * <p>What a check writes, all in one store transaction:
 *
 * <ul>
 *   <li>always an audit entry, alert or not;
 *   <li>for an unscheduled access ({@link AccessKind#of}) that finds visible plans: an access
 *       event, and one notification per owning local authority ({@link
 *       NotificationRouting#notificationsFor}), pending in the outbox. A check that finds no
 *       visible plan keeps nothing but its audit entry: CP-IS holds no record of a child who is
 *       not on it (data minimisation, design rule 9).
 * </ul>
 *
 * A silent read writes only the audit entry. After a check that created notifications commits,
 * the engine tries to deliver them at once (best effort: a failure leaves them pending for {@link
 * Cpis#dispatchNotifications()} and never fails the check).
 *
 * <p>Visibility is decided on the clock's day in the engine's zone ({@link
 * Cpis.Builder#zone(java.time.ZoneId)}). Thread-safe.
 */
public final class HealthService {

  private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

  private final Engine engine;
  private final Dispatcher dispatcher;

  private final MissedAppointments missedAppointments;

  HealthService(Engine engine, Dispatcher dispatcher) {
    this.engine = engine;
    this.dispatcher = dispatcher;
    this.missedAppointments = new MissedAppointments(engine, dispatcher);
  }

  /**
   * Records that a child was not brought to a scheduled appointment ({@link
   * org.cpis.rules.WasNotBrought}): each local authority owning a visible plan gets one
   * notification of kind {@link org.cpis.model.NotificationKind#WAS_NOT_BROUGHT}, through the outbox
   * and into its review inbox. For a child with no visible plan nothing is notified and nothing is
   * kept about the child; the audit entry names only the organisation.
   *
   * @return the ids of the notifications written
   */
  public List<RecordId> recordMissedAppointment(MissedAppointment missed) {
    return missedAppointments.record(missed);
  }

  /** Checks a child's record; see the class description for what it writes. */
  public CheckResult check(CheckRequest request) {
    Objects.requireNonNull(request, "request");
    AccessKind kind =
        AccessKind.of(
            request.accessor().rbacActivityCode(), request.setting(), request.unscheduled());
    Written written = engine.inTransaction(tx -> write(tx, request, kind));
    CheckResult result = written.result;
    logCheck(request, kind, result);
    if (!written.notifications.isEmpty() && engine.dispatchAfterCheck) {
      dispatcher.deliverNow(written.notifications);
    }
    return result;
  }

  /** Log only: PIT leaves {@code log*} methods alone (docs/safety/safety-case.md). */
  private static void logCheck(CheckRequest request, AccessKind kind, CheckResult result) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Check of {} by {} at {} ({}, {}): {} plans visible, {} notifications",
          request.nhsNumber(),
          request.accessor().userId(),
          request.organisation().odsCode(),
          request.setting(),
          kind,
          result.plans().size(),
          result.notificationsCreated());
    }
  }

  private Written write(
      StoreTransaction tx, CheckRequest request, AccessKind kind) {
    Instant now = engine.now();
    LocalDate today = engine.dayOf(now);
    LinkedNumbers linked = LinkedNumbers.of(tx, request.nhsNumber());
    List<ProtectionPlan> stored = linked.plans(tx);
    List<ProtectionPlan> visible = new ArrayList<>(stored.size());
    for (ProtectionPlan p : stored) {
      if (Visibility.isVisible(p, today, engine.retention)) {
        visible.add(p);
      }
    }
    List<AccessEvent> recent =
        visible.isEmpty() ? List.of() : linked.recentAccesses(tx, engine.levels.accessHistoryLimit());
    List<AccessNotification> notifications = List.of();
    List<AccessNotification> gathered = List.of();
    Optional<RepeatAttendance> pattern = Optional.empty();
    boolean recorded = kind.notifies() && !visible.isEmpty();
    RecordId eventId = recorded ? engine.newId() : null;
    if (recorded) {
      AccessEvent event =
          AccessEvent.builder()
              .id(eventId)
              .subject(request.nhsNumber())
              .accessor(request.accessor())
              .organisation(request.organisation())
              .setting(request.setting())
              .accessedAt(now)
              .build();
      tx.accessEvents().insert(event);
      AttendanceSteps.Outcome attendance =
          AttendanceSteps.apply(
              engine, tx, event, linked.numbers,
              linked.markHeldUnder(NotificationRouting.notificationsFor(event, visible, today), visible));
      pattern = attendance.pattern;
      notifications = attendance.gathering.inserted();
      gathered = attendance.gathering.gathered();
      // Claimed by this node when it delivers them itself right after commit, so that no other
      // node's dispatcher hands them to the notifier meanwhile.
      Optional<Claim> claim =
          engine.dispatchAfterCheck ? Optional.of(dispatcher.claimFrom(now)) : Optional.empty();
      for (AccessNotification n : notifications) {
        tx.notifications().insert(n, claim);
      }
      // Unclaimed: a delivery of the earlier version in flight cannot then mark it delivered; the
      // outbox's next pass delivers the episode with every access.
      for (AccessNotification n : gathered) {
        tx.attendances().replaceNotification(n, Optional.empty());
      }
    }
    engine.audit(
        tx,
        now,
        AuditAction.CHECK,
        request.accessor().userId(),
        Optional.of(request.organisation().odsCode()),
        Optional.of(request.setting()),
        Optional.of(request.nhsNumber()),
        kind + " by " + request.accessor().role() + " (" + request.accessor().rbacActivityCode()
            + "): " + visible.size() + " plans visible, " + notifications.size()
            + " notifications" + (recorded ? ", access " + eventId : "")
            + (linked.isLinked() ? ", " + (linked.numbers.size() - 1) + " linked numbers" : "")
            + (gathered.isEmpty() ? "" : ", gathered into " + gathered.size() + " episode notifications")
            + pattern.map(p -> ", pattern: " + p.name() + " (" + p.attendances().size() + " attendances at "
                + p.organisations() + " organisations)").orElse(""));
    CheckResult result =
        CheckResult.builder()
            .nhsNumber(request.nhsNumber())
            .checkedAt(now)
            .accessKind(kind)
            .plans(visiblePlans(tx, visible, today, linked))
            // Only with an alert: a check of a child without a visible plan learns nothing.
            .replacedBy(visible.isEmpty() ? Optional.empty() : linked.replacement())
            .numberInactive(!visible.isEmpty() && linked.isInactive())
            .recentAccesses(recent)
            .accessEventId(recorded ? Optional.of(eventId) : Optional.empty())
            .notificationIds(ids(notifications))
            .gatheredIntoIds(ids(gathered))
            .repeatAttendance(pattern)
            .build();
    return new Written(result, notifications);
  }

  private static List<RecordId> ids(List<AccessNotification> notifications) {
    List<RecordId> ids = new ArrayList<>(notifications.size());
    for (AccessNotification n : notifications) {
      ids.add(n.id());
    }
    return ids;
  }

  private List<VisiblePlan> visiblePlans(
      StoreTransaction tx, List<ProtectionPlan> plans, LocalDate today, LinkedNumbers linked) {
    // A store read per plan rather than a map per check: most children have one plan.
    List<VisiblePlan> shown = new ArrayList<>(plans.size());
    for (ProtectionPlan p : plans) {
      OdsCode ods = p.localAuthority();
      LocalAuthority la = tx.localAuthorities().find(ods).orElseGet(() -> unregistered(ods));
      shown.add(
          VisiblePlan.builder()
              .planId(p.id())
              .type(p.type())
              .start(p.start())
              .end(p.end())
              .active(Visibility.isActive(p, today))
              .localAuthority(la)
              .expectedDeliveryDate(p.expectedDeliveryDate())
              .heldUnder(linked.heldUnder(p))
              .heldUnderPreviousNumber(linked.isPreviousNumber(p.subject()))
              .build());
    }
    return shown;
  }

  private static LocalAuthority unregistered(OdsCode ods) {
    LOG.warn("A visible plan belongs to local authority {}, which is not registered", ods);
    return LocalAuthority.builder()
        .odsCode(ods)
        .name("Local authority " + ods + " (not registered)")
        .officeHoursPhone("not registered")
        .emergencyDutyPhone("not registered")
        .build();
  }

  /** What a check's transaction wrote. */
  private static final class Written {
    final CheckResult result;
    final List<AccessNotification> notifications;

    Written(CheckResult result, List<AccessNotification> notifications) {
      this.result = result;
      this.notifications = notifications;
    }
  }
}
