package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cpis.Cpis;
import org.cpis.LocalAuthorityDesk;
import org.cpis.UploadReport;
import org.cpis.rules.UploadRecord;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * England's scale: {@value #RECORDS} plans (the {@link UploadBenchmark#file} generator) sent again
 * unchanged in one upload, each run timed on its own ({@link Mode#SingleShotTime}) so that the
 * spread of the runs shows (issue 14 asks that no run take more than twice the median).
 *
 * <ul>
 *   <li>{@link #baselineHashMap}: putting the {@value #RECORDS} records in a {@link HashMap} by
 *       local reference.
 *   <li>{@link #nationalReupload}: {@link LocalAuthorityDesk#upload(List)} of the file to a store
 *       that the same file filled once, at the start of the trial: every record {@code
 *       UNCHANGED}; each run adds one upload receipt and one audit record.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class NationalUploadBenchmark {

  /** About as many children as England has on a plan or looked after at once. */
  static final int RECORDS = 300_000;

  /** The national file, and a store it was uploaded to once. */
  @State(Scope.Benchmark)
  public static class Nation {
    List<UploadRecord> records;
    InMemoryCpisStore store;
    LocalAuthorityDesk desk;
    UploadReport firstUpload;

    @Setup(Level.Trial)
    public void uploadOnce() {
      records = UploadBenchmark.file(BenchmarkData.nhsNumbers(RECORDS));
      store = new InMemoryCpisStore();
      Cpis cpis = BenchmarkData.engine(store, true);
      cpis.registerLocalAuthority(ISLINGTON);
      desk = cpis.localAuthority(ISLINGTON_ODS);
      firstUpload = desk.upload(records);
    }
  }

  @Benchmark
  public Map<String, UploadRecord> baselineHashMap(Nation nation) {
    Map<String, UploadRecord> byReference = new HashMap<>();
    for (UploadRecord r : nation.records) {
      byReference.put(r.localReference().orElseThrow(), r);
    }
    return byReference;
  }

  @Benchmark
  public UploadReport nationalReupload(Nation nation) {
    return nation.desk.upload(nation.records);
  }
}
