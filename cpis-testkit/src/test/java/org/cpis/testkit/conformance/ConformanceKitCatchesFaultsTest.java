package org.cpis.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Property;
import org.cpis.testkit.conformance.MapStore.Fault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves that the conformance kit catches real faults: it runs the whole kit, on both engines,
 * against {@link MapStore} with each {@link Fault}, and checks that contracts fail in exactly
 * the groups that own the broken behaviour; and that a correct MapStore passes every contract.
 */
class ConformanceKitCatchesFaultsTest {

  /**
   * jqwik logs, at INFO, each property whose edge cases outnumber its tries; running the kit
   * thirteen times here would repeat that many times. Held so that the setting is not collected.
   */
  private static final java.util.logging.Logger JQWIK_GENERATION_LOG =
      java.util.logging.Logger.getLogger("net.jqwik.engine.properties.RandomizedShrinkablesGenerator");

  @org.junit.jupiter.api.BeforeAll
  static void quietenJqwikGenerationLog() {
    JQWIK_GENERATION_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private static final String JUPITER = "junit-jupiter";
  private static final String JQWIK = "jqwik";
  private static final String STATE_MACHINE = "StateMachine";

  /** The contract groups in which the kit must fail for a fault, the state machine aside. */
  private static Set<String> groupsThatMustFail(Fault fault) {
    switch (fault) {
      case FORGETS_ROLLBACK:
      case WRAPS_EXCEPTIONS:
        return Set.of("Transaction", "Purge", "AuditTreeStore");
      case EVENTS_OLDEST_FIRST:
        return Set.of("AccessEventStore");
      case IGNORES_LIMIT:
        return Set.of("AccessEventStore", "NotificationStore", "AuditLog");
      case ALLOWS_DUPLICATE_IDS:
        return Set.of(
            "LocalAuthorityStore",
            "PlanStore",
            "AccessEventStore",
            "NotificationStore",
            "ReviewStore",
            "UploadReceiptStore",
            "NhsNumberLinkStore",
            "Transaction");
      case UPDATE_OF_MISSING_INSERTS:
        return Set.of(
            "LocalAuthorityStore", "PlanStore", "ReviewStore", "AttendanceStore", "NhsNumberLinkStore", "Transaction");
      case AUDIT_SEALS_TWICE:
        return Set.of("AuditLog", "Transaction");
      case CLAIMS_OVERLAP:
        // ATTEND-4: a notification replaced with a claim is claimed by that claim alone.
        return Set.of("NotificationStore", "AttendanceStore");
      case LEASES_IGNORE_HOLDER:
        return Set.of("LeaseStore");
      case REFUSAL_DOOMS:
      case IGNORES_DOOM:
        return Set.of("Transaction");
      case DATE_BOUNDARIES_INCLUSIVE:
        return Set.of("PlanStore");
      case REVIEWED_STAYS_IN_INBOX:
        return Set.of("ReviewStore", "Purge");
      case USABLE_AFTER_TRANSACTION:
      case NO_ISOLATION:
        return Set.of("Transaction");
      case PURGE_KEEPS_REVIEWS:
        return Set.of("Purge");
      case AUDIT_TREE_OVERWRITES:
        return Set.of("AuditTreeStore");
      case WINDOW_EXCLUDES_ITS_START:
        return Set.of("AttendanceStore");
      default:
        throw new IllegalArgumentException("no expectation for " + fault);
    }
  }

  /**
   * Faults that a single thread cannot see once a transaction has ended are beyond the state
   * machine, which runs one transaction at a time and never keeps a transaction's stores.
   */
  private static final Set<Fault> BEYOND_THE_STATE_MACHINE =
      EnumSet.of(
          Fault.USABLE_AFTER_TRANSACTION,
          Fault.NO_ISOLATION,
          Fault.LEASES_IGNORE_HOLDER,
          Fault.REFUSAL_DOOMS,
          Fault.IGNORES_DOOM,
          Fault.AUDIT_TREE_OVERWRITES,
          Fault.WINDOW_EXCLUDES_ITS_START);

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fault.class)
  @DisplayName("The kit fails a store with this fault, in exactly the contract groups that own the broken behaviour")
  void catchesFault(Fault fault) {
    Class<?> kit = BrokenStores.kitFor(fault);
    Set<String> expected = new TreeSet<>(groupsThatMustFail(fault));
    if (!BEYOND_THE_STATE_MACHINE.contains(fault)) {
      expected.add(STATE_MACHINE);
    }

    Set<String> failed = new TreeSet<>(failedGroups(run(kit, JUPITER)));
    failed.addAll(failedGroups(run(kit, JQWIK)));
    // The state machine draws its chains at random: a fault it owns may, rarely, not come up in
    // one run's chains. Run the properties again (at most twice) before calling it missed.
    for (int again = 0; again < 2 && expected.contains(STATE_MACHINE) && !failed.contains(STATE_MACHINE); again++) {
      failed.addAll(failedGroups(run(kit, JQWIK)));
    }

    assertThat(failed).as("groups with failing contracts for %s", fault).isEqualTo(expected);
  }

