package org.cpis.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cpis.model.NhsNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing an NHS number (design rule 1) in its printed form, {@code 943 476 5919}.
 *
 * <ul>
 *   <li>{@link #baselineParseLong}: {@code Long.parseLong(text.replace(" ", ""))}, reading the
 *       digits with no checks at all.
 *   <li>{@link #parse}: {@link NhsNumber#parse}, which also checks the characters, the length, the
 *       3-3-4 grouping and the Modulus 11 check digit.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class NhsNumberBenchmark {

  /** The text to parse, held in a field so the JIT cannot fold it into a constant. */
  @State(Scope.Thread)
  public static class Text {
    public String formatted = "943 476 5919";
  }

  @Benchmark
  public long baselineParseLong(Text text) {
    return Long.parseLong(text.formatted.replace(" ", ""));
  }

  @Benchmark
  public NhsNumber parse(Text text) {
    return NhsNumber.parse(text.formatted);
  }
}
