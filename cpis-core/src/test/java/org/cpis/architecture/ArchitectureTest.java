package org.cpis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The design's module rules, checked on the sources: the rules are pure functions (no store, no
 * logging, no I/O, no clock of their own) and the data contract depends on nothing but the JDK.
 * Surefire runs tests from the module's directory, so the sources are found relative to it.
 */
@DisplayName("The architecture")
class ArchitectureTest {

  private static final Path RULES = Path.of("src/main/java/org/cpis/rules");
  private static final Path SPI = Path.of("../cpis-store-spi/src/main/java");

  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)(\\.\\*)?;", Pattern.MULTILINE);

  /** Where a pure rule may not reach: the store, logging, I/O, threads, randomness, the engine. */
  private static final List<String> FORBIDDEN_IN_RULES =
      List.of(
          "org.cpis.store",
          "org.slf4j",
          "java.io",
          "java.nio.file",
          "java.net",
          "java.sql",
          "java.time.Clock",
          "java.util.concurrent",
          "java.util.Random");

  /** Calls that read the wall clock or the environment. */
  private static final Pattern IMPURE_CALL =
      Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime)\\.now\\(|System\\.(currentTimeMillis|nanoTime|getenv|getProperty)\\(");

  @Test
  @DisplayName("A rule imports neither the store, nor logging, nor I/O, nor the engine")
  void rulesArePure() {
    Map<Path, List<String>> offences =
        sources(RULES).collect(Collectors.toMap(p -> p, p -> imports(p).stream()
            .filter(i -> FORBIDDEN_IN_RULES.stream().anyMatch(i::startsWith) || isEnginePackage(i))
            .collect(Collectors.toList())));
    offences.values().removeIf(List::isEmpty);

    assertThat(sources(RULES).count()).as("rule sources found").isGreaterThan(10);
    assertThat(offences).as("rules reaching outside pure functions").isEmpty();
  }

  @Test
  @DisplayName("A rule never reads the clock or the environment: the caller passes the date")
  void rulesReadNoClock() {
    List<Path> offenders =
        sources(RULES).filter(p -> IMPURE_CALL.matcher(read(p)).find()).collect(Collectors.toList());

    assertThat(offenders).isEmpty();
  }

  @Test
  @DisplayName("The data contract depends on nothing but the JDK and Immutables' compile-time annotations")
  void spiHasNoRunTimeDependencies() {
    Map<Path, List<String>> offences =
        sources(SPI).collect(Collectors.toMap(p -> p, p -> imports(p).stream()
            .filter(i -> !i.startsWith("java.") && !i.startsWith("org.cpis.model") && !i.startsWith("org.cpis.store")
                && !i.equals("org.immutables.value.Value"))
            .collect(Collectors.toList())));
    offences.values().removeIf(List::isEmpty);

    assertThat(sources(SPI).count()).as("spi sources found").isGreaterThan(20);
    assertThat(offences).isEmpty();
  }

  @Test
  @DisplayName("The import check itself sees a forbidden import")
  void theCheckCanFail() {
    String source = "package org.cpis.rules;\nimport org.cpis.store.PlanStore;\nimport org.cpis.Cpis;\n";
    List<String> found = imports(source);

    assertThat(found).containsExactly("org.cpis.store.PlanStore", "org.cpis.Cpis");
    assertThat(found.stream().filter(i -> FORBIDDEN_IN_RULES.stream().anyMatch(i::startsWith) || isEnginePackage(i)))
        .hasSize(2);
    assertThat(IMPURE_CALL.matcher("LocalDate today = LocalDate.now();").find()).isTrue();
  }

  /** {@code org.cpis.Something}: a class of the engine's package, which the rules may not use. */
  private static boolean isEnginePackage(String importName) {
    return importName.matches("org\\.cpis\\.[A-Z]\\w*(\\..*)?");
  }

  private static Stream<Path> sources(Path root) {
    try {
      return Files.walk(root).filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> imports(Path source) {
    return imports(read(source));
  }

  private static List<String> imports(String source) {
    Matcher m = IMPORT.matcher(source);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group(2));
    }
    return found;
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
