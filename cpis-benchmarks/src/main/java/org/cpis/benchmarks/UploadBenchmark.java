package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cpis.Cpis;
import org.cpis.LocalAuthorityDesk;
import org.cpis.UploadCsv;
import org.cpis.UploadReport;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanType;
import org.cpis.rules.Decision;
import org.cpis.rules.ImmutableUploadRecord;
import org.cpis.rules.PlanChange;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;
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
 * The daily upload (design rule 5) of a local authority's file of {@value #RECORDS} valid records,
 * from records and from CSV text, beside the least any upload must do.
 *
 * <ul>
 *   <li>{@link #baselineHashMap}: putting the records in a {@link HashMap} by local reference.
 *   <li>{@link #baselineValidateFile}: {@link UploadValidation#validateFile} of the records alone,
 *       the pure validation every upload starts with.
 *   <li>{@link #firstUpload}, {@link #firstUploadCsv}: the file sent to a store that holds none of
 *       its plans (the authority registered, nothing else): every record inserts a plan. The store
 *       is made afresh before every invocation, outside the measured time.
 *   <li>{@link #secondUpload}, {@link #secondUploadCsv}: the file sent again, unchanged: the
 *       idempotent path, every record {@code UNCHANGED}, no plan written. Each adds one upload
 *       receipt and one audit record; the store is rebuilt (and the file uploaded once) before
 *       every iteration.
 *   <li>{@link #changedUpload}, {@link #changedUploadCsv}: a file in which every fiftieth record
 *       (2%) has another allocated social worker than the stored plan; successive invocations send
 *       the changed and the original file in turn, so every upload updates 2% of the plans and
 *       leaves the rest unchanged.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UploadBenchmark {

  /** How many records the file holds: a large local authority's day. */
  static final int RECORDS = 5_000;

  /** Every how many records the changed file changes one. */
  static final int CHANGE_EVERY = 50;

  /** The day's file as records and as CSV, and the same with 2% of its records changed; made once. */
  @State(Scope.Benchmark)
  public static class Day {
    List<UploadRecord> records;
    List<UploadRecord> changed;
    String csv;
    String changedCsv;

    @Setup(Level.Trial)
    public void generateFiles() {
      records = file(BenchmarkData.nhsNumbers(RECORDS));
      changed = changed(records);
      csv = UploadCsv.write(records);
      changedCsv = UploadCsv.write(changed);
    }
  }

  /** A store with the authority registered and no plan, made afresh for every invocation. */
  @State(Scope.Benchmark)
  public static class EmptyStore {
    InMemoryCpisStore store;
    LocalAuthorityDesk desk;

    @Setup(Level.Invocation)
    public void freshStore() {
      store = new InMemoryCpisStore();
      Cpis cpis = BenchmarkData.engine(store, true);
      cpis.registerLocalAuthority(ISLINGTON);
      desk = cpis.localAuthority(ISLINGTON_ODS);
    }
  }

  /** A store where the day's file was uploaded once, rebuilt every iteration. */
  @State(Scope.Benchmark)
  public static class SecondUpload {

    InMemoryCpisStore store;
    Cpis cpis;
    LocalAuthorityDesk desk;
    UploadReport firstUpload;
    /** Which file {@link #changedUpload} sends next: the changed one when true. */
    boolean sendChanged;

    @Setup(Level.Iteration)
    public void uploadOnce(Day day) {
      store = new InMemoryCpisStore();
      cpis = BenchmarkData.engine(store, true);
      cpis.registerLocalAuthority(ISLINGTON);
      desk = cpis.localAuthority(ISLINGTON_ODS);
      firstUpload = desk.upload(day.records);
      sendChanged = true;
    }
  }

  /**
   * A file of valid records, one per number, as a social-care system sends them (NHS numbers in
   * the printed 3-3-4 form): mostly child protection plans, every tenth a looked-after child,
   * every twenty-fifth an unborn plan under the mother's number, every seventh ended.
   */
  static List<UploadRecord> file(List<NhsNumber> numbers) {
    List<UploadRecord> file = new ArrayList<>(numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      PlanType type =
          i % 25 == 0
              ? PlanType.UNBORN_CHILD_PROTECTION_PLAN
              : i % 10 == 0 ? PlanType.LOOKED_AFTER_CHILD : PlanType.CHILD_PROTECTION_PLAN;
      LocalDate start = BenchmarkData.PLAN_START.plusDays(i % 300);
      LocalDate dateOfBirth =
          type.isUnborn()
              ? LocalDate.of(1995, 3, 1).plusDays(i % 5_000)
              : LocalDate.of(2012, 1, 1).plusDays(i % 4_000);
      ImmutableUploadRecord.Builder record =
          UploadRecord.builder()
              .lineNumber(i + 1)
              .localReference(BenchmarkData.reference(i))
              .nhsNumber(numbers.get(i).formatted())
              .givenName("Given" + i)
              .familyName("Family" + i)
              .dateOfBirth(dateOfBirth.toString())
              .planType(type.code())
              .startDate(start.toString())
              .allocatedSocialWorker("sw-" + (i % 40));
      if (type.isUnborn()) {
        record.expectedDeliveryDate(BenchmarkData.TODAY.plusDays(30 + i % 120).toString());
      } else if (i % 7 == 0) {
        record.endDate(start.plusDays(200).toString());
      }
      file.add(record.build());
    }
    return file;
  }

  /** {@code records} with every {@value #CHANGE_EVERY}th record's social worker changed. */
  static List<UploadRecord> changed(List<UploadRecord> records) {
    List<UploadRecord> changed = new ArrayList<>(records);
    for (int i = 0; i < changed.size(); i += CHANGE_EVERY) {
      changed.set(i, UploadRecord.builder().from(changed.get(i)).allocatedSocialWorker("sw-new-" + i).build());
    }
    return changed;
  }

  @Benchmark
  public Map<String, UploadRecord> baselineHashMap(Day day) {
    Map<String, UploadRecord> byReference = new HashMap<>();
    for (UploadRecord r : day.records) {
      byReference.put(r.localReference().orElseThrow(), r);
    }
    return byReference;
  }

  @Benchmark
  public List<Decision<PlanChange, RejectionReason>> baselineValidateFile(Day day) {
    return UploadValidation.validateFile(day.records, ISLINGTON_ODS);
  }

  @Benchmark
  public UploadReport firstUpload(Day day, EmptyStore state) {
    return state.desk.upload(day.records);
  }

  @Benchmark
  public UploadReport firstUploadCsv(Day day, EmptyStore state) {
    return state.desk.upload(new StringReader(day.csv));
  }

  @Benchmark
  public UploadReport secondUpload(Day day, SecondUpload state) {
    return state.desk.upload(day.records);
  }

  @Benchmark
  public UploadReport secondUploadCsv(Day day, SecondUpload state) {
    return state.desk.upload(new StringReader(day.csv));
  }

  @Benchmark
  public UploadReport changedUpload(Day day, SecondUpload state) {
    List<UploadRecord> file = state.sendChanged ? day.changed : day.records;
    state.sendChanged = !state.sendChanged;
    return state.desk.upload(file);
  }

  @Benchmark
  public UploadReport changedUploadCsv(Day day, SecondUpload state) {
    String file = state.sendChanged ? day.changedCsv : day.csv;
    state.sendChanged = !state.sendChanged;
    return state.desk.upload(new StringReader(file));
  }
}
