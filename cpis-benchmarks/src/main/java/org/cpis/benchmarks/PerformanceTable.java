package org.cpis.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Issue 14's one command: a short run of every benchmark that measures its targets, and one table
 * of operation, cpis, baseline and ratio, each ratio from the same run.
 *
 * <pre>
 * java -cp cpis-benchmarks/target/benchmarks.jar org.cpis.benchmarks.PerformanceTable [ROW-REGEX]
 * </pre>
 *
 * With a regular expression, only the rows whose operation it finds are run (for iterating on
 * one). The short settings: one fork per benchmark, 2 warm-up and 3 measured iterations of 1 s
 * (single-shot benchmarks: 3 warm-up and 7 measured runs); about 7 minutes on 2 cores.
 */
public final class PerformanceTable {

  private PerformanceTable() {}

  /** One benchmark and its parameters, e.g. {@code HealthCheckBenchmark.silentRead plans=1000}. */
  record Run(String benchmark, Map<String, String> params) {
    static Run of(String benchmark, String... keyValues) {
      Map<String, String> p = new LinkedHashMap<>();
      for (int i = 0; i < keyValues.length; i += 2) {
        p.put(keyValues[i], keyValues[i + 1]);
      }
      return new Run(benchmark, p);
    }

    String className() {
      return benchmark.substring(0, benchmark.indexOf('.'));
    }

    boolean matches(BenchmarkParams bp) {
      if (!bp.getBenchmark().endsWith("." + benchmark)) {
        return false;
      }
      return params.entrySet().stream().allMatch(e -> e.getValue().equals(bp.getParam(e.getKey())));
    }
  }

  /** A row of the table: the operation, what measures it, its baseline and issue 14's target. */
  record Row(String operation, Run cpis, Run baseline, String target) {}

