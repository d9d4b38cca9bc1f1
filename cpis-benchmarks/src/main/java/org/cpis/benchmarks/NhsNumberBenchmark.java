package org.cpis.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cpis.model.NhsNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing an NHS number (design rule 1) in both of the forms a file carries: ten digits ({@code
 * 9434765919}) and the printed 3-3-4 form ({@code 943 476 5919}).
 *
 * <ul>
 *   <li>{@link #baselineModulus11Loop}: one plain loop over the same text's characters that skips
 *       the spaces and sums the first nine digits by weight, and compares the Modulus 11 check
 *       with the tenth: the arithmetic of the rule with none of its other checks and no result
 *       object.
 *   <li>{@link #parse}: {@link NhsNumber#parse}, which also checks the characters, the length, the
 *       3-3-4 grouping, and makes the number.
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
    @Param({"9434765919", "943 476 5919"})
    public String text;
  }

  @Benchmark
  public boolean baselineModulus11Loop(Text text) {
    String s = text.text;
    int sum = 0;
    int weight = 10;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (weight > 1) {
        sum += (c - '0') * weight--;
      } else {
        last = c - '0';
      }
    }
    int check = 11 - sum % 11;
    return (check == 11 ? 0 : check) == last;
  }

  @Benchmark
  public NhsNumber parse(Text text) {
    return NhsNumber.parse(text.text);
  }
}
