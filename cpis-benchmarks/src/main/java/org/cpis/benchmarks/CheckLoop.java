package org.cpis.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.cpis.CheckRequest;
import org.cpis.Cpis;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.store.inmemory.InMemoryCpisStore;

/**
 * A plain loop over {@link HealthCheckBenchmark}'s checks, to record with JFR (not JMH): the same
 * store, requests and engine (outbox, {@code dispatchAfterCheck} false), the store rebuilt every
 * 400 000 checks as the benchmark rebuilds it every iteration. Prints, between rebuilds, the mean
 * time of a check (each rebuild ends with a full collection, as the benchmark's does), the CPU
 * time its thread spent and the CPU time the whole process spent per
 * check: the last includes the collector's threads, so the two CPU figures apart are what holding
 * a check's writes costs the collector (with {@code -XX:+AlwaysPreTouch}, so that first touches
 * of the heap's pages are not counted as the thread's). For {@code unscheduled}, the process's
 * figure also holds the deletion of the checks' events and notifications after each thousand.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:StartFlightRecording=settings=profile,filename=check.jfr \
 *   -cp cpis-benchmarks/target/benchmarks.jar org.cpis.benchmarks.CheckLoop silent 20 300000
 * jfr print --stack-depth 64 --events jdk.ExecutionSample check.jfr
 * </pre>
 *
 * Arguments: {@code nothing}, {@code silent} or {@code unscheduled}; seconds; plans.
 */
public final class CheckLoop {

  private CheckLoop() {}

  public static void main(String[] args) {
    String mode = args[0];
    long seconds = Long.parseLong(args[1]);
    int plans = Integer.parseInt(args[2]);
    List<NhsNumber> children = BenchmarkData.nhsNumbers(plans);
    List<CheckRequest> requests = new ArrayList<>();
    for (int i = 0; i < HealthCheckBenchmark.CHILDREN_PER_INVOCATION; i++) {
      NhsNumber child =
          switch (mode) {
            case "nothing" -> BenchmarkData.nhsNumberNotIn(children);
            case "silent" -> children.get(plans / 2);
            case "unscheduled" -> children.get((int) ((long) i * plans / HealthCheckBenchmark.CHILDREN_PER_INVOCATION));
            default -> throw new IllegalArgumentException("nothing, silent or unscheduled: " + mode);
          };
      requests.add(
          CheckRequest.builder()
              .nhsNumber(child)
              .accessor(mode.equals("silent") ? BenchmarkData.SILENT_READER : BenchmarkData.ED_NURSE)
              .organisation(BenchmarkData.ROYAL_FREE)
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .build());
    }
    InMemoryCpisStore store = BenchmarkData.storeWithPlans(children);
    Cpis cpis = BenchmarkData.engine(store, false);
    BenchmarkData.settle();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long checks = 0;
    long nanos = 0;
    long threadCpu = 0;
    long processStart = os.getProcessCpuTime();
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (CheckRequest r : requests) {
        cpis.health().check(r);
      }
      threadCpu += threads.getCurrentThreadCpuTime() - cpuStart;
      nanos += System.nanoTime() - start;
      checks += requests.size();
      if (mode.equals("unscheduled")) {
        InMemoryCpisStore s = store;
        s.runInTransaction(
            tx -> {
              for (CheckRequest r : requests) {
                tx.accessEvents().deleteBySubject(r.nhsNumber());
                tx.notifications().deleteBySubject(r.nhsNumber());
              }
            });
      }
      if (checks >= 400_000) {
        System.out.printf(
            "%s: %.1f ns a check; CPU per check: %.1f ns its thread, %.1f ns the process%n",
            mode, (double) nanos / checks, (double) threadCpu / checks,
            (double) (os.getProcessCpuTime() - processStart) / checks);
        store = BenchmarkData.storeWithPlans(children);
        cpis = BenchmarkData.engine(store, false);
        BenchmarkData.settle();
        checks = 0;
        nanos = 0;
        threadCpu = 0;
        processStart = os.getProcessCpuTime();
      }
    }
  }
}
