package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.cpis.Cpis;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.Decision;
import org.cpis.rules.PlanChange;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;
import org.cpis.store.inmemory.InMemoryCpisStore;

/**
 * Heap per stored plan, from the JVM's class histogram of live objects ({@code jcmd PID
 * GC.class_histogram}, here through the same diagnostic command's MBean, which runs a full
 * collection first): the live bytes after an in-memory store was filled by uploading {@code plans}
 * records, less the live bytes before, over {@code plans}. Everything the store keeps for a plan
 * counts: the plan, its id, NHS number, dates, strings, and the store's rows and indexes. The
 * baseline is the same plans, made by the same validation, held in a {@link HashMap} by id and
 * nothing else.
 *
 * <p>Run in a JVM of its own: {@code java -cp benchmarks.jar org.cpis.benchmarks.HeapPerPlan
 * [plans]}; it prints {@code heap-per-plan STORE BASELINE} in bytes.
 */
public final class HeapPerPlan {

  private HeapPerPlan() {}

  /** Keeps what is measured reachable while the histogram is taken. */
  private static Object held;

  public static void main(String[] args) throws Exception {
    int plans = args.length > 0 ? Integer.parseInt(args[0]) : NationalUploadBenchmark.RECORDS;
    double[] perPlan = measure(plans);
    System.out.printf("heap-per-plan %.1f %.1f%n", perPlan[0], perPlan[1]);
  }

  /** {store bytes per plan, baseline bytes per plan}. */
  static double[] measure(int plans) throws Exception {
    long before = liveBytes();
    held = loadedStore(plans);
    long store = liveBytes() - before;
    held = null;
    before = liveBytes();
    held = plansInHashMap(plans);
    long baseline = liveBytes() - before;
    held = null;
    return new double[] {(double) store / plans, (double) baseline / plans};
  }

  /** A store that one upload of {@code plans} records filled; the file itself is dropped. */
  static InMemoryCpisStore loadedStore(int plans) {
    InMemoryCpisStore store = new InMemoryCpisStore();
    Cpis cpis = BenchmarkData.engine(store, true);
    cpis.registerLocalAuthority(ISLINGTON);
    int accepted =
        cpis.localAuthority(ISLINGTON_ODS)
            .upload(UploadBenchmark.file(BenchmarkData.nhsNumbers(plans)))
            .accepted();
    if (accepted != plans) {
      throw new IllegalStateException("only " + accepted + " of " + plans + " plans were accepted");
    }
    return store;
  }

  /** The same plans, validated from the same records, in a {@link HashMap} by id. */
  static Map<PlanId, ProtectionPlan> plansInHashMap(int plans) {
    List<UploadRecord> file = UploadBenchmark.file(BenchmarkData.nhsNumbers(plans));
    List<Decision<PlanChange, RejectionReason>> decisions = UploadValidation.validateFile(file, ISLINGTON_ODS);
    Map<PlanId, ProtectionPlan> map = new HashMap<>();
    for (Decision<PlanChange, RejectionReason> d : decisions) {
      ProtectionPlan p = d.value().plan().orElseThrow();
      map.put(p.id(), p);
    }
    return map;
  }

  /** The live heap's bytes, from the class histogram's total line (after a full collection). */
  static long liveBytes() throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    List<String> lines = new ArrayList<>(List.of(histogram.strip().split("\n")));
    String total = lines.get(lines.size() - 1).strip();
    if (!total.startsWith("Total")) {
      throw new IllegalStateException("no total in the class histogram");
    }
    String[] fields = total.split("\\s+");
    return Long.parseLong(fields[fields.length - 1]);
  }
}
