package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Attendance episodes and repeat attendances, through the engine")
class AttendanceRulesTest {

  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);
  private static final Organisation WHITTINGTON = Organisation.of(OdsCode.of("RKE"), "Whittington Hospital");
  private static final Organisation UCLH = Organisation.of(OdsCode.of("RRV"), "University College Hospital");

  private CheckResult check(Organisation at, Accessor who) {
    return t.cpis.health().check(
        CheckRequest.builder().nhsNumber(child).accessor(who).organisation(at)
            .setting(CareSetting.EMERGENCY_DEPARTMENT).build());
  }

  private static Accessor clinician(String id, String role) {
    return Accessor.builder().userId(id).name("Clinician " + id).role(role).rbacActivityCode("B0168").build();
  }

  @Test
  @DisplayName("A nurse, a doctor and a registrar checking the child in one visit send the social worker one notification listing all three")
  void oneVisitOneNotification() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, t.today().minusDays(10), null)));

    CheckResult nurse = check(WHITTINGTON, ED_NURSE);
    t.clock.advance(Duration.ofMinutes(40));
    CheckResult doctor = check(WHITTINGTON, clinician("555000999001", "Emergency Medicine Doctor"));
    t.clock.advance(Duration.ofHours(3));
    CheckResult registrar = check(WHITTINGTON, clinician("555000999002", "Paediatric Registrar"));
    t.cpis.dispatchNotifications();

    assertThat(nurse.notificationsCreated()).isEqualTo(1);
    assertThat(doctor.notificationsCreated()).isZero();
    assertThat(doctor.gatheredIntoIds()).isEqualTo(nurse.notificationIds());
    assertThat(registrar.gatheredIntoIds()).isEqualTo(nurse.notificationIds());
    List<AccessNotification> pending = t.cpis.reviews(ISLINGTON.odsCode()).pending();
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).furtherAccesses()).extracting(EpisodeAccess::accessEventId)
        .containsExactly(doctor.accessEventId().orElseThrow(), registrar.accessEventId().orElseThrow());
    assertThat(t.accessesTo(child)).hasSize(3);
    assertThat(t.cpis.auditLog()).filteredOn(e -> e.detail().contains("gathered into 1 episode")).hasSize(2);
    // Delivered again with every access: the receiver keeps the version with the most.
    assertThat(t.notifier.delivered()).extracting(AccessNotification::accessCount).contains(1, 3);
  }

  @Test
  @DisplayName("A third unscheduled attendance within 14 days, at a second organisation, names the repeat-attendance pattern on the check and the notification")
  void repeatAttendanceIsNamed() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, t.today().minusDays(30), null)));

    CheckResult first = check(WHITTINGTON, ED_NURSE);
    t.clock.advance(Duration.ofDays(6));
    CheckResult second = check(WHITTINGTON, ED_NURSE);
    t.clock.advance(Duration.ofDays(8));
    CheckResult third = check(UCLH, ED_NURSE);

    assertThat(first.repeatAttendance()).isEmpty();
    assertThat(second.repeatAttendance()).isEmpty();
    assertThat(third.repeatAttendance()).hasValueSatisfying(p -> {
      assertThat(p.attendances()).hasSize(3);
      assertThat(p.organisations()).isEqualTo(2);
    });
    AccessNotification n = t.read(tx -> tx.notifications().find(third.notificationIds().get(0))).orElseThrow();
    assertThat(n.repeatAttendance()).isEqualTo(third.repeatAttendance());
    assertThat(t.cpis.auditLog()).last().extracting(AuditEntry::detail).asString()
        .contains("pattern: Repeat unscheduled attendances (3 attendances at 2 organisations)");
  }

  @Test
  @DisplayName("The engine keeps the episode and repeat-attendance policies it was built with")
  void policies() {
    org.cpis.rules.RepeatAttendancePolicy strict = org.cpis.rules.RepeatAttendancePolicy.builder().minAttendances(2).build();
    TestEngine custom = new TestEngine(b -> b.episodePolicy(org.cpis.rules.EpisodePolicy.off()).repeatAttendancePolicy(strict));
    assertThat(custom.cpis.episodePolicy()).isEqualTo(org.cpis.rules.EpisodePolicy.off());
    assertThat(custom.cpis.repeatAttendancePolicy()).isEqualTo(strict);
    assertThat(t.cpis.episodePolicy()).isEqualTo(org.cpis.rules.EpisodePolicy.defaults());
  }
}