  static final List<Row> ROWS = rows();

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String plans : List.of("1000", "300000")) {
      Run floor = Run.of("HealthCheckBenchmark.floor", "plans", plans);
      String at = " (" + plans + " plans)";
      rows.add(new Row("unscheduled check, finds a plan, outbox" + at,
          Run.of("HealthCheckBenchmark.unscheduled", "plans", plans, "dispatchAfterCheck", "false"), floor, "<= 5x, >= 600k/s"));
      rows.add(new Row("unscheduled check, finds a plan, delivers at once" + at,
          Run.of("HealthCheckBenchmark.unscheduled", "plans", plans, "dispatchAfterCheck", "true"), floor, ""));
      rows.add(new Row("silent read (B0170)" + at, Run.of("HealthCheckBenchmark.silentRead", "plans", plans), floor, "<= 3x"));
      rows.add(new Row("check that finds nothing" + at, Run.of("HealthCheckBenchmark.findsNothing", "plans", plans), floor, "<= 2x"));
    }
    for (String text : List.of("9434765919", "943 476 5919")) {
      rows.add(new Row("NhsNumber.parse(\"" + text + "\")", Run.of("NhsNumberBenchmark.parse", "text", text),
          Run.of("NhsNumberBenchmark.baselineModulus11Loop", "text", text), "<= 2x"));
    }
    Run hashMap = Run.of("UploadBenchmark.baselineHashMap");
    rows.add(new Row("first upload of 5,000, records", Run.of("UploadBenchmark.firstUpload"), hashMap, "<= 6 ms"));
    rows.add(new Row("first upload of 5,000, CSV", Run.of("UploadBenchmark.firstUploadCsv"), hashMap, "<= 1.5x records"));
    rows.add(new Row("unchanged re-upload of 5,000, records", Run.of("UploadBenchmark.secondUpload"), hashMap, "<= 3 ms"));
    rows.add(new Row("unchanged re-upload of 5,000, CSV", Run.of("UploadBenchmark.secondUploadCsv"), hashMap, "<= 1.5x records"));
    rows.add(new Row("re-upload of 5,000, 2% changed, records", Run.of("UploadBenchmark.changedUpload"), hashMap, ""));
    rows.add(new Row("re-upload of 5,000, 2% changed, CSV", Run.of("UploadBenchmark.changedUploadCsv"), hashMap, ""));
    rows.add(new Row("national unchanged re-upload, 300k (median run)", Run.of("NationalUploadBenchmark.nationalReupload"),
        Run.of("NationalUploadBenchmark.baselineHashMap"), "<= 300 ms, max <= 2x median"));
    for (String pending : List.of("1000", "16000")) {
      rows.add(new Row("outbox drain, " + pending + " pending", Run.of("OutboxBenchmark.drain", "pending", pending),
          Run.of("OutboxBenchmark.baselineDeliverFromList", "pending", pending), ""));
    }
    rows.add(new Row("outbox drain, 16000 pending, beside 1000 pending", Run.of("OutboxBenchmark.drain", "pending", "16000"),
        Run.of("OutboxBenchmark.drain", "pending", "1000"), "<= 20x"));
    for (String query : List.of("findByLocalAuthority", "findUnreviewed", "claimDue")) {
      rows.add(new Row(query + " with nothing to return, 300k-plan store, beside an empty store",
          Run.of("QueryBenchmark." + query, "rows", "300000"), Run.of("QueryBenchmark." + query, "rows", "0"), "~ 1x"));
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    Pattern only = Pattern.compile(args.length > 0 ? args[0] : "");
    List<Row> rows = ROWS.stream().filter(r -> only.matcher(r.operation()).find()).toList();
    boolean heap = only.matcher("heap per plan").find();
    long started = System.nanoTime();

    List<RunResult> results = new ArrayList<>();
    List<String> averaged = new ArrayList<>();
    List<String> singleShot = new ArrayList<>();
    for (Row row : rows) {
      for (Run run : List.of(row.cpis(), row.baseline())) {
        List<String> group = run.className().equals("NationalUploadBenchmark") ? singleShot : averaged;
        String regex = "\\." + run.benchmark().replace(".", "\\.") + "$";
        if (!group.contains(regex)) {
          group.add(regex);
        }
      }
    }
    if (!averaged.isEmpty()) {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1))
          .verbosity(VerboseMode.SILENT);
      averaged.forEach(options::include);
      params(rows, options);
      results.addAll(new Runner(options.build()).run());
    }
    if (!singleShot.isEmpty()) {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .forks(1).warmupIterations(3).measurementIterations(7).verbosity(VerboseMode.SILENT);
      singleShot.forEach(options::include);
      results.addAll(new Runner(options.build()).run());
    }
    double[] heapPerPlan = heap ? heapPerPlan() : null;

    System.out.println();
    System.out.println("| operation | cpis | baseline | ratio | issue 14's target |");
    System.out.println("| --- | ---: | ---: | ---: | --- |");
    for (Row row : rows) {
      RunResult cpis = find(results, row.cpis());
      RunResult baseline = find(results, row.baseline());
      double c = nanos(cpis, row.cpis());
      double b = nanos(baseline, row.baseline());
      String note = "";
      if (row.cpis().benchmark().startsWith("NationalUploadBenchmark")) {
        double[] runs = runs(cpis);
        note = String.format(Locale.ROOT, " (runs %s; max/median %.2f)", describe(runs), runs[runs.length - 1] / c);
      }
      if (row.cpis().benchmark().equals("HealthCheckBenchmark.unscheduled")) {
        note = String.format(Locale.ROOT, " (%,.0f checks/s)", 1e9 / c);
      }
      System.out.printf(Locale.ROOT, "| %s | %s%s | %s | %.2fx | %s |%n",
          row.operation(), time(c), note, time(b), c / b, row.target());
    }
    if (heapPerPlan != null) {
      System.out.printf(Locale.ROOT, "| heap per stored plan (300k plans, class histogram) | %.0f B | %.0f B (the plans in a HashMap) | %.2fx | <= 220 B |%n",
          heapPerPlan[0], heapPerPlan[1], heapPerPlan[0] / heapPerPlan[1]);
    }
    System.out.printf(Locale.ROOT, "%nJDK %s (%s), %d processors, %.1f minutes%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), (System.nanoTime() - started) / 60e9);
  }

  /** Restricts each benchmark's parameters to the values the rows use. */
  private static void params(List<Row> rows, ChainedOptionsBuilder options) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Row row : rows) {
      for (Run run : List.of(row.cpis(), row.baseline())) {
        run.params().forEach((k, v) -> {
          List<String> list = values.computeIfAbsent(k, x -> new ArrayList<>());
          if (!list.contains(v)) {
            list.add(v);
          }
        });
      }
    }
    values.forEach((k, v) -> options.param(k, v.toArray(String[]::new)));
  }

  private static RunResult find(Collection<RunResult> results, Run run) {
    return results.stream().filter(r -> run.matches(r.getParams())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + run));
  }

  /** The score in nanoseconds: the median run for a single-shot benchmark, else the mean. */
  private static double nanos(RunResult result, Run run) {
    if (result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime) {
      double[] runs = runs(result);
      return runs[runs.length / 2];
    }
    return toNanos(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
  }

  /** Each measured run of a single-shot benchmark in nanoseconds, sorted. */
  private static double[] runs(RunResult result) {
    List<Double> runs = new ArrayList<>();
    for (BenchmarkResult br : result.getBenchmarkResults()) {
      for (IterationResult ir : br.getIterationResults()) {
        runs.add(toNanos(ir.getPrimaryResult().getScore(), ir.getPrimaryResult().getScoreUnit()));
      }
    }
    return runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double toNanos(double score, String unit) {
    String u = unit.substring(0, unit.indexOf('/'));
    TimeUnit tu = switch (u) {
      case "ns" -> TimeUnit.NANOSECONDS;
      case "us" -> TimeUnit.MICROSECONDS;
      case "ms" -> TimeUnit.MILLISECONDS;
      case "s" -> TimeUnit.SECONDS;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
    return score * tu.toNanos(1);
  }

  private static String describe(double[] runs) {
    return String.join(", ", Arrays.stream(runs).mapToObj(PerformanceTable::time).toList());
  }

  static String time(double nanos) {
    if (nanos < 1e3) {
      return String.format(Locale.ROOT, "%.1f ns", nanos);
    }
    if (nanos < 1e6) {
      return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
    }
    if (nanos < 1e9) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** Runs {@link HeapPerPlan} in a JVM of its own, with the benchmarks' fixed heap. */
  private static double[] heapPerPlan() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-Xms3g", "-Xmx3g", "-cp", System.getProperty("java.class.path"),
        HeapPerPlan.class.getName()).redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("heap-per-plan ")) {
          result = line;
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("HeapPerPlan failed");
    }
    String[] f = result.split(" ");
    return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
  }
}
