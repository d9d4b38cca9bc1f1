package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.NOW;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.model.ProtectionPlan;
import org.cpis.store.Claim;
import org.cpis.store.StoreTransaction;
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
 * The store's per-authority and outbox queries for what is not there. Issue 14 asks that a query
 * cost what it returns: one for an authority with nothing costs what an empty store costs, and a
 * claim with nothing due costs what it costs on an empty outbox.
 *
 * <p>{@code rows} is 0 (the baseline: an empty store) or 300 000: Islington's plans, one per
 * child, and 16 000 delivered notifications of Islington's with no review plus 16 000 pending ones
 * due in an hour. Each query is for Camden, which has nothing, or, for {@code claimDue}, due now.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class QueryBenchmark {

  static final OdsCode CAMDEN_ODS = OdsCode.of("202");

  static final int NOTIFICATIONS = 16_000;

  /** A store with {@code rows} plans of Islington (and its notifications), or an empty one. */
  @State(Scope.Benchmark)
  public static class Loaded {
    @Param({"0", "300000"})
    public int rows;

    InMemoryCpisStore store;
    final Claim claim = new Claim("bench-node", NOW.plus(Duration.ofMinutes(1)));
    final Function<StoreTransaction, List<ProtectionPlan>> plansOfCamden =
        tx -> tx.plans().findByLocalAuthority(CAMDEN_ODS);
    final Function<StoreTransaction, List<AccessNotification>> unreviewedOfCamden =
        tx -> tx.notifications().findUnreviewed(CAMDEN_ODS);
    final Function<StoreTransaction, List<AccessNotification>> claimDue =
        tx -> tx.notifications().claimDue(NOW, claim, 100);

    @Setup(Level.Trial)
    public void fill() {
      store = rows == 0 ? new InMemoryCpisStore() : BenchmarkData.storeWithPlans(BenchmarkData.nhsNumbers(rows));
      if (rows > 0) {
        List<AccessNotification> delivered = OutboxBenchmark.notifications(2 * NOTIFICATIONS);
        store.runInTransaction(
            tx -> {
              tx.localAuthorities()
                  .insert(LocalAuthority.builder().from(BenchmarkData.ISLINGTON).odsCode(CAMDEN_ODS).name("Camden").build());
              for (int i = 0; i < delivered.size(); i++) {
                AccessNotification n = delivered.get(i);
                tx.notifications()
                    .insert(
                        i % 2 == 0
                            ? AccessNotification.builder().from(n).deliveryStatus(DeliveryStatus.DELIVERED).deliveredAt(NOW).build()
                            : AccessNotification.builder().from(n).nextAttemptAt(NOW.plus(Duration.ofHours(1))).build());
              }
            });
      }
    }
  }

  @Benchmark
  public List<ProtectionPlan> findByLocalAuthority(Loaded state) {
    return state.store.inTransaction(state.plansOfCamden);
  }

  @Benchmark
  public List<AccessNotification> findUnreviewed(Loaded state) {
    return state.store.inTransaction(state.unreviewedOfCamden);
  }

  @Benchmark
  public List<AccessNotification> claimDue(Loaded state) {
    return state.store.inTransaction(state.claimDue);
  }
}
