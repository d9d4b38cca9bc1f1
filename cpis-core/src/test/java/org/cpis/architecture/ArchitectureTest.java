package org.cpis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The design's module rules, checked by ArchUnit on the compiled classes: the rules are pure
 * functions (no store, no logging, no I/O, no clock of their own) and the data contract depends on
 * nothing but the JDK.
 */
@DisplayName("The architecture")
class ArchitectureTest {

  private static final String RULES = "org.cpis.rules";

  /** Where a pure rule may not reach: the store, logging, I/O, threads, randomness, the engine. */
  private static final String[] FORBIDDEN_IN_RULES = {
    "org.cpis.store..", "org.slf4j..", "java.io..", "java.nio.file..", "java.net..", "java.sql..",
    "java.util.concurrent..", "org.cpis"
  };

  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.cpis");

  /** A rule reaches none of {@link #FORBIDDEN_IN_RULES}, nor {@code Clock} or {@code Random}. */
  private static ArchRule pure(String rulesPackage) {
    return noClasses().that().resideInAPackage(rulesPackage)
        .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_RULES)
        .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.util.Random.class)
        .as("a rule imports neither the store, nor logging, nor I/O, nor the engine");
  }

  /** A rule calls nothing that reads the wall clock or the environment. */
  private static ArchRule clockFree(String rulesPackage) {
    return noClasses().that().resideInAPackage(rulesPackage)
        .should().callMethodWhere(readsClockOrEnvironment())
        .as("a rule never reads the clock or the environment");
  }

  private static DescribedPredicate<JavaMethodCall> readsClockOrEnvironment() {
    List<Class<?>> clocks = List.of(Instant.class, LocalDate.class, LocalDateTime.class, ZonedDateTime.class);
    List<String> system = List.of("currentTimeMillis", "nanoTime", "getenv", "getProperty");
    return DescribedPredicate.describe(
        "reads the clock or the environment",
        call -> (call.getName().equals("now") && clocks.stream().anyMatch(c -> call.getTargetOwner().isEquivalentTo(c)))
            || (call.getTargetOwner().isEquivalentTo(System.class) && system.contains(call.getName())));
  }

  @Test
  @DisplayName("A rule imports neither the store, nor logging, nor I/O, nor the engine")
  void rulesArePure() {
    assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(RULES)))
        .as("rule classes found").hasSizeGreaterThan(10);
    pure(RULES).check(MAIN);
  }

  @Test
  @DisplayName("A rule never reads the clock or the environment: the caller passes the date")
  void rulesReadNoClock() {
    clockFree(RULES).check(MAIN);
  }

  @Test
  @DisplayName("The data contract depends on nothing but the JDK and Immutables' compile-time annotations")
  void spiHasNoRunTimeDependencies() {
    assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("org.cpis.model", "org.cpis.store")))
        .as("spi classes found").hasSizeGreaterThan(20);
    classes().that().resideInAnyPackage("org.cpis.model", "org.cpis.store")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.cpis.model", "org.cpis.store", "org.immutables.value..")
        .check(MAIN);
  }

  @Test
  @DisplayName("The checks themselves see a store, an engine, a logger, the clock and the environment in an impure rule")
  void theCheckCanFail() {
    JavaClasses impure = new ClassFileImporter().importPackages("org.cpis.architecture.impure");

    EvaluationResult imports = pure("org.cpis.architecture.impure").evaluate(impure);
    EvaluationResult calls = clockFree("org.cpis.architecture.impure").evaluate(impure);

    assertThat(String.join("\n", imports.getFailureReport().getDetails()))
        .contains("org.cpis.store.PlanStore", "org.cpis.Cpis", "org.slf4j.LoggerFactory");
    assertThat(String.join("\n", calls.getFailureReport().getDetails()))
        .contains("LocalDate.now()", "System.currentTimeMillis()", "System.getenv(");
  }
}
