package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ED_NURSE;
import static org.cpis.benchmarks.BenchmarkData.ROYAL_FREE;
import static org.cpis.benchmarks.BenchmarkData.SILENT_READER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cpis.CheckRequest;
import org.cpis.CheckResult;
import org.cpis.Cpis;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.ProtectionPlan;
import org.cpis.store.StoreTransaction;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The health check (design rules 6 and 7), {@code cpis.health().check(...)}, of a child with a
 * visible plan on an in-memory store holding {@code plans} open plans, one per child.
 *
 * <ul>
 *   <li>{@link #floor}: the least any implementation of a check must do (issue 14): a {@link
 *       HashMap} lookup of the child among {@code plans} entries, an {@link ArrayList} append of
 *       the audit entry and a SHA-256 of a 200-byte entry. The ratios of the checks are to it.
 *   <li>{@link #baselineFindBySubject}: the store's own {@code findBySubject} read of the same
 *       child in one transaction.
 *   <li>{@link #findsNothing}: an emergency-department check of a valid NHS number that has no
 *       plan: it writes only its audit record.
 *   <li>{@link #silentRead}: a silent read (RBAC activity B0170) of that child. It writes no access
 *       event and no notification, but every check is audited (rule 6), so each invocation appends
 *       one audit entry: the store is rebuilt before every iteration, so the log never holds more
 *       than one iteration's entries.
 *   <li>{@link #unscheduled}: an emergency-department check, which records an access event, one
 *       notification (to a no-op notifier, delivered at once or left in the outbox as {@code
 *       dispatchAfterCheck} says) and the audit entry. One invocation checks {@value
 *       #CHILDREN_PER_INVOCATION} different children once each; after it, outside the measured
 *       time, their access events and notifications are deleted, so each check finds the same
 *       state: a child with one visible plan and no access history. Only the audit log grows, and
 *       the store is rebuilt before every iteration.
 * </ul>
 *
 * <p>Each rebuild ends with {@link BenchmarkData#settle()}, a full collection, so that the
 * collector's moving of the freshly built store out of the young generation (some tens of
 * megabytes at 300 000 plans) falls in the set-up and not in the measured checks. The forks run
 * with {@code -XX:+AlwaysPreTouch}: the in-memory store writes its audit log into new arrays of a
 * megabyte (some hundreds of megabytes in a second of checks), and without it the first
 * iterations pay the kernel's first touch of each page of the heap, which a long-running server
 * pays once (the checks then got faster for ten seconds, iteration by iteration, as the heap's
 * pages were touched).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class HealthCheckBenchmark {

  /** How many children one invocation of {@link #unscheduled} checks. */
  static final int CHILDREN_PER_INVOCATION = 1_000;

  /** A store of {@code plans} open plans and one child to read, rebuilt every iteration. */
  @State(Scope.Benchmark)
  public static class Reads {

    @Param({"1000", "300000"})
    public int plans;

    List<NhsNumber> children;
    InMemoryCpisStore store;
    Cpis cpis;
    NhsNumber child;
    CheckRequest silentRead;
    CheckRequest nobody;
    Function<StoreTransaction, List<ProtectionPlan>> findBySubject;

    @Setup(Level.Trial)
    public void generateChildren() {
      children = BenchmarkData.nhsNumbers(plans);
      child = children.get(plans / 2);
      silentRead =
          CheckRequest.builder()
              .nhsNumber(child)
              .accessor(SILENT_READER)
              .organisation(ROYAL_FREE)
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .build();
      nobody =
          CheckRequest.builder()
              .nhsNumber(BenchmarkData.nhsNumberNotIn(children))
              .accessor(ED_NURSE)
              .organisation(ROYAL_FREE)
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .build();
      NhsNumber subject = child;
      findBySubject = tx -> tx.plans().findBySubject(subject);
    }

    @Setup(Level.Iteration)
    public void freshStore() {
      store = BenchmarkData.storeWithPlans(children);
      cpis = BenchmarkData.engine(store, true);
      BenchmarkData.settle();
    }
  }

  /**
   * The same store, and {@value #CHILDREN_PER_INVOCATION} unscheduled checks of children spread
   * evenly over it; their access events and notifications are forgotten after each invocation.
   */
  @State(Scope.Benchmark)
  public static class UnscheduledChecks {

    @Param({"1000", "300000"})
    public int plans;

    @Param({"true", "false"})
    public boolean dispatchAfterCheck;

    List<NhsNumber> children;
    List<CheckRequest> requests;
    InMemoryCpisStore store;
    Cpis cpis;

    @Setup(Level.Trial)
    public void generateChildren() {
      children = BenchmarkData.nhsNumbers(plans);
      requests = new ArrayList<>(CHILDREN_PER_INVOCATION);
      for (int i = 0; i < CHILDREN_PER_INVOCATION; i++) {
        NhsNumber child = children.get((int) ((long) i * plans / CHILDREN_PER_INVOCATION));
        requests.add(
            CheckRequest.builder()
                .nhsNumber(child)
                .accessor(ED_NURSE)
                .organisation(ROYAL_FREE)
                .setting(CareSetting.EMERGENCY_DEPARTMENT)
                .build());
      }
    }

    @Setup(Level.Iteration)
    public void freshStore() {
      store = BenchmarkData.storeWithPlans(children);
      cpis = BenchmarkData.engine(store, dispatchAfterCheck);
      BenchmarkData.settle();
    }

    /** Deletes what the invocation's checks recorded, so that the next one starts the same. */
    @TearDown(Level.Invocation)
    public void forgetAccesses() {
      store.runInTransaction(
          tx -> {
            for (CheckRequest r : requests) {
              tx.accessEvents().deleteBySubject(r.nhsNumber());
              tx.notifications().deleteBySubject(r.nhsNumber());
            }
          });
    }
  }

  /**
   * The floor: {@code plans} entries in a {@link HashMap}, an audit list that each check appends
   * to (cleared every million entries, so it never outgrows the heap) and a 200-byte entry.
   */
  @State(Scope.Benchmark)
  public static class Floor {

    @Param({"1000", "300000"})
    public int plans;

    Map<NhsNumber, ProtectionPlan> byChild;
    NhsNumber child;
    List<byte[]> log;
    byte[] entry;
    MessageDigest sha256;

    @Setup(Level.Trial)
    public void fill() throws NoSuchAlgorithmException {
      List<NhsNumber> children = BenchmarkData.nhsNumbers(plans);
      byChild = new HashMap<>();
      for (int i = 0; i < children.size(); i++) {
        byChild.put(children.get(i), BenchmarkData.openPlan(i, children.get(i)));
      }
      child = children.get(plans / 2);
      entry = new byte[200];
      byte[] text =
          ("2025-06-02T09:30:00Z|CHECK|555000000101|RAL|EMERGENCY_DEPARTMENT|" + child.value()
                  + "|UNSCHEDULED by Staff Nurse (B0168): 1 plans visible, 1 notifications")
              .getBytes(StandardCharsets.UTF_8);
      System.arraycopy(text, 0, entry, 0, Math.min(text.length, entry.length));
      sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Setup(Level.Iteration)
    public void emptyLog() {
      log = new ArrayList<>();
    }
  }

  @Benchmark
  public byte[] floor(Floor state) {
    ProtectionPlan plan = state.byChild.get(state.child);
    if (state.log.size() == 1_000_000) {
      state.log.clear();
    }
    state.log.add(state.entry);
    state.sha256.update(state.entry);
    byte[] hash = state.sha256.digest();
    hash[0] ^= (byte) plan.id().localReference().length();
    return hash;
  }

  @Benchmark
  public CheckResult findsNothing(Reads state) {
    return state.cpis.health().check(state.nobody);
  }

  @Benchmark
  public List<ProtectionPlan> baselineFindBySubject(Reads state) {
    return state.store.inTransaction(state.findBySubject);
  }

  @Benchmark
  public CheckResult silentRead(Reads state) {
    return state.cpis.health().check(state.silentRead);
  }

  @Benchmark
  @OperationsPerInvocation(CHILDREN_PER_INVOCATION)
  public void unscheduled(UnscheduledChecks state, Blackhole blackhole) {
    for (CheckRequest request : state.requests) {
      blackhole.consume(state.cpis.health().check(request));
    }
  }
}
