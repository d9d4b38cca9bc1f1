package org.cpis.benchmarks;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cpis.UploadCsv;
import org.cpis.rules.UploadRecord;
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
 * Reading an upload file of {@value UploadBenchmark#RECORDS} valid records (the file of {@link
 * UploadBenchmark}, as {@link UploadCsv#write} writes it, every fifth family name quoted with a
 * comma in it).
 *
 * <ul>
 *   <li>{@link #baselineHandWrittenReader}: the hand-written RFC 4180 reader {@code UploadCsv}
 *       had before it moved to Apache Commons CSV ({@link HandWrittenUploadCsv}).
 *   <li>{@link #read}: {@link UploadCsv#read}, on Apache Commons CSV.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UploadCsvBenchmark {

  /** The file's text, made once. */
  @State(Scope.Benchmark)
  public static class File {
    String text;

    @Setup(Level.Trial)
    public void write() {
      List<UploadRecord> records = UploadBenchmark.file(BenchmarkData.nhsNumbers(UploadBenchmark.RECORDS));
      for (int i = 0; i < records.size(); i += 5) {
        records.set(i, UploadRecord.builder().from(records.get(i)).familyName("Smith, Jones").build());
      }
      text = UploadCsv.write(records);
    }
  }

  @Benchmark
  public List<UploadRecord> baselineHandWrittenReader(File file) {
    return HandWrittenUploadCsv.read(new StringReader(file.text));
  }

  @Benchmark
  public List<UploadRecord> read(File file) {
    return UploadCsv.read(new StringReader(file.text));
  }
}
