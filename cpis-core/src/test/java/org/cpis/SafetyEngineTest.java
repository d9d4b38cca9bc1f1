package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.FileOutcome;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Engine controls of the hazard log (docs/safety/hazard-log.md) that mutation testing showed no
 * test held, or that no test stated: each fails if its control is removed.
 */
@DisplayName("Engine safety controls")
class SafetyEngineTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);
  private final NhsNumber other = nhs(2);

  @Test
  @DisplayName("A plan missing from the next day's file is neither deleted nor hidden: only an explicit DELETE removes it")
  void planMissingFromTheNextFileStaysVisible() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", other, MAY_1, null)));
    t.clock.advance(Duration.ofDays(1));

    t.islington().upload(List.of(cpp(1, "CP-2", other, MAY_1, null)));

    assertThat(t.islington().plans()).extracting(p -> p.id().localReference()).containsExactly("CP-1", "CP-2");
    assertThat(t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).hasAlert()).isTrue();
  }

  @Test
  @DisplayName("deletePlan of a child's last plan forgets the child's access history and notifications")
  void deletePlanForgetsTheChildsHistory() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    assertThat(t.accessesTo(child)).hasSize(1);

    t.islington().deletePlan("CP-1");

    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
  }

  @Test
  @DisplayName("A check that finds no visible plan shows no access history, even while an ended plan's history is kept")
  void noHistoryWithoutAVisiblePlan() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, MAY_1.plusDays(10))));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.clock.set(t.clock.instant().plus(Duration.ofDays(400)));

    CheckResult later = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(t.accessesTo(child)).as("not purged yet").hasSize(1);
    assertThat(later.plans()).isEmpty();
    assertThat(later.recentAccesses()).isEmpty();
  }

  @Test
  @DisplayName("A file with as many accepted as unchanged records and one rejected is PARTIAL")
  void partialWhenAcceptedEqualsUnchanged() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    UploadRecord rejected = UploadRecord.builder().lineNumber(3).localReference("CP-3").build();

    UploadReport report = t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", other, MAY_1, null), rejected));

    assertThat(report.accepted()).isEqualTo(report.unchanged()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.fileOutcome()).isEqualTo(FileOutcome.PARTIAL);
    assertThat(t.islington().plans()).extracting(ProtectionPlan::subject).containsExactly(child, other);
  }

  @Test
  @DisplayName("The audit entries of a deletion, a birth, a review and a check say what happened")
  void auditDetailsSayWhatHappened() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null),
        Fixtures.ucpp(2, "U-1", other, MAY_1, MAY_1.plusDays(100)), Fixtures.ucpp(3, "U-2", nhs(3), MAY_1, MAY_1.plusDays(100))));
    t.islington().deletePlan("CP-9");
    CheckResult checked = t.cpis.health().check(check(other, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.cpis.reviews(Fixtures.ISLINGTON.odsCode())
        .record(checked.notificationIds().get(0), "sw-jones", org.cpis.model.ReviewOutcome.values()[0], false);
    t.islington().recordBirth("U-1", org.cpis.rules.Birth.builder().babyNhsNumber(nhs(4)).dateOfBirth(MAY_1.plusDays(20)).build());
    t.islington().recordBirth("U-2", org.cpis.rules.Birth.builder().babyNhsNumber(nhs(5)).dateOfBirth(MAY_1.plusDays(20))
        .startChildProtectionPlan(false).build());
    t.islington().deletePlan("CP-1");

    assertThat(t.cpis.auditLog()).extracting(org.cpis.model.AuditEntry::detail).containsSubsequence(
        "plan 714/CP-9 not found",
        "UNSCHEDULED by Staff Nurse (" + ED_NURSE.rbacActivityCode() + "): 1 plans visible, 1 notifications, access " + checked.accessEventId().orElseThrow().value(),
        "notification " + checked.notificationIds().get(0).value() + " reviewed: " + org.cpis.model.ReviewOutcome.values()[0]
            + ", not yet on the case record",
        "unborn plan 714/U-1 ended on 2024-05-21; baby's plan 714/U-1-BABY started",
        "unborn plan 714/U-2 ended on 2024-05-21; no plan for the baby",
        "plan 714/CP-1 deleted");
  }

  @Test
  @DisplayName("The engine's clock, its facades' names and the typed errors' fields are what they were given")
  void accessorsAndNames() {
    assertThat(t.cpis.clock()).isSameAs(t.clock);
    assertThat(t.cpis.toString()).startsWith("Cpis[store=").contains("zone=Europe/London");
    assertThat(t.islington().toString()).contains("714");
    org.cpis.ReviewInbox inbox = t.cpis.reviews(Fixtures.ISLINGTON.odsCode());
    assertThat(inbox.odsCode()).isEqualTo(Fixtures.ISLINGTON.odsCode());
    assertThat(inbox.toString()).contains("714");
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    org.cpis.model.PlanId cp1 = org.cpis.model.PlanId.of(Fixtures.ISLINGTON.odsCode(), "CP-1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.islington().recordBirth("CP-1",
            org.cpis.rules.Birth.builder().babyNhsNumber(nhs(4)).dateOfBirth(MAY_1.plusDays(20)).build()))
        .isInstanceOfSatisfying(BirthRejectedException.class, e -> assertThat(e.planId()).isEqualTo(cp1));
    CheckResult checked = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.cpis.reviews(Fixtures.CAMDEN.odsCode())
            .record(checked.notificationIds().get(0), "sw", org.cpis.model.ReviewOutcome.values()[0], true))
        .isInstanceOfSatisfying(NotificationOfAnotherAuthorityException.class,
            e -> assertThat(e.inbox()).isEqualTo(Fixtures.CAMDEN.odsCode()));
  }

  @Test
  @DisplayName("Batch sizes of 1 and a lease of a nanosecond are allowed; 0 and a zero or negative lease are refused")
  void builderBounds() {
    assertThat(Cpis.builder().dispatchBatchSize(1).sealBatchSize(1).leaseDuration(Duration.ofNanos(1))).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cpis.builder().dispatchBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cpis.builder().sealBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cpis.builder().leaseDuration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cpis.builder().leaseDuration(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The dispatcher and the sealer started on an executor run until their futures are cancelled")
  void backgroundWorkersCanBeStopped() {
    java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      java.util.concurrent.ScheduledFuture<?> dispatcher = t.cpis.startDispatcher(executor, Duration.ofHours(1));
      java.util.concurrent.ScheduledFuture<?> sealer = t.cpis.startSealer(executor, Duration.ofHours(1));

      assertThat(dispatcher.cancel(false)).isTrue();
      assertThat(sealer.cancel(false)).isTrue();
      assertThat(dispatcher.isCancelled() && sealer.isCancelled()).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  @DisplayName("Sealing exactly a multiple of the batch size seals every record and gives the sealer's lease up")
  void sealingAWholeBatchReleasesTheLease() {
    TestEngine five = new TestEngine(b -> b.sealBatchSize(5));
    while (five.unsealed().size() < 5) {
      five.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    }
    assertThat(five.unsealed()).hasSize(5);

    assertThat(five.cpis.sealAuditLog()).contains(5);
    assertThat(five.unsealed()).isEmpty();
    assertThat(five.leaseHolder(AuditSealer.LEASE)).isEmpty();
  }

  @Test
  @DisplayName("A transaction retry waits a jittered time from zero up to and including the cap")
  void jitterReachesTheCap() {
    TransactionRetryPolicy policy = TransactionRetryPolicy.defaults();
    long cap = policy.backoffCap(1).toNanos();
    java.util.random.RandomGenerator highest = new java.util.random.RandomGenerator() {
      @Override
      public long nextLong() {
        return Long.MAX_VALUE;
      }

      @Override
      public long nextLong(long bound) {
        return bound - 1;
      }
    };

    assertThat(cap).isPositive();
    assertThat(policy.jitteredBackoffNanos(1, highest)).isEqualTo(cap);
    assertThat(TransactionRetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build()
        .jitteredBackoffNanos(3, highest)).isZero();
  }

  @Test
  @DisplayName("The first delivery retry waits the initial back-off; a back-off before any failure is refused")
  void firstRetryWaitsTheInitialBackoff() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.backoffAfter(1)).isEqualTo(policy.initialBackoff());
    assertThat(policy.backoffAfter(2)).isEqualTo(policy.initialBackoff().multipliedBy(2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
