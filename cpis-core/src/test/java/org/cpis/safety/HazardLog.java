package org.cpis.safety;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hazard log ({@code docs/safety/hazard-log.md}) as the build reads it: each hazard's row
 * ({@code | H01 | ...}) and the tests its controls name, written {@code `org.cpis.Class#method`}.
 */
final class HazardLog {

  static final java.nio.file.Path FILE = java.nio.file.Path.of("../docs/safety/hazard-log.md");

  private static final Pattern HAZARD_ROW = Pattern.compile("^\\|\\s*(H\\d\\d)\\s*\\|(.*)$", Pattern.MULTILINE);
  private static final Pattern TEST = Pattern.compile("`(org\\.cpis\\.[\\w.]+)#(\\w+)`");

  /** A test named by a control: its class's binary name and its method. */
  record TestRef(String className, String method) {
    @Override
    public String toString() {
      return className + "#" + method;
    }
  }

  private HazardLog() {}

  /** Each hazard's id and the tests its row names, in the log's order. */
  static Map<String, Set<TestRef>> hazards(String markdown) {
    Map<String, Set<TestRef>> hazards = new TreeMap<>();
    Matcher row = HAZARD_ROW.matcher(markdown);
    while (row.find()) {
      Set<TestRef> tests = hazards.computeIfAbsent(row.group(1), id -> new LinkedHashSet<>());
      Matcher test = TEST.matcher(row.group(2));
      while (test.find()) {
        tests.add(new TestRef(test.group(1), test.group(2)));
      }
    }
    return hazards;
  }

  /** The modules built before this one whose tests the log may name, by their directory. */
  static final List<java.nio.file.Path> OTHER_MODULES =
      List.of(java.nio.file.Path.of("../cpis-store-spi"), java.nio.file.Path.of("../cpis-store-inmemory"));

  /** The test method a reference names and the module directory it is in ({@code .} for this one). */
  record Found(Method method, java.nio.file.Path module) {}

  /** The test method {@code test} names, on this module's class path or in another's test classes. */
  static Optional<Found> find(TestRef test) {
    Optional<Found> here = find(test, HazardLog.class.getClassLoader(), java.nio.file.Path.of("."));
    if (here.isPresent()) {
      return here;
    }
    for (java.nio.file.Path module : OTHER_MODULES) {
      try {
        java.net.URL classes = module.resolve("target/test-classes").toUri().toURL();
        Optional<Found> there =
            find(test, new java.net.URLClassLoader(new java.net.URL[] {classes}, HazardLog.class.getClassLoader()), module);
        if (there.isPresent()) {
          return there;
        }
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.empty();
  }

  private static Optional<Found> find(TestRef test, ClassLoader loader, java.nio.file.Path module) {
    try {
      Class<?> type = Class.forName(test.className(), false, loader);
      return Arrays.stream(type.getDeclaredMethods())
          .filter(m -> m.getName().equals(test.method()) && isTestMethod(m))
          .findFirst()
          .map(m -> new Found(m, module));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The named tests that are not a test method of a class of this or an earlier module. */
  static List<String> missing(Set<TestRef> tests) {
    return tests.stream().filter(t -> find(t).isEmpty()).map(t -> t + ": no such test method").toList();
  }

  /**
   * The named tests that did not run and pass: in this module, by {@code ran} ({@code
   * class#method STATUS} lines from {@link TestsRanRecorder}); in an earlier one, by its Surefire
   * report, where a jqwik property is named by its label.
   */
  static List<String> notPassed(Set<TestRef> tests, List<String> ran) {
    List<String> notPassed = new ArrayList<>();
    for (TestRef test : tests) {
      Optional<Found> found = find(test);
      List<String> runs =
          found.isPresent() && !found.get().module().equals(java.nio.file.Path.of("."))
              ? reported(found.get())
              : ran.stream().filter(l -> l.startsWith(test + " ")).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
      if (runs.isEmpty()) {
        notPassed.add(test + ": did not run");
      } else if (runs.stream().anyMatch(status -> !status.equals("SUCCESSFUL"))) {
        notPassed.add(test + ": did not pass");
      }
    }
    return notPassed;
  }

  private static final Pattern TESTCASE = Pattern.compile("<testcase name=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);

  /** The statuses of the test's runs in its module's Surefire report. */
  private static List<String> reported(Found found) {
    Method m = found.method();
    java.nio.file.Path report =
        found.module().resolve("target/surefire-reports/TEST-" + m.getDeclaringClass().getName() + ".xml");
    if (!java.nio.file.Files.exists(report)) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>(List.of(m.getName()));
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Label") || a.annotationType().getSimpleName().equals("DisplayName")) {
        try {
          names.add((String) a.annotationType().getMethod("value").invoke(a));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    String xml;
    try {
      xml = java.nio.file.Files.readString(report);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> statuses = new ArrayList<>();
    Matcher testcase = TESTCASE.matcher(xml);
    while (testcase.find()) {
      String name = unescape(testcase.group(1));
      if (names.contains(name) || name.startsWith(m.getName() + "(")) {
        String body = testcase.group(3) == null ? "" : testcase.group(3);
        statuses.add(body.contains("<failure") || body.contains("<error") || body.contains("<skipped") ? "FAILED" : "SUCCESSFUL");
      }
    }
    return statuses;
  }

  private static String unescape(String xml) {
    return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static boolean isTestMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      String name = a.annotationType().getName();
      if (name.startsWith("org.junit.jupiter.api.Test") || name.startsWith("org.junit.jupiter.params.ParameterizedTest")
          || name.equals("net.jqwik.api.Property") || name.equals("net.jqwik.api.Example")) {
        return true;
      }
    }
    return false;
  }
}
