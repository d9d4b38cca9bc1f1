package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.rules.AccessKind;
import org.cpis.rules.UploadRecord;

/**
 * The engine under concurrent use: uploads of two local authorities, checks from two health
 * threads and an outbox dispatcher, all at once, leave the store as consistent as if they had
 * run one after the other: the plans of each authority are those of its uploads in order, every
 * notification and access event is accounted for by a check, the audit chain is intact with one
 * entry per operation, and no notification is delivered twice.
 */
class ConcurrencyProperties {

  @Provide
  Arbitrary<List<List<UploadRecord>>> uploads() {
    return EngineArbitraries.filesAboutTheChildren(6).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<CheckRequest>> checks() {
    return Arbitraries.of(EngineArbitraries.CHILDREN)
        .flatMap(
            child ->
                Arbitraries.of(Fixtures.ED_NURSE, Fixtures.SILENT_READER)
                    .map(accessor -> Fixtures.check(child, accessor, CareSetting.EMERGENCY_DEPARTMENT)))
        .list()
        .ofMaxSize(10);
  }

  @Property(tries = 50)
  void concurrentChecksAndUploadsKeepTheStoreConsistent(
      @ForAll("uploads") List<List<UploadRecord>> islington,
      @ForAll("uploads") List<List<UploadRecord>> camden,
      @ForAll("checks") List<CheckRequest> firstHealthThread,
      @ForAll("checks") List<CheckRequest> secondHealthThread)
      throws Exception {
    // Episodes off: every unscheduled access gets its own notifications, as before issue 12.
    TestEngine t = new TestEngine(b -> b.episodePolicy(org.cpis.rules.EpisodePolicy.off()));
    List<UploadRecord> base = new ArrayList<>();
    for (int i = 0; i < EngineArbitraries.CHILDREN.size(); i++) {
      base.add(Fixtures.cpp(i + 1, "BASE-" + i, EngineArbitraries.CHILDREN.get(i), LocalDate.of(2024, 1, 1), null));
    }
    t.islington().upload(base);
    t.camden().upload(base.subList(0, 1));
    int auditedBefore = t.cpis.auditLog().size();

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<List<CheckResult>>> checking = new ArrayList<>();
    List<Future<?>> others = new ArrayList<>();
    try {
      others.add(pool.submit(uploading(start, t.islington(), islington)));
      others.add(pool.submit(uploading(start, t.camden(), camden)));
      checking.add(pool.submit(checking(start, t.cpis, firstHealthThread)));
      checking.add(pool.submit(checking(start, t.cpis, secondHealthThread)));
      others.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 5; i++) {
                  t.cpis.dispatchNotifications();
                }
                return null;
              }));
      start.countDown();
      for (Future<?> f : others) {
        f.get(60, TimeUnit.SECONDS);
      }
      List<CheckResult> results = new ArrayList<>();
      for (Future<List<CheckResult>> f : checking) {
        results.addAll(f.get(60, TimeUnit.SECONDS));
      }
      t.cpis.dispatchNotifications();

      TestEngine sequential = new TestEngine();
      sequential.islington().upload(base);
      sequential.camden().upload(base.subList(0, 1));
      islington.forEach(sequential.islington()::upload);
      camden.forEach(sequential.camden()::upload);
      assertThat(t.islington().plans()).isEqualTo(sequential.islington().plans());
      assertThat(t.camden().plans()).isEqualTo(sequential.camden().plans());

      List<AccessNotification> notifications = new ArrayList<>();
      int events = 0;
      for (NhsNumber child : EngineArbitraries.CHILDREN) {
        notifications.addAll(t.notificationsAbout(child));
        events += t.accessesTo(child).size();
      }
      assertThat(notifications).hasSize(results.stream().mapToInt(CheckResult::notificationsCreated).sum());
      assertThat(events).isEqualTo((int) results.stream().filter(r -> r.accessKind() == AccessKind.UNSCHEDULED).count());
      assertThat(t.notifier.delivered()).extracting(AccessNotification::id)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(notifications.stream().map(AccessNotification::id).toList());
      assertThat(t.cpis.auditLog()).hasSize(auditedBefore + islington.size() + camden.size() + results.size());
      assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Void> uploading(
      CountDownLatch start, LocalAuthorityDesk desk, List<List<UploadRecord>> files) {
    return () -> {
      start.await();
      files.forEach(desk::upload);
      return null;
    };
  }

  private static Callable<List<CheckResult>> checking(
      CountDownLatch start, Cpis cpis, List<CheckRequest> requests) {
    return () -> {
      start.await();
      List<CheckResult> results = new ArrayList<>();
      requests.forEach(r -> results.add(cpis.health().check(r)));
      return results;
    };
  }
}
