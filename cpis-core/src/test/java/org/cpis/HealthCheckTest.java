package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.ROYAL_FREE;
import static org.cpis.Fixtures.SILENT_READER;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.RecordId;
import org.cpis.rules.AccessKind;
import org.cpis.rules.RetentionPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.cpis.store.StoreException;

@DisplayName("The health check")
class HealthCheckTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);

  @Test
  @DisplayName("An emergency department check of a child on a plan notifies the owning local authority")
  void emergencyDepartmentNotifies() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.hasAlert()).isTrue();
    assertThat(result.accessKind()).isEqualTo(AccessKind.UNSCHEDULED);
    VisiblePlan plan = result.plans().get(0);
    assertThat(plan.planId()).isEqualTo(PlanId.of(ISLINGTON.odsCode(), "CP-1"));
    assertThat(plan.active()).isTrue();
    assertThat(plan.type()).isEqualTo(org.cpis.model.PlanType.CHILD_PROTECTION_PLAN);
    assertThat(plan.start()).isEqualTo(MAY_1);
    assertThat(plan.end()).isEmpty();
    assertThat(plan.localAuthority().name()).isEqualTo(ISLINGTON.name());
    assertThat(plan.localAuthority().officeHoursPhone()).isEqualTo(ISLINGTON.officeHoursPhone());
    assertThat(plan.localAuthority().emergencyDutyPhone()).isEqualTo(ISLINGTON.emergencyDutyPhone());
    assertThat(result.notificationsCreated()).isEqualTo(1);
    AccessNotification sent = t.notifier.delivered().get(0);
    assertThat(sent.id()).isEqualTo(result.notificationIds().get(0));
    assertThat(sent.localAuthority()).isEqualTo(ISLINGTON.odsCode());
    assertThat(sent.subject()).isEqualTo(child);
    assertThat(sent.organisation()).isEqualTo(ROYAL_FREE);
    assertThat(sent.setting()).isEqualTo(CareSetting.EMERGENCY_DEPARTMENT);
    assertThat(sent.accessor()).isEqualTo(ED_NURSE);
    assertThat(sent.accessedAt()).isEqualTo(Fixtures.START);
    assertThat(t.notificationsAbout(child)).singleElement()
        .satisfies(n -> assertThat(n.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED));
  }

  @Test
  @DisplayName("A GP in hours does a silent read that notifies nobody and enters no access history, but is audited")
  void gpInHoursSilentRead() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.SCHEDULED));

    assertThat(result.hasAlert()).isTrue();
    assertThat(result.accessKind()).isEqualTo(AccessKind.SILENT_READ);
    assertThat(result.notificationsCreated()).isZero();
    assertThat(result.accessEventId()).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.cpis.auditLog()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.CHECK);
      assertThat(e.subject()).contains(child);
      assertThat(e.setting()).contains(CareSetting.SCHEDULED);
    });
  }

  @Test
  @DisplayName("Access under RBAC activity B0170, or one the caller says is not unscheduled, is a silent read")
  void silentReadByActivityOrByCaller() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));

    CheckResult byActivity = t.cpis.health().check(check(child, SILENT_READER, CareSetting.EMERGENCY_DEPARTMENT));
    CheckResult byCaller =
        t.cpis.health().check(CheckRequest.builder().from(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).unscheduled(false).build());

    assertThat(List.of(byActivity.accessKind(), byCaller.accessKind())).containsOnly(AccessKind.SILENT_READ);
    assertThat(byActivity.hasAlert() && byCaller.hasAlert()).isTrue();
    assertThat(t.notificationsAbout(child)).isEmpty();
    assertThat(t.notifier.attempts()).isEmpty();
  }

  @Test
  @DisplayName("A child on plans of two local authorities notifies each of them once")
  void twoLocalAuthoritiesEachNotifiedOnce() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", child, MAY_1.minusYears(1), MAY_1)));
    t.camden().upload(List.of(cpp(1, "LA-9", child, MAY_1, null)));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.URGENT_CARE));

    assertThat(result.plans()).hasSize(3);
    assertThat(result.plans()).extracting(p -> p.localAuthority().name()).contains(ISLINGTON.name(), CAMDEN.name());
    assertThat(t.notificationsAbout(child)).extracting(AccessNotification::localAuthority)
        .containsExactlyInAnyOrder(ISLINGTON.odsCode(), CAMDEN.odsCode());
    assertThat(t.notificationsAbout(child)).filteredOn(n -> n.localAuthority().equals(ISLINGTON.odsCode()))
        .extracting(AccessNotification::planId).containsExactly(PlanId.of(ISLINGTON.odsCode(), "CP-1"));
  }

  @Test
  @DisplayName("A plan is visible 364 days after its end and gone on day 365")
  void visibleFor364DaysAfterTheEnd() {
    LocalDate end = LocalDate.of(2024, 5, 20);
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, end)));

    t.clock.set(end.plusDays(364).atTime(12, 0).toInstant(ZoneOffset.UTC));
    CheckResult day364 = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.clock.set(end.plusDays(365).atTime(12, 0).toInstant(ZoneOffset.UTC));
    CheckResult day365 = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(day364.plans()).singleElement().satisfies(p -> {
      assertThat(p.active()).isFalse();
      assertThat(p.end()).contains(end);
    });
    assertThat(day365.hasAlert()).isFalse();
    assertThat(day365.notificationsCreated()).isZero();
  }

  @Test
  @DisplayName("Dates are London days: a plan starting on 2 June shows at half past midnight British Summer Time")
  void visibilityUsesTheLondonDay() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, LocalDate.of(2024, 6, 2), null)));
    TestEngine utc = new TestEngine(b -> b.zone(ZoneOffset.UTC));
    utc.islington().upload(List.of(cpp(1, "CP-1", child, LocalDate.of(2024, 6, 2), null)));
    Instant halfPastMidnightBst = Instant.parse("2024-06-01T23:30:00Z");
    t.clock.set(halfPastMidnightBst);
    utc.clock.set(halfPastMidnightBst);

    assertThat(t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).hasAlert()).isTrue();
    assertThat(utc.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).hasAlert()).isFalse();
  }

  @Test
  @DisplayName("An unscheduled check of a child with no visible plan shows nothing, is audited, and leaves no access history")
  void unscheduledCheckWithoutAPlan() {
    CheckResult before = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.clock.advance(Duration.ofDays(1));
    t.islington().upload(List.of(cpp(1, "CP-1", child, t.today(), null)));

    CheckResult after = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(before.hasAlert()).isFalse();
    assertThat(before.recentAccesses()).isEmpty();
    assertThat(before.notificationsCreated()).isZero();
    assertThat(before.accessEventId()).isEmpty();
    assertThat(after.recentAccesses()).isEmpty();
    assertThat(after.accessEventId()).isPresent();
    assertThat(t.cpis.auditLog()).extracting(AuditEntry::action)
        .containsExactly(AuditAction.CHECK, AuditAction.UPLOAD, AuditAction.CHECK);
  }

  @Test
  @DisplayName("A check shows the 25 most recent unscheduled accesses before it, newest first, and no silent reads")
  void recentAccesses() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    for (int i = 0; i < 30; i++) {
      t.clock.advance(Duration.ofMinutes(10));
      t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
      t.cpis.health().check(check(child, SILENT_READER, CareSetting.EMERGENCY_DEPARTMENT));
    }
    t.clock.advance(Duration.ofMinutes(10));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.recentAccesses()).hasSize(25);
    assertThat(result.recentAccesses()).extracting(AccessEvent::accessedAt)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .first().isEqualTo(t.clock.instant().minus(Duration.ofMinutes(10)));
    assertThat(result.recentAccesses()).extracting(AccessEvent::accessor).containsOnly(ED_NURSE);
    assertThat(result.recentAccesses()).extracting(AccessEvent::id).doesNotContain(result.accessEventId().orElseThrow());
  }

  @Test
  @DisplayName("A notifier that fails does not fail the check: the notification waits in the outbox")
  void failingNotifierDoesNotFailTheCheck() {
    t.notifier.failingFirst(1);
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.notificationsCreated()).isEqualTo(1);
    assertThat(t.notifier.delivered()).isEmpty();
    assertThat(t.notificationsAbout(child)).singleElement().satisfies(n -> {
      assertThat(n.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(n.failedAttempts()).isEqualTo(1);
      assertThat(n.nextAttemptAt()).isEqualTo(Fixtures.START.plus(RetryPolicy.defaults().initialBackoff()));
    });
  }

  @Test
  @DisplayName("A plan whose local authority was never registered is still shown, with a stand-in for its contacts")
  void unregisteredLocalAuthorityStillShown() {
    var orphan =
        org.cpis.model.ProtectionPlan.builder()
            .id(PlanId.of(org.cpis.model.OdsCode.of("888"), "X-1"))
            .subject(child)
            .type(org.cpis.model.PlanType.LOOKED_AFTER_CHILD)
            .start(MAY_1)
            .build();
    t.store.runInTransaction(tx -> {
      tx.plans().insert(orphan);
    });

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.plans()).singleElement()
        .satisfies(p -> assertThat(p.localAuthority().name()).contains("888", "not registered"));
  }

  @ParameterizedTest(name = "failing {0}.{1} call {2}")
  @CsvSource({"accessEvents, insert, 1", "notifications, insert, 2", "audit, append, 1"})
  @DisplayName("A notifying check writes its access event, notifications and audit entry in one transaction: a failure leaves none of them")
  void checkIsOneTransaction(String store, String method, int call) {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.camden().upload(List.of(cpp(1, "LA-9", child, MAY_1, null)));
    int audited = t.cpis.auditLog().size();
    t.store.intercept(FaultyStore.failOnCall(store, method, call));

    assertThatThrownBy(() -> t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)))
        .isInstanceOf(StoreException.class);

    t.store.heal();
    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
    assertThat(t.notifier.attempts()).isEmpty();
    assertThat(t.cpis.auditLog()).hasSize(audited);
  }

  @Test
  @DisplayName("A configured retention period moves the boundary: 30 days after the end shown, 31 gone")
  void configuredRetention() {
    TestEngine e = new TestEngine(b -> b.retentionPolicy(RetentionPolicy.builder().endedPlanDays(30).build()));
    LocalDate end = LocalDate.of(2024, 5, 20);
    e.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, end)));

    e.clock.set(end.plusDays(30).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).hasAlert()).isTrue();
    e.clock.set(end.plusDays(31).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).hasAlert()).isFalse();
  }
}
