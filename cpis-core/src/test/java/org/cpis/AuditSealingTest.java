package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Design rule 9 without a serialised writer: a unit of work appends its audit record without
 * reading the log, and one sealer at a time chains the records after commit.
 */
class AuditSealingTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private final NhsNumber child = nhs(1);

  @Test
  @DisplayName("A check appends its audit record unsealed and reads nothing of the log; the sealer chains it afterwards")
  void checkDoesNotReadTheLog() {
    TestEngine t = new TestEngine();
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.sealAuditLog();
    AtomicInteger logReads = new AtomicInteger();
    t.store.intercept(
        new FaultyStore.Interceptor() {
          @Override
          public void before(String s, String m, Object[] args) {
            if (s.equals("audit") && !m.equals("append")) {
              logReads.incrementAndGet();
            }
          }
        });

    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.store.heal();

    assertThat(logReads).hasValue(0);
    assertThat(t.unsealed()).hasSize(1);
    long sealedBefore = t.lastSealed().map(AuditEntry::sequence).orElse(0L);
    assertThat(t.cpis.sealAuditLog()).hasValue(1);
    assertThat(t.unsealed()).isEmpty();
    assertThat(t.lastSealed().map(AuditEntry::sequence)).hasValue(sealedBefore + 1);
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
  }

  @Test
  @DisplayName("Sealing runs in batches: a log longer than one batch is sealed whole by one pass, in order, and verifies")
  void sealsInBatches() {
    TestEngine t = new TestEngine(b -> b.sealBatchSize(7));
    for (int i = 0; i < 30; i++) {
      t.islington().deletePlan("none-" + i);
    }
    assertThat(t.cpis.sealAuditLog()).hasValue(30);
    List<AuditEntry> log = t.cpis.auditLog();
    assertThat(log).extracting(AuditEntry::sequence).containsExactlyElementsOf(sequence(1, 30));
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
  }

  @Test
  @DisplayName("While another node holds the sealer's lease, this node seals nothing; when the lease expires unrenewed, it takes over")
  void leaseIsTakenOverWhenItsHolderStops() {
    TestEngine t = new TestEngine();
    Instant now = t.clock.instant();
    t.read(tx -> tx.leases().acquire(AuditSealer.LEASE, "node-that-died", now, now.plus(Duration.ofMinutes(1))));
    t.islington().deletePlan("none");

    assertThat(t.cpis.sealAuditLog()).isEmpty();
    assertThat(t.lastSealed()).isEmpty();
    t.clock.advance(Duration.ofMinutes(1));
    assertThat(t.cpis.sealAuditLog()).hasValue(1);
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
    assertThat(t.leaseHolder(AuditSealer.LEASE)).as("released after the pass").isEmpty();
  }

  @Test
  @DisplayName("Instants from a nanosecond clock are written to the microsecond, and the sealed log read back from the store verifies")
  void nanosecondClock() {
    TestEngine t = new TestEngine();
    t.clock.set(Instant.parse("2024-06-01T09:00:00.123456789Z"));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(result.checkedAt()).isEqualTo(Instant.parse("2024-06-01T09:00:00.123456Z"));
    assertThat(t.accessesTo(child).get(0).accessedAt()).isEqualTo(Instant.parse("2024-06-01T09:00:00.123456Z"));
    assertThat(t.cpis.auditLog()).allSatisfy(e -> assertThat(e.at().getNano() % 1_000).isZero());
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
  }

  @Test
  @DisplayName("Two nodes checking and sealing at once on one store: every record is sealed exactly once into one gap-free chain that verifies")
  void twoNodesSealOneChain() throws Exception {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false).sealBatchSize(5));
    Cpis other = t.otherNode("node-b", b -> b.dispatchAfterCheck(false).sealBatchSize(5));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    int checksPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Cpis node : List.of(t.cpis, other)) {
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < checksPerThread; i++) {
                    node.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
                  }
                }));
        work.add(
            pool.submit(
                () -> {
                  while (!done.get()) {
                    node.sealAuditLog();
                  }
                }));
      }
      work.get(0).get(60, TimeUnit.SECONDS);
      work.get(2).get(60, TimeUnit.SECONDS);
      done.set(true);
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    t.cpis.sealAuditLog();
    List<AuditEntry> log = t.cpis.auditLog();
    int expected = 1 + 2 * checksPerThread; // the upload, the checks
    assertThat(log).extracting(AuditEntry::sequence).containsExactlyElementsOf(sequence(1, expected));
    assertThat(log).extracting(AuditEntry::id).doesNotHaveDuplicates();
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
    assertThat(t.unsealed()).isEmpty();
  }

  private static List<Long> sequence(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      all.add(s);
    }
    return all;
  }

  @Test
  @DisplayName("The audit hash covers the record's id: two records alike but for their id hash differently")
  void idIsHashed() {
    TestEngine t = new TestEngine();
    t.islington().deletePlan("none");
    List<AuditEntry> log = t.cpis.auditLog();
    AuditEntry first = log.get(0);
    AuditEntry renamed =
        AuditEntry.builder()
            .from(first)
            .record(org.cpis.model.AuditRecord.builder().from(first.record()).id(org.cpis.model.RecordId.of("other")).build())
            .build();
    assertThat(org.cpis.rules.AuditChain.hashOf(renamed)).isNotEqualTo(first.hash());
    assertThat(Optional.of(first.hash())).contains(org.cpis.rules.AuditChain.hashOf(first));
  }
}