  @Test
  @DisplayName("A correct store passes every contract of the kit, on both engines, and none is skipped")
  void correctStorePasses() {
    EngineExecutionResults jupiter = run(BrokenStores.Correct.class, JUPITER);
    EngineExecutionResults jqwik = run(BrokenStores.Correct.class, JQWIK);

    for (EngineExecutionResults results : new EngineExecutionResults[] {jupiter, jqwik}) {
      assertThat(results.allEvents().failed().stream().map(ConformanceKitCatchesFaultsTest::describe))
          .isEmpty();
      assertThat(results.testEvents().skipped().count()).isZero();
      assertThat(results.testEvents().aborted().count()).isZero();
    }
    assertThat(jupiter.testEvents().succeeded().count()).isEqualTo(contracts(org.junit.jupiter.api.Test.class));
    assertThat(jqwik.testEvents().succeeded().count()).isEqualTo(contracts(Property.class));
  }

  @Test
  @DisplayName("Every contract names its rule: a display name or label that starts with a rule id")
  void everyContractNamesItsRule() {
    Set<String> ids = new TreeSet<>();
    for (Method m : contractMethods().collect(Collectors.toList())) {
      String name =
          m.isAnnotationPresent(DisplayName.class)
              ? m.getAnnotation(DisplayName.class).value()
              : Optional.ofNullable(m.getAnnotation(net.jqwik.api.Label.class)).map(net.jqwik.api.Label::value).orElse("");
      assertThat(name).as("the name of %s", m).matches("[A-Z]+-\\d+: .+");
      assertThat(ids.add(name.substring(0, name.indexOf(':')))).as("rule id of %s is unique", m).isTrue();
    }
    assertThat(ids).hasSizeGreaterThan(70);
  }

  private static EngineExecutionResults run(Class<?> kit, String engine) {
    return EngineTestKit.engine(engine)
        .selectors(selectClass(kit))
        // Where the kit fails matters here, not the smallest example: no shrinking.
        .configurationParameter("jqwik.shrinking.default", "OFF")
        .configurationParameter("jqwik.database", "target/jqwik-database-conformance")
        // Failures are expected here: report them to the test kit, not to standard output.
        .configurationParameter("jqwik.reporting.usejunitplatform", "true")
        .execute();
  }

  private static Set<String> failedGroups(EngineExecutionResults results) {
    assertThat(results.containerEvents().failed().stream().map(ConformanceKitCatchesFaultsTest::describe))
        .as("containers that failed outside any contract")
        .isEmpty();
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(ConformanceKitCatchesFaultsTest::group)
        .collect(Collectors.toSet());
  }

  /**
   * The kit's contract group that holds this test: the simple name of its class without the
   * suffix, so that {@code PlanStoreContracts} (JUnit) and {@code PlanStoreProperties} (jqwik)
   * are both {@code PlanStore}.
   */
  private static String group(TestDescriptor test) {
    for (Optional<TestDescriptor> at = Optional.of(test); at.isPresent(); at = at.get().getParent()) {
      Optional<Class<?>> type =
          at.get().getSource()
              .filter(ClassSource.class::isInstance)
              .map(source -> ((ClassSource) source).getJavaClass());
      if (type.isPresent() && type.get().getEnclosingClass() == CpisStoreConformanceKit.class) {
        return type.get().getSimpleName().replaceFirst("(Contracts|Properties)$", "");
      }
    }
    throw new AssertionError("not in a contract group: " + test.getUniqueId());
  }

  private static String describe(Event event) {
    return event.getTestDescriptor().getDisplayName()
        + ": "
        + event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .map(Throwable::toString)
            .orElse("");
  }

  private static Stream<Method> contractMethods() {
    return Arrays.stream(CpisStoreConformanceKit.class.getDeclaredClasses())
        .flatMap(group -> Arrays.stream(group.getDeclaredMethods()))
        .filter(m -> m.isAnnotationPresent(org.junit.jupiter.api.Test.class) || m.isAnnotationPresent(Property.class));
  }

  private static long contracts(Class<? extends java.lang.annotation.Annotation> kind) {
    return contractMethods().filter(m -> m.isAnnotationPresent(kind)).count();
  }
}
