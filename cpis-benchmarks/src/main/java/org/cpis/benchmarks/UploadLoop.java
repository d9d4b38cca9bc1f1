package org.cpis.benchmarks;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.cpis.UploadCsv;
import org.cpis.rules.UploadRecord;

/**
 * A plain loop (not JMH) over {@link UploadBenchmark}'s uploads that interleaves the records path,
 * the CSV path, and the upload of records read from the CSV beforehand (outside the measured
 * time), 20 invocations of each in turn, so that the three are measured under the same load of a
 * shared machine. After 5 s of warm-up it sums wall time, the thread's CPU and the process's CPU
 * (with the collector's threads) per path, and prints them with the CSV path's and the pre-read
 * records' ratios to the records path.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp cpis-benchmarks/target/benchmarks.jar org.cpis.benchmarks.UploadLoop second 20
 * </pre>
 *
 * Arguments: {@code first} (a fresh store each invocation, as {@link UploadBenchmark#firstUpload})
 * or {@code second} (the file uploaded once per round, then unchanged, as {@link
 * UploadBenchmark#secondUpload}); seconds.
 */
public final class UploadLoop {

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String[] PATHS = {"records", "CSV", "records read from CSV beforehand"};

  private UploadLoop() {}

  public static void main(String[] args) {
    boolean first = args[0].equals("first");
    if (!first && !args[0].equals("second")) {
      throw new IllegalArgumentException("first or second: " + args[0]);
    }
    long seconds = Long.parseLong(args[1]);
    UploadBenchmark.Day day = new UploadBenchmark.Day();
    day.generateFiles();
    UploadBenchmark benchmark = new UploadBenchmark();
    UploadBenchmark.SecondUpload second = new UploadBenchmark.SecondUpload();
    UploadBenchmark.EmptyStore empty = new UploadBenchmark.EmptyStore();
    long[] wall = new long[3];
    long[] thread = new long[3];
    long[] process = new long[3];
    long[] count = new long[3];
    long start = System.nanoTime();
    long warm = start + 5_000_000_000L;
    long end = start + seconds * 1_000_000_000L;
    long sink = 0;
    for (int round = 0; System.nanoTime() < end; round++) {
      boolean measure = System.nanoTime() > warm;
      if (!first) {
        second.uploadOnce(day);
      }
      for (int p = 0; p < 3; p++) {
        int path = (round + p) % 3;
        for (int k = 0; k < 20; k++) {
          if (first) {
            empty.freshStore();
          }
          List<UploadRecord> read = path == 2 ? UploadCsv.read(new StringReader(day.csv)) : null;
          long w0 = System.nanoTime();
          long t0 = THREADS.getCurrentThreadCpuTime();
          long p0 = OS.getProcessCpuTime();
          if (path == 2) {
            sink += (first ? empty.desk : second.desk).upload(read).outcomes().size();
          } else if (first) {
            sink += (path == 0 ? benchmark.firstUpload(day, empty) : benchmark.firstUploadCsv(day, empty)).accepted();
          } else {
            sink += (path == 0 ? benchmark.secondUpload(day, second) : benchmark.secondUploadCsv(day, second)).unchanged();
          }
          if (measure) {
            process[path] += OS.getProcessCpuTime() - p0;
            thread[path] += THREADS.getCurrentThreadCpuTime() - t0;
            wall[path] += System.nanoTime() - w0;
            count[path]++;
          }
        }
      }
    }
    for (int path = 0; path < 3; path++) {
      System.out.printf(
          "%s upload, %s: %.3f ms wall, %.3f ms thread CPU, %.3f ms process CPU (%d uploads)%s%n",
          args[0], PATHS[path], ms(wall, count, path), ms(thread, count, path), ms(process, count, path), count[path],
          path == 0 ? "" : String.format("; %.2fx, %.2fx, %.2fx the records path",
              ms(wall, count, path) / ms(wall, count, 0), ms(thread, count, path) / ms(thread, count, 0),
              ms(process, count, path) / ms(process, count, 0)));
    }
    System.out.println("(" + sink + ")");
  }

  private static double ms(long[] nanos, long[] count, int path) {
    return nanos[path] / 1e6 / count[path];
  }
}
