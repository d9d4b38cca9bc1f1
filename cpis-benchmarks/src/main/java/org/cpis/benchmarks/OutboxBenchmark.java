package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ED_NURSE;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;
import static org.cpis.benchmarks.BenchmarkData.NOW;
import static org.cpis.benchmarks.BenchmarkData.ROYAL_FREE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cpis.Cpis;
import org.cpis.DispatchReport;
import org.cpis.Notifier;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Draining the outbox (design rule 7): {@code pending} notifications, all due, delivered by one
 * {@link Cpis#dispatchNotifications()} pass (claimed in the engine's batches of 100) to a notifier
 * that accepts each and does nothing. Issue 14 asks that it grow with what it delivers: 16 000
 * pending within 20 times the time of 1 000.
 *
 * <ul>
 *   <li>{@link #baselineDeliverFromList}: the same notifications, in a list in due order, each
 *       handed to the notifier and its delivered copy put in a {@link HashMap} by id: the least a
 *       drain must do, with no store and no transaction.
 *   <li>{@link #drain}: the pass. The store, holding the notifications and nothing else but the
 *       local authority, is made afresh before every invocation, outside the measured time.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OutboxBenchmark {

  /** The notifications, made once per trial. */
  @State(Scope.Benchmark)
  public static class Pending {
    @Param({"1000", "16000"})
    public int pending;

    List<AccessNotification> notifications;
    final Notifier notifier = n -> {};

    @Setup(Level.Trial)
    public void generate() {
      notifications = notifications(pending);
    }
  }

  /** A store holding the pending notifications, made afresh for every invocation. */
  @State(Scope.Benchmark)
  public static class Outbox {
    InMemoryCpisStore store;
    Cpis cpis;

    @Setup(Level.Invocation)
    public void fill(Pending pending) {
      store = new InMemoryCpisStore();
      store.runInTransaction(
          tx -> {
            tx.localAuthorities().insert(ISLINGTON);
            pending.notifications.forEach(tx.notifications()::insert);
          });
      cpis = BenchmarkData.engine(store, false);
    }
  }

  /**
   * {@code count} pending notifications to Islington, one per child, accessed a second apart up
   * to {@link BenchmarkData#NOW}, so all are due; the list is in due order.
   */
  static List<AccessNotification> notifications(int count) {
    List<NhsNumber> children = BenchmarkData.nhsNumbers(count);
    List<AccessNotification> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = NOW.minusSeconds(count - i);
      RecordId event = RecordId.of("event-" + i);
      list.add(
          AccessNotification.builder()
              .id(RecordId.of("event-" + i + "/" + ISLINGTON_ODS.value()))
              .accessEventId(event)
              .subject(children.get(i))
              .planId(PlanId.of(ISLINGTON_ODS, BenchmarkData.reference(i)))
              .planType(PlanType.CHILD_PROTECTION_PLAN)
              .organisation(ROYAL_FREE)
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .accessor(ED_NURSE)
              .accessedAt(at)
              .assignedSocialWorker("sw-" + (i % 40))
              .deliveryStatus(DeliveryStatus.PENDING)
              .nextAttemptAt(at)
              .build());
    }
    return list;
  }

  @Benchmark
  public Map<RecordId, AccessNotification> baselineDeliverFromList(Pending pending) throws Exception {
    Map<RecordId, AccessNotification> delivered = new HashMap<>();
    for (AccessNotification n : pending.notifications) {
      pending.notifier.deliver(n);
      delivered.put(
          n.id(),
          AccessNotification.builder()
              .from(n)
              .deliveryStatus(DeliveryStatus.DELIVERED)
              .deliveredAt(NOW)
              .build());
    }
    return delivered;
  }

  @Benchmark
  public DispatchReport drain(Pending pending, Outbox outbox) {
    return outbox.cpis.dispatchNotifications();
  }
}
