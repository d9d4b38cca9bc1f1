package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.NumberChangeNotice;
import org.cpis.rules.RejectionReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Superseded and inactive NHS numbers, through the engine")
class NumberChangesTest {

  private final TestEngine t = new TestEngine();
  private final NhsNumber before = nhs(1);
  private final NhsNumber after = nhs(2);
  private final NhsNumber unrelated = nhs(3);

  private void plansUnderTheOldNumber() {
    t.islington().upload(List.of(cpp(1, "CP-1", before, t.today().minusDays(10), null)));
    t.camden().upload(List.of(cpp(1, "CP-7", before, t.today().minusDays(5), null)));
  }

  @Test
  @DisplayName("A check of the new number shows the plans recorded under the old one, each marked as held under a previous number")
  void newNumberShowsOldPlans() {
    plansUnderTheOldNumber();
    t.cpis.recordSuperseded(before, after, "pds-sync");

    CheckResult result = t.cpis.health().check(check(after, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.plans()).hasSize(2).allSatisfy(p -> {
      assertThat(p.heldUnder()).contains(before);
      assertThat(p.heldUnderPreviousNumber()).isTrue();
    });
    assertThat(result.replacedBy()).isEmpty();
    assertThat(result.notificationsCreated()).isEqualTo(2);
    AccessNotification n = t.read(tx -> tx.notifications().find(result.notificationIds().get(0))).orElseThrow();
    assertThat(n.subject()).isEqualTo(after);
    assertThat(n.planHeldUnder()).contains(before);
  }

  @Test
  @DisplayName("A check of the old number shows its plans, with the replacement noted")
  void oldNumberNotesTheReplacement() {
    plansUnderTheOldNumber();
    t.cpis.recordSuperseded(before, after, "pds-sync");

    CheckResult result = t.cpis.health().check(check(before, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.plans()).hasSize(2).allSatisfy(p -> assertThat(p.heldUnder()).isEmpty());
    assertThat(result.replacedBy()).contains(after);
    assertThat(result.numberInactive()).isFalse();
  }

  @Test
  @DisplayName("Nothing is shown for a number that was never linked")
  void unrelatedShowsNothing() {
    plansUnderTheOldNumber();
    t.cpis.recordSuperseded(before, after, "pds-sync");

    assertThat(t.cpis.health().check(check(unrelated, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).plans()).isEmpty();
  }

  @Test
  @DisplayName("A check of a superseded number without a visible plan learns nothing, not even the replacement")
  void noAlertNoReplacement() {
    t.cpis.recordSuperseded(before, after, "pds-sync");
    t.cpis.recordInactive(unrelated, "pds-sync");

    CheckResult superseded = t.cpis.health().check(check(before, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    CheckResult inactive = t.cpis.health().check(check(unrelated, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(superseded.replacedBy()).isEmpty();
    assertThat(inactive.numberInactive()).isFalse();
  }

  @Test
  @DisplayName("Each owning local authority is told once, in its inbox, that a number it holds changed; recording it again tells nobody")
  void eachAuthorityToldOnce() {
    plansUnderTheOldNumber();
    List<NumberChangeNotice> first = t.cpis.recordSuperseded(before, after, "pds-sync");
    List<NumberChangeNotice> again = t.cpis.recordSuperseded(before, after, "pds-sync");

    assertThat(first).extracting(NumberChangeNotice::localAuthority).containsExactly(CAMDEN.odsCode(), ISLINGTON.odsCode());
    assertThat(again).isEmpty();
    List<NumberChangeNotice> inbox = t.cpis.reviews(ISLINGTON.odsCode()).numberChanges();
    assertThat(inbox).hasSize(1).first().satisfies(n -> {
      assertThat(n.number()).isEqualTo(before);
      assertThat(n.replacement()).contains(after);
      assertThat(n.plans()).extracting(p -> p.localReference()).containsExactly("CP-1");
    });
    t.cpis.reviews(ISLINGTON.odsCode()).acknowledgeNumberChange(inbox.get(0).id(), "sw-jones");
    assertThat(t.cpis.reviews(ISLINGTON.odsCode()).numberChanges()).isEmpty();
    assertThat(t.cpis.reviews(CAMDEN.odsCode()).numberChanges()).hasSize(1);
  }

  @Test
  @DisplayName("An upload that still uses the old number is accepted, and its outcome names the supersession")
  void uploadUnderTheOldNumberNamesIt() {
    t.cpis.recordSuperseded(before, after, "pds-sync");

    UploadReport report = t.islington().upload(List.of(cpp(1, "CP-1", before, t.today().minusDays(1), null)));

    assertThat(report.outcomes().get(0).status()).isEqualTo(RecordOutcome.Status.ACCEPTED);
    assertThat(report.outcomes().get(0).supersededBy()).contains(after);
  }

  @Test
  @DisplayName("An upload under a number inactive with no replacement is rejected; its plans stay visible, marked inactive")
  void uploadUnderAnInactiveNumberIsRejected() {
    plansUnderTheOldNumber();
    t.cpis.recordInactive(before, "pds-sync");

    UploadReport report = t.islington().upload(List.of(cpp(1, "CP-2", before, t.today().minusDays(1), null)));
    CheckResult result = t.cpis.health().check(check(before, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(report.outcomes().get(0).reason()).contains(RejectionReason.NHS_NUMBER_INACTIVE);
    assertThat(result.numberInactive()).isTrue();
    assertThat(result.plans()).hasSize(2);
  }

  @Test
  @DisplayName("The host backs the number statuses with PDS: a refresh records each number PDS no longer uses")
  void refreshFromPds() {
    plansUnderTheOldNumber();
    Map<NhsNumber, NhsNumberStatus> pds = Map.of(before, NhsNumberStatus.supersededBy(after));

    int changed = t.cpis.refreshNumberStatuses(n -> pds.getOrDefault(n, NhsNumberStatus.inUse()));

    assertThat(changed).isEqualTo(1);
    assertThat(t.cpis.health().check(check(after, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).plans()).hasSize(2);
    assertThat(t.cpis.refreshNumberStatuses(n -> pds.getOrDefault(n, NhsNumberStatus.inUse()))).isZero();
  }

  @Test
  @DisplayName("A purge forgets a child's history under every linked number only when no linked number holds a plan")
  void purgeForgetsAcrossLinkedNumbers() {
    t.islington().upload(List.of(cpp(1, "CP-1", before, t.today().minusDays(400), t.today().minusDays(366))));
    t.camden().upload(List.of(cpp(1, "CP-7", after, t.today().minusDays(5), null)));
    t.cpis.recordSuperseded(before, after, "pds-sync");
    t.cpis.health().check(check(after, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    t.cpis.purge();
    assertThat(t.accessesTo(after)).hasSize(1);

    t.camden().deletePlan("CP-7");
    assertThat(t.accessesTo(after)).isEmpty();
    assertThat(t.notificationsAbout(after)).isEmpty();
  }

  @Test
  @DisplayName("An acknowledged notice leaves the inbox, is audited, and acknowledging it again changes nothing; another authority cannot acknowledge it")
  void acknowledgement() {
    plansUnderTheOldNumber();
    NumberChangeNotice islingtons =
        t.cpis.recordInactive(before, "pds-sync").stream()
            .filter(n -> n.localAuthority().equals(ISLINGTON.odsCode())).findFirst().orElseThrow();

    NumberChangeNotice done = t.cpis.reviews(ISLINGTON.odsCode()).acknowledgeNumberChange(islingtons.id(), "sw-jones");
    NumberChangeNotice again = t.cpis.reviews(ISLINGTON.odsCode()).acknowledgeNumberChange(islingtons.id(), "sw-other");

    assertThat(done.acknowledgedBy()).contains("sw-jones");
    assertThat(again).isEqualTo(done);
    Optional<NumberChangeNotice> stored = t.read(tx -> tx.numberLinks().findNotice(islingtons.id()));
    assertThat(stored).contains(done);
    assertThat(t.cpis.auditLog()).filteredOn(e -> e.action() == org.cpis.model.AuditAction.NUMBER_CHANGE_ACKNOWLEDGED).hasSize(1);
    assertThat(t.cpis.auditLog()).filteredOn(e -> e.action() == org.cpis.model.AuditAction.NUMBER_CHANGED).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> t.cpis.reviews(CAMDEN.odsCode()).acknowledgeNumberChange(islingtons.id(), "sw-camden"))
        .isInstanceOf(UnknownNotificationException.class);
  }

  @Test
  @DisplayName("A number first reported inactive and then superseded is linked anew, and its authorities are told again")
  void inactiveThenSuperseded() {
    plansUnderTheOldNumber();
    assertThat(t.cpis.recordInactive(before, "pds-sync")).hasSize(2);
    assertThat(t.cpis.recordSuperseded(before, after, "pds-sync")).hasSize(2);

    CheckResult result = t.cpis.health().check(check(before, ED_NURSE, CareSetting.SCHEDULED));
    assertThat(result.numberInactive()).isFalse();
    assertThat(result.replacedBy()).contains(after);
  }

  @Test
  @DisplayName("A check of the old number shows the plans under the new one too, not as held under a previous number; all in plan id order, with the history of both numbers")
  void oldNumberShowsNewPlansInOrder() {
    t.islington().upload(List.of(cpp(1, "CP-2", before, t.today().minusDays(10), null)));
    t.islington().upload(List.of(cpp(1, "CP-1", after, t.today().minusDays(10), null)));
    CheckResult underOld = t.cpis.health().check(check(before, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.cpis.recordSuperseded(before, after, "pds-sync");
    t.clock.advance(java.time.Duration.ofHours(13));
    CheckResult underNew = t.cpis.health().check(check(after, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.clock.advance(java.time.Duration.ofHours(13));

    CheckResult result = t.cpis.health().check(check(before, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.plans()).extracting(p -> p.planId().localReference()).containsExactly("CP-1", "CP-2");
    assertThat(result.plans().get(0).heldUnder()).contains(after);
    assertThat(result.plans().get(0).heldUnderPreviousNumber()).isFalse();
    assertThat(result.recentAccesses()).extracting(org.cpis.model.AccessEvent::id)
        .containsExactly(underNew.accessEventId().orElseThrow(), underOld.accessEventId().orElseThrow());
    assertThat(t.cpis.auditLog()).last().extracting(org.cpis.model.AuditEntry::detail).asString().contains(", 1 linked numbers");
  }

  @Test
  @DisplayName("A refresh records a number PDS made inactive, and leaves numbers still in use as they are")
  void refreshInactive() {
    plansUnderTheOldNumber();
    t.islington().upload(List.of(cpp(2, "CP-3", unrelated, t.today().minusDays(3), null)));

    int changed = t.cpis.refreshNumberStatuses(n -> n.equals(before) ? NhsNumberStatus.inactive() : NhsNumberStatus.inUse());

    assertThat(changed).isEqualTo(1);
    Optional<org.cpis.model.NhsNumberLink> link = t.read(tx -> tx.numberLinks().findByNumber(before));
    Optional<org.cpis.model.NhsNumberLink> none = t.read(tx -> tx.numberLinks().findByNumber(unrelated));
    assertThat(link).hasValueSatisfying(l -> assertThat(l.isSuperseded()).isFalse());
    assertThat(none).isEmpty();
  }

  @Test
  @DisplayName("Left unset, a result's number is not inactive and a plan is not held under a previous number")
  void defaults() {
    CheckResult r =
        CheckResult.builder().nhsNumber(before).checkedAt(t.clock.instant())
            .accessKind(org.cpis.rules.AccessKind.SILENT_READ).build();
    assertThat(r.numberInactive()).isFalse();
    VisiblePlan p =
        VisiblePlan.builder().planId(org.cpis.model.PlanId.of(ISLINGTON.odsCode(), "CP-1"))
            .type(org.cpis.model.PlanType.CHILD_PROTECTION_PLAN).start(t.today()).active(true)
            .localAuthority(ISLINGTON).build();
    assertThat(p.heldUnderPreviousNumber()).isFalse();
  }
}
