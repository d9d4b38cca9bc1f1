package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.NotificationKind;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.cpis.model.ReviewOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Was not brought")
class MissedAppointmentTest {

  private static final Organisation CLINIC = Organisation.of(OdsCode.of("RAP01"), "Community Paediatrics Clinic");
  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);

  private MissedAppointment missed(NhsNumber who, CareSetting setting, Instant at) {
    return MissedAppointment.builder()
        .nhsNumber(who).recordedBy(ED_NURSE).organisation(CLINIC).setting(setting).appointmentAt(at).build();
  }

  @Test
  @DisplayName("A missed appointment of a child on a plan notifies each owning local authority once, with its own kind, through the outbox and the review inbox")
  void notifiesEachOwner() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, t.today().minusDays(10), null)));
    t.camden().upload(List.of(cpp(1, "CP-7", child, t.today().minusDays(10), null)));
    Instant appointment = t.clock.instant().minus(Duration.ofHours(2));

    List<RecordId> ids = t.cpis.health().recordMissedAppointment(missed(child, CareSetting.SCHEDULED, appointment));

    assertThat(ids).hasSize(2);
    List<AccessNotification> inbox = t.cpis.reviews(ISLINGTON.odsCode()).pending();
    assertThat(inbox).hasSize(1).first().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.WAS_NOT_BROUGHT);
      assertThat(n.appointmentAt()).contains(appointment);
      assertThat(n.organisation()).isEqualTo(CLINIC);
      assertThat(n.assignedSocialWorker()).contains("sw-jones");
    });
    assertThat(t.cpis.reviews(CAMDEN.odsCode()).pending()).hasSize(1);
    assertThat(t.notifier.delivered()).extracting(AccessNotification::kind).containsOnly(NotificationKind.WAS_NOT_BROUGHT).hasSize(2);
    assertThat(t.accessesTo(child)).as("a missed appointment is not an access").isEmpty();
    assertThat(t.notificationsAbout(child)).allSatisfy(n -> assertThat(n.deliveryStatus()).isEqualTo(org.cpis.model.DeliveryStatus.DELIVERED));
    assertThat(t.cpis.auditLog()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.MISSED_APPOINTMENT);
      assertThat(e.subject()).contains(child);
    });
    t.cpis.reviews(ISLINGTON.odsCode()).record(inbox.get(0).id(), "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true);
    assertThat(t.cpis.reviews(ISLINGTON.odsCode()).pending()).isEmpty();
  }

  @Test
  @DisplayName("For a child with no visible plan nothing is notified and nothing is kept about the child")
  void noPlanNothingKept() {
    List<RecordId> ids = t.cpis.health().recordMissedAppointment(missed(child, CareSetting.SCHEDULED, t.clock.instant()));

    assertThat(ids).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
    AuditEntry last = t.cpis.auditLog().get(t.cpis.auditLog().size() - 1);
    assertThat(last.action()).isEqualTo(AuditAction.MISSED_APPOINTMENT);
    assertThat(last.subject()).isEmpty();
    assertThat(t.cpis.auditLog()).noneSatisfy(e -> assertThat(e.subject()).contains(child));
  }

  @Test
  @DisplayName("A plan whose visibility has ended notifies nobody")
  void expiredPlanNotifiesNobody() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, t.today().minusDays(800), t.today().minusDays(400))));

    assertThat(t.cpis.health().recordMissedAppointment(missed(child, CareSetting.SCHEDULED, t.clock.instant()))).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
  }

  @Test
  @DisplayName("Only a scheduled setting records a missed appointment")
  void onlyScheduled() {
    assertThatThrownBy(() -> missed(child, CareSetting.EMERGENCY_DEPARTMENT, t.clock.instant()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheduled setting");
  }
}
