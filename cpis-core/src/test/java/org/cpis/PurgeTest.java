package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.cpis.Fixtures.ucpp;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.rules.RetentionPolicy;
import org.cpis.model.AuditAction;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Purging what is no longer visible")
class PurgeTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private static final LocalDate END = LocalDate.of(2024, 5, 20);

  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);

  private void on(LocalDate day) {
    t.clock.set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  @DisplayName("Purge removes an expired plan with its access history, notifications and reviews")
  void purgesExpiredPlanWithHistory() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, END)));
    RecordId n = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).notificationIds().get(0);
    t.cpis.reviews(ISLINGTON.odsCode()).record(n, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true);

    on(END.plusDays(365));
    PurgeReport report = t.cpis.purge();

    assertThat(report.purgedOn()).isEqualTo(END.plusDays(365));
    assertThat(List.of(report.plansPurged(), report.accessEventsPurged(), report.notificationsPurged())).containsExactly(1, 1, 1);
    assertThat(t.islington().plans()).isEmpty();
    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
    java.util.Optional<org.cpis.model.Review> review = t.read(tx -> tx.reviews().find(n));
    assertThat(review).isEmpty();
    assertThat(t.cpis.auditLog()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.PURGE);
      assertThat(e.actor()).isEqualTo(Cpis.PURGE_ACTOR);
    });
  }

  @Test
  @DisplayName("Purge keeps a plan on its last visible day, 364 days after its end")
  void keepsPlanOnItsLastVisibleDay() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, END)));
    on(END.plusDays(364));

    PurgeReport report = t.cpis.purge();

    assertThat(report.plansPurged()).isZero();
    assertThat(t.islington().plans()).hasSize(1);
    assertThat(t.cpis.auditLog()).last().satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.PURGE));
  }

  @Test
  @DisplayName("A child's access history stays while another of their plans remains")
  void historyStaysWhileAPlanRemains() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, END), cpp(2, "CP-2", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    on(END.plusDays(365));

    PurgeReport report = t.cpis.purge();

    assertThat(report.plansPurged()).isEqualTo(1);
    assertThat(report.accessEventsPurged()).isZero();
    assertThat(t.islington().plans()).extracting(ProtectionPlan::id).containsExactly(PlanId.of(ISLINGTON.odsCode(), "CP-2"));
    assertThat(t.accessesTo(child)).hasSize(1);
  }

  @Test
  @DisplayName("An open unborn plan is purged 29 days after the expected delivery date, an ended one 29 days after its end")
  void unbornPlans() {
    LocalDate edd = LocalDate.of(2024, 6, 10);
    NhsNumber mother = nhs(2);
    NhsNumber other = nhs(3);
    t.islington()
        .upload(
            List.of(
                ucpp(1, "U-OPEN", mother, MAY_1, edd),
                UploadRecord.builder().from(ucpp(2, "U-ENDED", other, MAY_1, edd.plusMonths(2))).endDate(END.toString()).build()));

    on(END.plusDays(28));
    assertThat(t.cpis.purge().plansPurged()).isZero();
    on(END.plusDays(29));
    assertThat(t.cpis.purge().plansPurged()).isEqualTo(1);
    on(edd.plusDays(28));
    assertThat(t.cpis.purge().plansPurged()).isZero();
    on(edd.plusDays(29));
    assertThat(t.cpis.purge().plansPurged()).isEqualTo(1);
    assertThat(t.islington().plans()).isEmpty();
  }

  @Test
  @DisplayName("A child's plan is purged on their 18th birthday, a leap-day birthday included")
  void eighteenthBirthday() {
    t.islington()
        .upload(
            List.of(
                UploadRecord.builder().from(cpp(1, "CP-1", child, MAY_1, null)).dateOfBirth("2006-07-01").build(),
                UploadRecord.builder().from(cpp(2, "CP-2", nhs(2), MAY_1, null)).dateOfBirth("2008-02-29").build()));

    on(LocalDate.of(2024, 6, 30));
    assertThat(t.cpis.purge().plansPurged()).isZero();
    on(LocalDate.of(2024, 7, 1));
    assertThat(t.cpis.purge().plansPurged()).isEqualTo(1);
    on(LocalDate.of(2026, 2, 28));
    assertThat(t.cpis.purge().plansPurged()).isZero();
    on(LocalDate.of(2026, 3, 1));
    assertThat(t.cpis.purge().plansPurged()).isEqualTo(1);
  }

  @Test
  @DisplayName("Purge uses the configured retention period: a plan 30 days past its end is kept, 31 days purged")
  void configuredRetention() {
    TestEngine e = new TestEngine(b -> b.retentionPolicy(RetentionPolicy.builder().endedPlanDays(30).build()));
    e.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, END)));

    e.clock.set(END.plusDays(30).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.purge().plansPurged()).isZero();
    e.clock.set(END.plusDays(31).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.purge().plansPurged()).isEqualTo(1);
  }
}
