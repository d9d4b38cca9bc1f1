package org.cpis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.rules.Visibility;
import org.cpis.rules.WasNotBrought;
import org.cpis.store.Claim;

/**
 * Records missed appointments ({@link WasNotBrought}): the notifications go through the outbox,
 * in one transaction with the audit entry. For a child with no visible plan nothing is kept about
 * the child: the audit entry names the organisation, not the NHS number.
 */
final class MissedAppointments {

  private final Engine engine;
  private final Dispatcher dispatcher;

  MissedAppointments(Engine engine, Dispatcher dispatcher) {
    this.engine = engine;
    this.dispatcher = dispatcher;
  }

  /** @return the ids of the notifications written, one per owning local authority */
  List<RecordId> record(MissedAppointment missed) {
    Objects.requireNonNull(missed, "missed");
    List<AccessNotification> written =
        engine.inTransaction(
            tx -> {
              Instant now = engine.now();
              LocalDate today = engine.dayOf(now);
              LinkedNumbers linked = LinkedNumbers.of(tx, missed.nhsNumber());
              List<ProtectionPlan> visible =
                  linked.plans(tx).stream()
                      .filter(p -> Visibility.isVisible(p, today, engine.retention))
                      .collect(Collectors.toList());
              if (visible.isEmpty()) {
                engine.audit(
                    tx, now, AuditAction.MISSED_APPOINTMENT, missed.recordedBy().userId(),
                    Optional.of(missed.organisation().odsCode()), Optional.of(missed.setting()), Optional.empty(),
                    "missed appointment recorded: no visible plan, nothing kept");
                return List.<AccessNotification>of();
              }
              AccessEvent recording =
                  AccessEvent.builder()
                      .id(engine.newId())
                      .subject(missed.nhsNumber())
                      .accessor(missed.recordedBy())
                      .organisation(missed.organisation())
                      .setting(missed.setting())
                      .accessedAt(now)
                      .build();
              List<AccessNotification> notifications =
                  linked.markHeldUnder(
                      WasNotBrought.notificationsFor(recording, missed.appointmentAt(), visible, today), visible);
              Optional<Claim> claim =
                  engine.dispatchAfterCheck ? Optional.of(dispatcher.claimFrom(now)) : Optional.empty();
              notifications.forEach(n -> tx.notifications().insert(n, claim));
              engine.audit(
                  tx, now, AuditAction.MISSED_APPOINTMENT, missed.recordedBy().userId(),
                  Optional.of(missed.organisation().odsCode()), Optional.of(missed.setting()),
                  Optional.of(missed.nhsNumber()),
                  "was not brought to the appointment at " + missed.appointmentAt() + ": "
                      + notifications.size() + " notifications, " + recording.id());
              return notifications;
            });
    if (!written.isEmpty() && engine.dispatchAfterCheck) {
      dispatcher.deliverNow(written);
    }
    return written.stream().map(AccessNotification::id).collect(Collectors.toList());
  }
}
