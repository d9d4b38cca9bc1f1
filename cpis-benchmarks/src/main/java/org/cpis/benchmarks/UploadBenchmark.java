package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cpis.Cpis;
import org.cpis.LocalAuthorityDesk;
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
 * The daily upload (design rule 5) of a file of {@value #RECORDS} valid records, sent a second
 * time unchanged: the idempotent path, where every record comes back {@code UNCHANGED} and no plan
 * is written.
 *
 * <ul>
 *   <li>{@link #baselineValidateFile}: {@link UploadValidation#validateFile} of the same records
 *       alone, the pure validation every upload starts with.
 *   <li>{@link #secondUpload}: {@link LocalAuthorityDesk#upload(List)}: validation, the demographic
 *       check (the default, which accepts every record), one transaction that reads each stored
 *       plan and reconciles it, and writes the upload receipt and the audit entry. Those two rows
 *       are the only growth; the store is rebuilt (and the file uploaded once) before every
 *       iteration.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UploadBenchmark {

  /** How many records the file holds. */
  static final int RECORDS = 1_000;

  /** The file, made once; a store where it was uploaded once, rebuilt every iteration. */
  @State(Scope.Benchmark)
  public static class SecondUpload {

    List<UploadRecord> records;
    InMemoryCpisStore store;
    Cpis cpis;
    LocalAuthorityDesk desk;
    UploadReport firstUpload;

    @Setup(Level.Trial)
    public void generateFile() {
      records = file(BenchmarkData.nhsNumbers(RECORDS));
    }

    @Setup(Level.Iteration)
    public void uploadOnce() {
      store = new InMemoryCpisStore();
      cpis = BenchmarkData.engine(store, true);
      cpis.registerLocalAuthority(ISLINGTON);
      desk = cpis.localAuthority(ISLINGTON_ODS);
      firstUpload = desk.upload(records);
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
              ? LocalDate.of(1995, 3, 1).plusDays(i)
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

  @Benchmark
  public List<Decision<PlanChange, RejectionReason>> baselineValidateFile(SecondUpload state) {
    return UploadValidation.validateFile(state.records, ISLINGTON_ODS);
  }

  @Benchmark
  public UploadReport secondUpload(SecondUpload state) {
    return state.desk.upload(state.records);
  }
}
