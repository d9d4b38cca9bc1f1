package org.cpis.testkit.conformance;

import static org.cpis.testkit.conformance.Fixtures.D0;
import static org.cpis.testkit.conformance.Fixtures.T0;
import static org.cpis.testkit.conformance.Fixtures.audit;
import static org.cpis.testkit.conformance.Fixtures.auditRecord;
import static org.cpis.testkit.conformance.Fixtures.delivered;
import static org.cpis.testkit.conformance.Fixtures.event;
import static org.cpis.testkit.conformance.Fixtures.la;
import static org.cpis.testkit.conformance.Fixtures.localAuthority;
import static org.cpis.testkit.conformance.Fixtures.nhs;
import static org.cpis.testkit.conformance.Fixtures.notification;
import static org.cpis.testkit.conformance.Fixtures.plan;
import static org.cpis.testkit.conformance.Fixtures.planId;
import static org.cpis.testkit.conformance.Fixtures.receipt;
import static org.cpis.testkit.conformance.Fixtures.retried;
import static org.cpis.testkit.conformance.Fixtures.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.state.ActionChain;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditTreeNode;
import org.cpis.model.CareSetting;
import org.cpis.model.AuditRecord;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.model.UploadReceipt;
import org.cpis.store.AccessEventStore;
import org.cpis.store.AuditLog;
import org.cpis.store.Claim;
import org.cpis.store.CpisStore;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.LeaseStore;
import org.cpis.store.LocalAuthorityStore;
import org.cpis.store.NotificationStore;
import org.cpis.store.PlanStore;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.ReviewStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;
import org.cpis.store.TransientStoreException;
import org.cpis.store.UploadReceiptStore;
import org.cpis.testkit.CpisArbitraries;
import org.cpis.testkit.CpisDomain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The store conformance kit: every contract of the store SPI ({@code org.cpis.store}), as tests
 * a store's own test class inherits. Extend it and override {@link #createStore()}:
 *
 * <pre>{@code
 * class MyStoreConformanceTest extends CpisStoreConformanceKit {
 *   @Override
 *   protected CpisStore createStore() {
 *     return new MyStore(...); // new and empty, every time
 *   }
 * }
 * }</pre>
 *
 * <p>The contracts are grouped by store interface: for each, a JUnit {@code @Nested} class of
 * example contracts ({@code PlanStoreContracts}) and a jqwik {@code @Group} of property
 * contracts ({@code PlanStoreProperties}), so that each engine reports its own class: local authorities, plans, access
 * events, notifications and the outbox, reviews and the review inbox, the audit log and its
 * Merkle tree, upload receipts, transactions, deletion by subject, and a stateful property that runs random
 * sequences of operations against the store and a plain model. Each contract is named by a rule
 * id ({@code PLAN-3}) and states the rule as a sentence. JUnit Jupiter runs the example
 * contracts and jqwik the properties: keep both engines on the test class path.
 *
 * <p>The concurrency contracts run a unit of work again when the store fails it with a {@link
 * TransientStoreException} (a serialization failure, say), as the engine would, and only then:
 * any other exception fails the contract. No contract measures speed; time-outs only stop a store
 * that deadlocks.
 *
 * <p>It proves the design's store principles (explicit all-or-nothing, serializable
 * transactions; stable ids; stores answer queries with the dates and limits the rules give
 * them) and the storage side of rules 7 (the notification outbox), 8 (the review inbox) and 9
 * (purge by subject, the append-only audit log).
 */
public abstract class CpisStoreConformanceKit {

  /**
   * A new, empty store. Called before every example contract and at the start of every try of
   * a property contract; the kit never uses one store for two of them.
   */
  protected abstract CpisStore createStore();

  /**
   * Makes the store fail inside {@code tx} with a {@link StoreException} that is not a refusal
   * (a failed statement, a lost connection), for TX-16: such a failure dooms the transaction. A
   * store that has a way to fail on demand overrides this; the default skips TX-16, saying so.
   */
  protected void failInside(StoreTransaction tx) {
    throw new UnsupportedOperationException("override failInside(StoreTransaction) to run TX-16");
  }

  private boolean overridesFailInside() {
    for (Class<?> c = getClass(); c != CpisStoreConformanceKit.class; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod("failInside", StoreTransaction.class);
        return true;
      } catch (NoSuchMethodException e) {
        // not here; look further up
      }
    }
    return false;
  }

  private CpisStore store;

  /** Gives each example contract a new, empty store. */
  @BeforeEach
  protected final void createStoreUnderTest() {
    store = createStore();
  }

  /** A new, empty store for one try of a property, which then is the store under test. */
  final CpisStore freshStore() {
    store = createStore();
    return store;
  }

  final <T> T read(Function<StoreTransaction, T> work) {
    return store.inTransaction(work);
  }

  final void write(Consumer<StoreTransaction> work) {
    store.runInTransaction(work);
  }

  /**
   * Asserts that the store refuses {@code work} with {@code type} and that the refusal changed
   * nothing {@code view} reads; returns what {@code view} reads after it.
   */
  final Object assertRefused(
      Class<? extends StoreException> type,
      Consumer<StoreTransaction> work,
      Function<StoreTransaction, ?> view) {
    Object before = read(view);
    assertThrows(type, () -> write(work));
    Object after = read(view);
    assertEquals(before, after, "the refused unit of work changed what the store holds");
    return after;
  }

  /**
   * Runs {@code work} in a transaction, again if the store fails with a {@link
   * TransientStoreException} (and only then: any other failure fails the contract), as the engine
   * would.
   */
  final void writeRetrying(Consumer<StoreTransaction> work) {
    readRetrying(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** {@link #writeRetrying} for work with a result. */
  final <T> T readRetrying(Function<StoreTransaction, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.inTransaction(work);
      } catch (TransientStoreException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new AssertionError(
              "a unit of work still failed transiently after " + MAX_ATTEMPTS + " attempts: " + e, e);
        }
      }
    }
  }

  private static final int MAX_ATTEMPTS = 100;

  static <T> List<T> shuffled(List<T> items, long seed) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  /** An error the kit throws from a unit of work. */
  static final class WorkError extends Error {
    private static final long serialVersionUID = 1L;

    WorkError() {
      super("thrown by the unit of work");
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("LocalAuthorityStore: local authorities keyed by ODS code")
  class LocalAuthorityStoreContracts {

    @Test
    @DisplayName("LA-1: a local authority inserted is found by its ODS code, every field intact")
    void insertedIsFound() {
      LocalAuthority islington = localAuthority(la(1));
      write(tx -> tx.localAuthorities().insert(islington));
      assertEquals(Optional.of(islington), read(tx -> tx.localAuthorities().find(la(1))));
    }

    @Test
    @DisplayName("LA-2: find of an ODS code never inserted is empty")
    void missingIsEmpty() {
      write(tx -> tx.localAuthorities().insert(localAuthority(la(1))));
      assertEquals(Optional.empty(), read(tx -> tx.localAuthorities().find(la(2))));
    }

    @Test
    @DisplayName("LA-3: inserting a second local authority with the same ODS code throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      LocalAuthority first = localAuthority(la(1));
      LocalAuthority second = LocalAuthority.builder().from(first).name("Another name").build();
      write(tx -> tx.localAuthorities().insert(first));
      assertEquals(
          Optional.of(first),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.localAuthorities().insert(second),
              tx -> tx.localAuthorities().find(la(1))));
    }

    @Test
    @DisplayName("LA-4: update replaces every field of the local authority with the same ODS code")
    void updateReplaces() {
      LocalAuthority first = localAuthority(la(1));
      LocalAuthority changed =
          LocalAuthority.builder()
              .odsCode(la(1))
              .name("Renamed council")
              .officeHoursPhone("0300 123 4567")
              .emergencyDutyPhone("0300 765 4321")
              .build();
      write(tx -> tx.localAuthorities().insert(first));
      write(tx -> tx.localAuthorities().update(changed));
      assertEquals(Optional.of(changed), read(tx -> tx.localAuthorities().find(la(1))));
      assertEquals(List.of(changed), read(tx -> tx.localAuthorities().findAll()));
    }

    @Test
    @DisplayName("LA-5: update of an ODS code never inserted throws RecordNotFoundException and inserts nothing")
    void updateOfMissingIsRefused() {
      assertEquals(
          List.of(Optional.empty(), List.of()),
          assertRefused(
              RecordNotFoundException.class,
              tx -> tx.localAuthorities().update(localAuthority(la(1))),
              tx -> List.of(tx.localAuthorities().find(la(1)), tx.localAuthorities().findAll())));
    }

    @Test
    @DisplayName("LA-6: findAll returns every local authority, ordered by ODS code; none in an empty store")
    void findAllIsOrdered() {
      assertEquals(List.of(), read(tx -> tx.localAuthorities().findAll()));
      List<LocalAuthority> all =
          Stream.of("714", "7140", "A12", "Z99", "E09000019", "80A")
              .map(OdsCode::of)
              .sorted()
              .map(Fixtures::localAuthority)
              .collect(Collectors.toList());
      write(tx -> shuffled(all, 1).forEach(tx.localAuthorities()::insert));
      assertEquals(all, read(tx -> tx.localAuthorities().findAll()));
    }
  }

  @Group
  @Label("LocalAuthorityStore properties: local authorities keyed by ODS code")
  class LocalAuthorityStoreProperties {

    @Property(tries = 100)
    @Label("LA-7: any local authorities inserted are each found with every field intact, and findAll lists them by ODS code")
    void anyLocalAuthorities(@ForAll("localAuthoritySets") List<LocalAuthority> all) {
      freshStore();
      write(tx -> all.forEach(tx.localAuthorities()::insert));
      for (LocalAuthority la : all) {
        assertEquals(Optional.of(la), read(tx -> tx.localAuthorities().find(la.odsCode())));
      }
      assertEquals(
          all.stream().sorted(java.util.Comparator.comparing(LocalAuthority::odsCode)).collect(Collectors.toList()),
          read(tx -> tx.localAuthorities().findAll()));
    }

    @Provide
    Arbitrary<List<LocalAuthority>> localAuthoritySets() {
      return CpisArbitraries.localAuthorities().list().uniqueElements(LocalAuthority::odsCode).ofMaxSize(8);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("PlanStore: protection plans keyed by plan id, lists ordered by plan id")
  class PlanStoreContracts {

    private final NhsNumber child = nhs(0);
    private final NhsNumber mother = nhs(1);
    private final NhsNumber otherChild = nhs(2);

    /** A plan with every optional field set. */
    private ProtectionPlan fullPlan() {
      return ProtectionPlan.builder()
          .id(planId(la(1), "LAC-2024-0007"))
          .subject(child)
          .type(PlanType.LOOKED_AFTER_CHILD)
          .start(D0)
          .end(D0.plusDays(200))
          .childDateOfBirth(D0.minusYears(6))
          .allocatedSocialWorker("sw.jones")
          .linkedUnbornPlan(planId(la(1), "UCP-2018-0001"))
          .build();
    }

    private ProtectionPlan unbornPlan() {
      return ProtectionPlan.builder()
          .id(planId(la(2), "UCP-2025-0003"))
          .subject(mother)
          .type(PlanType.UNBORN_CHILD_PROTECTION_PLAN)
          .start(D0)
          .expectedDeliveryDate(D0.plusMonths(5))
          .build();
    }

    @Test
    @DisplayName("PLAN-1: a plan inserted is found by its id with every field intact, for every plan type")
    void insertedIsFound() {
      ProtectionPlan full = fullPlan();
      ProtectionPlan unborn = unbornPlan();
      ProtectionPlan minimal = plan(planId(la(1), "CP-1"), otherChild);
      write(tx -> List.of(full, unborn, minimal).forEach(tx.plans()::insert));
      for (ProtectionPlan p : List.of(full, unborn, minimal)) {
        assertEquals(Optional.of(p), read(tx -> tx.plans().find(p.id())));
      }
    }

    @Test
    @DisplayName("PLAN-2: find of a plan id never inserted is empty")
    void missingIsEmpty() {
      write(tx -> tx.plans().insert(plan(planId(la(1), "CP-1"), child)));
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(planId(la(1), "CP-2"))));
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(planId(la(2), "CP-1"))));
    }

    @Test
    @DisplayName("PLAN-3: findBySubject returns exactly the plans recorded under that NHS number, ordered by plan id")
    void findBySubject() {
      List<ProtectionPlan> childsPlans =
          List.of(
              plan(planId(la(1), "CP-1"), child),
              plan(planId(la(1), "CP-2"), child, PlanType.LOOKED_AFTER_CHILD),
              plan(planId(la(2), "CP-1"), child),
              plan(planId(OdsCode.of("LA0010"), "A"), child));
      List<ProtectionPlan> others =
          List.of(
              plan(planId(la(1), "CP-3"), otherChild),
              plan(planId(la(2), "UCP-1"), mother, PlanType.UNBORN_CHILD_PROTECTION_PLAN));
      List<ProtectionPlan> all = new ArrayList<>(childsPlans);
      all.addAll(others);
      write(tx -> shuffled(all, 3).forEach(tx.plans()::insert));
      assertEquals(sortedById(childsPlans), read(tx -> tx.plans().findBySubject(child)));
      assertEquals(List.of(others.get(1)), read(tx -> tx.plans().findBySubject(mother)));
      assertEquals(List.of(), read(tx -> tx.plans().findBySubject(nhs(9))));
    }

    @Test
    @DisplayName("PLAN-4: findByLocalAuthority returns exactly the plans that local authority owns, ordered by plan id")
    void findByLocalAuthority() {
      List<ProtectionPlan> la1 =
          List.of(
              plan(planId(la(1), "b"), child),
              plan(planId(la(1), "B"), otherChild),
              plan(planId(la(1), "a-10"), mother, PlanType.UNBORN_CHILD_PROTECTION_PLAN),
              plan(planId(la(1), "a-9"), child, PlanType.LOOKED_AFTER_CHILD));
      List<ProtectionPlan> la2 = List.of(plan(planId(la(2), "b"), child));
      List<ProtectionPlan> la10 = List.of(plan(planId(OdsCode.of("LA0010"), "a"), child));
      List<ProtectionPlan> all = new ArrayList<>(la1);
      all.addAll(la2);
      all.addAll(la10);
      write(tx -> shuffled(all, 4).forEach(tx.plans()::insert));
      assertEquals(sortedById(la1), read(tx -> tx.plans().findByLocalAuthority(la(1))));
      assertEquals(la2, read(tx -> tx.plans().findByLocalAuthority(la(2))));
      assertEquals(la10, read(tx -> tx.plans().findByLocalAuthority(OdsCode.of("LA0010"))));
      assertEquals(List.of(), read(tx -> tx.plans().findByLocalAuthority(la(3))));
    }

    @Test
    @DisplayName("PLAN-5: inserting a plan whose id exists throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      ProtectionPlan first = plan(planId(la(1), "CP-1"), child);
      ProtectionPlan second = plan(planId(la(1), "CP-1"), otherChild, PlanType.LOOKED_AFTER_CHILD);
      write(tx -> tx.plans().insert(first));
      assertEquals(
          List.of(Optional.of(first), List.of()),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.plans().insert(second),
              tx -> List.of(tx.plans().find(first.id()), tx.plans().findBySubject(otherChild))));
    }

    @Test
    @DisplayName("PLAN-6: update replaces every field of the plan with the same id, and the queries follow the new values")
    void updateReplaces() {
      ProtectionPlan before = plan(planId(la(1), "LAC-2024-0007"), otherChild);
      ProtectionPlan after = fullPlan();
      write(tx -> tx.plans().insert(before));
      write(tx -> tx.plans().update(after));
      assertEquals(Optional.of(after), read(tx -> tx.plans().find(after.id())));
      assertEquals(List.of(), read(tx -> tx.plans().findBySubject(otherChild)));
      assertEquals(List.of(after), read(tx -> tx.plans().findBySubject(child)));
      assertEquals(List.of(after), read(tx -> tx.plans().findByLocalAuthority(la(1))));
      assertEquals(
          List.of(after),
          read(tx -> tx.plans().findChildBornBefore(D0)));
    }

    @Test
    @DisplayName("PLAN-7: update of a plan id never inserted throws RecordNotFoundException and inserts nothing")
    void updateOfMissingIsRefused() {
      ProtectionPlan p = plan(planId(la(1), "CP-1"), child);
      assertEquals(
          List.of(Optional.empty(), List.of(), List.of()),
          assertRefused(
              RecordNotFoundException.class,
              tx -> tx.plans().update(p),
              tx ->
                  List.of(
                      tx.plans().find(p.id()),
                      tx.plans().findBySubject(child),
                      tx.plans().findByLocalAuthority(la(1)))));
    }

    @Test
    @DisplayName("PLAN-8: delete removes the plan from find and every query and returns true; a missing plan returns false")
    void deleteRemoves() {
      ProtectionPlan gone =
          ProtectionPlan.builder().from(fullPlan()).id(planId(la(1), "CP-1")).build();
      ProtectionPlan kept = plan(planId(la(1), "CP-2"), child);
      write(tx -> List.of(gone, kept).forEach(tx.plans()::insert));
      assertTrue((boolean) read(tx -> tx.plans().delete(gone.id())));
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(gone.id())));
      assertEquals(List.of(kept), read(tx -> tx.plans().findBySubject(child)));
      assertEquals(List.of(kept), read(tx -> tx.plans().findByLocalAuthority(la(1))));
      assertEquals(
          List.of(), read(tx -> tx.plans().findEndedBefore(PlanType.LOOKED_AFTER_CHILD, D0.plusYears(9))));
      assertEquals(List.of(), read(tx -> tx.plans().findChildBornBefore(D0)));
      assertFalse((boolean) read(tx -> tx.plans().delete(gone.id())), "a second delete finds nothing");
      assertFalse((boolean) read(tx -> tx.plans().delete(planId(la(3), "never"))));
      assertEquals(Optional.of(kept), read(tx -> tx.plans().find(kept.id())));
    }

    @Test
    @DisplayName("PLAN-9: findEndedBefore returns the plans of that type whose end date is strictly before the date")
    void findEndedBefore() {
      LocalDate date = D0.plusDays(100);
      ProtectionPlan endedDayBefore = ended(planId(la(1), "A"), PlanType.CHILD_PROTECTION_PLAN, date.minusDays(1));
      ProtectionPlan endedLongBefore = ended(planId(la(2), "A"), PlanType.CHILD_PROTECTION_PLAN, D0);
      ProtectionPlan endedOnDate = ended(planId(la(1), "B"), PlanType.CHILD_PROTECTION_PLAN, date);
      ProtectionPlan endedAfter = ended(planId(la(1), "C"), PlanType.CHILD_PROTECTION_PLAN, date.plusDays(1));
      ProtectionPlan open = plan(planId(la(1), "D"), child);
      ProtectionPlan otherType = ended(planId(la(1), "E"), PlanType.LOOKED_AFTER_CHILD, date.minusDays(1));
      write(
          tx ->
              shuffled(List.of(endedDayBefore, endedLongBefore, endedOnDate, endedAfter, open, otherType), 9)
                  .forEach(tx.plans()::insert));
      assertEquals(
          List.of(endedDayBefore, endedLongBefore),
          read(tx -> tx.plans().findEndedBefore(PlanType.CHILD_PROTECTION_PLAN, date)));
      assertEquals(
          List.of(otherType), read(tx -> tx.plans().findEndedBefore(PlanType.LOOKED_AFTER_CHILD, date)));
      assertEquals(
          List.of(),
          read(tx -> tx.plans().findEndedBefore(PlanType.UNBORN_CHILD_PROTECTION_PLAN, date.plusYears(1))));
    }

    @Test
    @DisplayName("PLAN-10: findOpenWithExpectedDeliveryBefore returns the open plans whose expected delivery date is strictly before the date")
    void findOpenWithExpectedDeliveryBefore() {
      LocalDate date = D0.plusDays(100);
      ProtectionPlan dueDayBefore = unborn(planId(la(1), "A"), date.minusDays(1), Optional.empty());
      ProtectionPlan dueLongBefore = unborn(planId(la(2), "A"), D0.plusDays(1), Optional.empty());
      ProtectionPlan dueOnDate = unborn(planId(la(1), "B"), date, Optional.empty());
      ProtectionPlan dueAfter = unborn(planId(la(1), "C"), date.plusDays(1), Optional.empty());
      ProtectionPlan endedDueBefore = unborn(planId(la(1), "D"), date.minusDays(1), Optional.of(D0.plusDays(2)));
      ProtectionPlan notUnborn = plan(planId(la(1), "E"), child);
      write(
          tx ->
              shuffled(List.of(dueDayBefore, dueLongBefore, dueOnDate, dueAfter, endedDueBefore, notUnborn), 10)
                  .forEach(tx.plans()::insert));
      assertEquals(
          List.of(dueDayBefore, dueLongBefore),
          read(tx -> tx.plans().findOpenWithExpectedDeliveryBefore(date)));
      assertEquals(List.of(), read(tx -> tx.plans().findOpenWithExpectedDeliveryBefore(D0)));
    }

    @Test
    @DisplayName("PLAN-11: findChildBornBefore returns the plans whose child's date of birth is strictly before the date")
    void findChildBornBefore() {
      LocalDate date = D0.minusYears(18);
      ProtectionPlan bornDayBefore = born(planId(la(1), "A"), date.minusDays(1));
      ProtectionPlan bornLongBefore = born(planId(la(2), "A"), date.minusYears(3));
      ProtectionPlan bornOnDate = born(planId(la(1), "B"), date);
      ProtectionPlan bornAfter = born(planId(la(1), "C"), date.plusDays(1));
      ProtectionPlan noDateOfBirth = plan(planId(la(1), "D"), child);
      write(
          tx ->
              shuffled(List.of(bornDayBefore, bornLongBefore, bornOnDate, bornAfter, noDateOfBirth), 11)
                  .forEach(tx.plans()::insert));
      assertEquals(
          List.of(bornDayBefore, bornLongBefore), read(tx -> tx.plans().findChildBornBefore(date)));
      assertEquals(List.of(), read(tx -> tx.plans().findChildBornBefore(date.minusYears(10))));
    }

    private ProtectionPlan ended(PlanId id, PlanType type, LocalDate end) {
      return ProtectionPlan.builder().from(plan(id, child, type)).end(end).build();
    }

    private ProtectionPlan unborn(PlanId id, LocalDate due, Optional<LocalDate> end) {
      return ProtectionPlan.builder()
          .from(plan(id, mother, PlanType.UNBORN_CHILD_PROTECTION_PLAN))
          .expectedDeliveryDate(due)
          .end(end)
          .build();
    }

    private ProtectionPlan born(PlanId id, LocalDate dateOfBirth) {
      return ProtectionPlan.builder().from(plan(id, child)).childDateOfBirth(dateOfBirth).build();
    }
  }

  @Group
  @Label("PlanStore properties: protection plans keyed by plan id, lists ordered by plan id")
  @Domain(CpisDomain.class)
  class PlanStoreProperties {

    @Property(tries = 100)
    @Label("PLAN-12: any plan inserted is found by id with every field intact, and listed under its subject and its local authority")
    void anyPlanRoundTrips(@ForAll ProtectionPlan p) {
      freshStore();
      write(tx -> tx.plans().insert(p));
      assertEquals(Optional.of(p), read(tx -> tx.plans().find(p.id())));
      assertEquals(List.of(p), read(tx -> tx.plans().findBySubject(p.subject())));
      assertEquals(List.of(p), read(tx -> tx.plans().findByLocalAuthority(p.localAuthority())));
    }

    @Property(tries = 100)
    @Label("PLAN-13: for any set of plans, every plan query answers as a plain filter does, at every date boundary the plans hold")
    void anyPlansAgreeWithModel(@ForAll("planSets") List<ProtectionPlan> plans) {
      ModelledStore modelled = new ModelledStore(freshStore(), StoreStateMachine.PROBES);
      modelled.commit(plans.stream().map(Write::insertPlan).collect(Collectors.toList()));
      modelled.checkAgreement();
    }

    @Provide
    Arbitrary<List<ProtectionPlan>> planSets() {
      return StoreStateMachine.plans().list().uniqueElements(ProtectionPlan::id).ofMaxSize(6);
    }
  }

  static List<ProtectionPlan> sortedById(List<ProtectionPlan> plans) {
    return plans.stream()
        .sorted(java.util.Comparator.comparing(ProtectionPlan::id))
        .collect(Collectors.toList());
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("AccessEventStore: the history of unscheduled accesses")
  class AccessEventStoreContracts {

    private final NhsNumber child = nhs(0);
    private final NhsNumber otherChild = nhs(1);

    @Test
    @DisplayName("EVENT-1: an access event inserted is found by its id with every field intact")
    void insertedIsFound() {
      AccessEvent e =
          AccessEvent.builder()
              .from(event("ev-1", child, T0))
              .setting(CareSetting.NHS_111)
              .build();
      write(tx -> tx.accessEvents().insert(e));
      assertEquals(Optional.of(e), read(tx -> tx.accessEvents().find(e.id())));
    }

    @Test
    @DisplayName("EVENT-2: find of an event id never inserted is empty")
    void missingIsEmpty() {
      write(tx -> tx.accessEvents().insert(event("ev-1", child, T0)));
      assertEquals(Optional.empty(), read(tx -> tx.accessEvents().find(RecordId.of("ev-2"))));
    }

    @Test
    @DisplayName("EVENT-3: inserting an event whose id exists throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      AccessEvent first = event("ev-1", child, T0);
      AccessEvent second = event("ev-1", otherChild, T0.plusSeconds(60));
      write(tx -> tx.accessEvents().insert(first));
      assertEquals(
          List.of(Optional.of(first), List.of()),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.accessEvents().insert(second),
              tx ->
                  List.of(
                      tx.accessEvents().find(first.id()),
                      tx.accessEvents().findRecentBySubject(otherChild, 25))));
    }

    @Test
    @DisplayName("EVENT-4: findRecentBySubject lists that NHS number's accesses newest first, and no one else's")
    void newestFirst() {
      AccessEvent oldest = event("ev-3", child, T0);
      AccessEvent middle = event("ev-1", child, T0.plusSeconds(3600));
      AccessEvent newest = event("ev-2", child, T0.plusSeconds(7200));
      AccessEvent someoneElse = event("ev-4", otherChild, T0.plusSeconds(5000));
      write(tx -> List.of(middle, someoneElse, oldest, newest).forEach(tx.accessEvents()::insert));
      assertEquals(
          List.of(newest, middle, oldest), read(tx -> tx.accessEvents().findRecentBySubject(child, 25)));
      assertEquals(List.of(someoneElse), read(tx -> tx.accessEvents().findRecentBySubject(otherChild, 25)));
      assertEquals(List.of(), read(tx -> tx.accessEvents().findRecentBySubject(nhs(7), 25)));
    }

    @Test
    @DisplayName("EVENT-5: accesses at the same instant are ordered by id, descending")
    void tiesByIdDescending() {
      AccessEvent upperB = event("ev-B", child, T0);
      AccessEvent lowerA = event("ev-a", child, T0);
      AccessEvent lowerC = event("ev-c", child, T0);
      AccessEvent earlier = event("ev-z", child, T0.minusSeconds(1));
      write(tx -> List.of(upperB, earlier, lowerC, lowerA).forEach(tx.accessEvents()::insert));
      assertEquals(
          List.of(lowerC, lowerA, upperB, earlier),
          read(tx -> tx.accessEvents().findRecentBySubject(child, 25)),
          "ties by RecordId order, descending (\"ev-c\" > \"ev-a\" > \"ev-B\" by Java String order)");
    }

    @Test
    @DisplayName("EVENT-6: findRecentBySubject returns at most limit accesses, the most recent ones; limit 0 gives none")
    void limit() {
      List<AccessEvent> events = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        events.add(event(String.format("ev-%02d", i), child, T0.plusSeconds(60L * i)));
      }
      write(tx -> shuffled(events, 6).forEach(tx.accessEvents()::insert));
      List<AccessEvent> newestFirst = new ArrayList<>(events);
      Collections.reverse(newestFirst);
      assertEquals(newestFirst.subList(0, 25), read(tx -> tx.accessEvents().findRecentBySubject(child, 25)));
      assertEquals(newestFirst.subList(0, 1), read(tx -> tx.accessEvents().findRecentBySubject(child, 1)));
      assertEquals(List.of(), read(tx -> tx.accessEvents().findRecentBySubject(child, 0)));
      assertEquals(newestFirst, read(tx -> tx.accessEvents().findRecentBySubject(child, 100)));
    }
  }

  @Group
  @Label("AccessEventStore properties: the history of unscheduled accesses")
  @Domain(CpisDomain.class)
  class AccessEventStoreProperties {

    @Property(tries = 100)
    @Label("EVENT-7: any access event inserted is found by id with every field intact")
    void anyEventRoundTrips(@ForAll AccessEvent e) {
      freshStore();
      write(tx -> tx.accessEvents().insert(e));
      assertEquals(Optional.of(e), read(tx -> tx.accessEvents().find(e.id())));
      assertEquals(List.of(e), read(tx -> tx.accessEvents().findRecentBySubject(e.subject(), 25)));
    }

    @Property(tries = 100)
    @Label("EVENT-8: for any accesses and any limit, findRecentBySubject gives the limit newest of that subject, ties by id descending")
    void anyEventsAgreeWithModel(
        @ForAll("eventSets") List<AccessEvent> events, @ForAll @IntRange(max = 12) int limit) {
      freshStore();
      ReferenceModel model = new ReferenceModel();
      events.forEach(e -> model.events.put(e.id(), e));
      write(tx -> events.forEach(tx.accessEvents()::insert));
      for (NhsNumber subject : StoreStateMachine.PROBES.subjects) {
        assertEquals(
            model.recentEvents(subject, limit),
            read(tx -> tx.accessEvents().findRecentBySubject(subject, limit)),
            "limit " + limit);
      }
    }

    @Provide
    Arbitrary<List<AccessEvent>> eventSets() {
      return StoreStateMachine.events(CpisArbitraries.recordIds())
          .list()
          .uniqueElements(AccessEvent::id)
          .ofMaxSize(15);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("NotificationStore: the notification outbox")
  class NotificationStoreContracts {

    private final NhsNumber child = nhs(0);
    private final NhsNumber otherChild = nhs(1);
    private final ProtectionPlan plan = plan(planId(la(1), "CP-1"), child);
    private final ProtectionPlan otherPlan = plan(planId(la(2), "CP-9"), otherChild);

    @Test
    @DisplayName("NOTIF-1: a notification inserted is found by its id with every field intact")
    void insertedIsFound() {
      AccessNotification pending =
          AccessNotification.builder()
              .from(notification("n-1", plan, T0))
              .assignedSocialWorker("sw.jones")
              .failedAttempts(2)
              .nextAttemptAt(T0.plusSeconds(300))
              .setting(CareSetting.MATERNITY)
              .build();
      AccessNotification done = delivered(notification("n-2", otherPlan, T0), T0.plusSeconds(5));
      write(tx -> List.of(pending, done).forEach(tx.notifications()::insert));
      assertEquals(Optional.of(pending), read(tx -> tx.notifications().find(pending.id())));
      assertEquals(Optional.of(done), read(tx -> tx.notifications().find(done.id())));
    }

    @Test
    @DisplayName("NOTIF-2: find of a notification id never inserted is empty")
    void missingIsEmpty() {
      write(tx -> tx.notifications().insert(notification("n-1", plan, T0)));
      assertEquals(Optional.empty(), read(tx -> tx.notifications().find(RecordId.of("n-2"))));
    }

    @Test
    @DisplayName("NOTIF-3: inserting a notification whose id exists throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      AccessNotification first = notification("n-1", plan, T0);
      AccessNotification second = notification("n-1", otherPlan, T0.plusSeconds(1));
      write(tx -> tx.notifications().insert(first));
      assertEquals(
          List.of(Optional.of(first), List.of()),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.notifications().insert(second),
              tx ->
                  List.of(
                      tx.notifications().find(first.id()),
                      tx.notifications().findBySubject(otherChild))));
    }

    @Test
    @DisplayName("NOTIF-4: release by the claimant replaces every field of the claimed notification and clears the claim")
    void releaseReplaces() {
      AccessNotification before = notification("n-1", plan, T0);
      AccessNotification after =
          AccessNotification.builder()
              .from(delivered(retried(before, T0.plusSeconds(60)), T0.plusSeconds(61)))
              .assignedSocialWorker("sw.new")
              .build();
      write(tx -> tx.notifications().insert(before));
      assertEquals(List.of(before), read(tx -> tx.notifications().claimDue(T0, claim("node-a", T0.plusSeconds(30)), 10)));
      assertTrue((boolean) read(tx -> tx.notifications().release(after, "node-a")));
      assertEquals(Optional.of(after), read(tx -> tx.notifications().find(before.id())));
      assertEquals(List.of(after), read(tx -> tx.notifications().findBySubject(child)));
      assertFalse((boolean) read(tx -> tx.notifications().release(before, "node-a")), "released twice");
      assertEquals(Optional.of(after), read(tx -> tx.notifications().find(before.id())));
    }

    @Test
    @DisplayName("NOTIF-5: release without the claim (never claimed, claimed by another, or no such notification) returns false and changes nothing")
    void releaseWithoutClaimIsRefused() {
      AccessNotification claimed = notification("n-1", plan, T0);
      AccessNotification unclaimed = notification("n-2", plan, T0);
      AccessNotification missing = notification("n-3", plan, T0);
      write(tx -> List.of(claimed, unclaimed).forEach(tx.notifications()::insert));
      write(tx -> tx.notifications().insert(notification("n-0", plan, T0), Optional.of(claim("node-b", T0.plusSeconds(30)))));
      write(tx -> tx.notifications().claimDue(T0, claim("node-a", T0.plusSeconds(30)), 10));
      List<Object> before = read(tx -> List.of(tx.notifications().findBySubject(child)));
      assertFalse((boolean) read(tx -> tx.notifications().release(delivered(claimed, T0), "node-b")), "claimed by another");
      assertFalse((boolean) read(tx -> tx.notifications().release(delivered(notification("n-0", plan, T0), T0), "node-a")), "claimed by another");
      assertFalse((boolean) read(tx -> tx.notifications().release(delivered(missing, T0), "node-a")), "no such notification");
      assertEquals(before, read(tx -> List.of(tx.notifications().findBySubject(child))));
      assertEquals(Optional.empty(), read(tx -> tx.notifications().find(missing.id())));
    }

    @Test
    @DisplayName("NOTIF-6: claimDue claims pending notifications whose next attempt is at or before now, earliest first")
    void claimDueOrder() {
      Instant t = T0.plusSeconds(600);
      AccessNotification dueEarly = due("n-3", T0);
      AccessNotification dueLater = due("n-1", t.minusSeconds(1));
      AccessNotification dueExactly = due("n-2", t);
      AccessNotification notYet = due("n-0", t.plusSeconds(1));
      write(tx -> List.of(dueExactly, notYet, dueLater, dueEarly).forEach(tx.notifications()::insert));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(T0.minusSeconds(1), claim("a", t), 100)));
      assertEquals(
          List.of(dueEarly, dueLater, dueExactly),
          read(tx -> tx.notifications().claimDue(t, claim("a", t.plusSeconds(60)), 100)));
    }

    @Test
    @DisplayName("NOTIF-7: pending notifications due at the same instant are claimed in id order, ascending")
    void claimTiesById() {
      AccessNotification upperB = due("n-B", T0);
      AccessNotification lowerA = due("n-a", T0);
      AccessNotification lowerC = due("n-c", T0);
      write(tx -> List.of(lowerC, upperB, lowerA).forEach(tx.notifications()::insert));
      assertEquals(
          List.of(upperB, lowerA, lowerC),
          read(tx -> tx.notifications().claimDue(T0, claim("a", T0.plusSeconds(1)), 100)));
    }

    @Test
    @DisplayName("NOTIF-8: claimDue claims at most limit notifications, the earliest due, and the next call the next ones; limit 0 claims none")
    void claimLimit() {
      List<AccessNotification> all = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        all.add(due(String.format("n-%02d", i), T0.plusSeconds(i)));
      }
      write(tx -> shuffled(all, 8).forEach(tx.notifications()::insert));
      Instant late = T0.plusSeconds(3600);
      Claim claim = claim("a", late.plusSeconds(60));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(late, claim, 0)));
      assertEquals(all.subList(0, 5), read(tx -> tx.notifications().claimDue(late, claim, 5)));
      assertEquals(all.subList(5, 12), read(tx -> tx.notifications().claimDue(late, claim, 100)));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(late, claim, 100)));
    }

    @Test
    @DisplayName("NOTIF-9: a notification released as delivered leaves the outbox for good, even after its claim's time")
    void deliveredLeavesOutbox() {
      AccessNotification first = due("n-1", T0);
      AccessNotification second = due("n-2", T0);
      write(tx -> List.of(first, second).forEach(tx.notifications()::insert));
      write(tx -> tx.notifications().claimDue(T0, claim("a", T0.plusSeconds(10)), 1));
      assertTrue((boolean) read(tx -> tx.notifications().release(delivered(first, T0.plusSeconds(1)), "a")));
      assertEquals(
          List.of(second), read(tx -> tx.notifications().claimDue(T0.plusSeconds(99_999), claim("b", T0.plusSeconds(100_000)), 100)));
    }

    @Test
    @DisplayName("NOTIF-10: a notification released with a later next attempt is not claimable before it, and is from it")
    void retriedWaits() {
      AccessNotification n = due("n-1", T0);
      Instant next = T0.plusSeconds(300);
      write(tx -> tx.notifications().insert(n));
      write(tx -> tx.notifications().claimDue(T0, claim("a", T0.plusSeconds(10)), 10));
      assertTrue((boolean) read(tx -> tx.notifications().release(retried(n, next), "a")));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(next.minusSeconds(1), claim("b", next), 100)));
      assertEquals(List.of(retried(n, next)), read(tx -> tx.notifications().claimDue(next, claim("b", next.plusSeconds(9)), 100)));
    }

    @Test
    @DisplayName("NOTIF-14: a claimed notification is claimed by nobody else until the claim expires, then by another claimant, and the first claimant's release then fails")
    void expiredClaimIsClaimableAgain() {
      AccessNotification n = due("n-1", T0);
      Instant until = T0.plusSeconds(60);
      write(tx -> tx.notifications().insert(n));
      assertEquals(List.of(n), read(tx -> tx.notifications().claimDue(T0, claim("a", until), 10)));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(T0, claim("b", until), 10)), "claimed again at once");
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(until.minusNanos(1000), claim("a", until.plusSeconds(60)), 10)), "claimed again before expiry, even by its claimant");
      assertEquals(List.of(n), read(tx -> tx.notifications().claimDue(until, claim("b", until.plusSeconds(60)), 10)), "not claimable at expiry");
      assertFalse((boolean) read(tx -> tx.notifications().release(delivered(n, until), "a")), "the expired claimant released it");
      assertTrue((boolean) read(tx -> tx.notifications().release(delivered(n, until), "b")));
    }

    @Test
    @DisplayName("NOTIF-15: a notification inserted with a claim is its claimant's: not claimable until the claim expires, and released by it")
    void insertedClaimed() {
      AccessNotification n = due("n-1", T0);
      Instant until = T0.plusSeconds(60);
      write(tx -> tx.notifications().insert(n, Optional.of(claim("a", until))));
      assertEquals(Optional.of(n), read(tx -> tx.notifications().find(n.id())));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(until.minusSeconds(1), claim("b", until.plusSeconds(60)), 10)));
      assertFalse((boolean) read(tx -> tx.notifications().release(delivered(n, T0), "b")));
      assertTrue((boolean) read(tx -> tx.notifications().release(delivered(n, T0.plusSeconds(1)), "a")));
      assertEquals(Optional.of(delivered(n, T0.plusSeconds(1))), read(tx -> tx.notifications().find(n.id())));
    }

    @Test
    @DisplayName("NOTIF-16: concurrent claimers get disjoint sets that together are every due notification")
    void concurrentClaimersAreDisjoint() {
      int count = 60;
      List<AccessNotification> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        all.add(due(String.format("n-%02d", i), T0.plusSeconds(i % 7)));
      }
      write(tx -> all.forEach(tx.notifications()::insert));
      Instant now = T0.plusSeconds(3600);
      Map<Integer, List<RecordId>> claimedBy = new java.util.concurrent.ConcurrentHashMap<>();
      Concurrently.run(
          4,
          thread -> {
            List<RecordId> mine = new ArrayList<>();
            Claim claim = claim("node-" + thread, now.plusSeconds(600));
            List<AccessNotification> batch;
            do {
              batch = readRetrying(tx -> tx.notifications().claimDue(now, claim, 3));
              batch.forEach(n -> mine.add(n.id()));
            } while (!batch.isEmpty());
            claimedBy.put(thread, mine);
          });
      List<RecordId> every = claimedBy.values().stream().flatMap(List::stream).sorted().collect(Collectors.toList());
      assertEquals(all.stream().map(AccessNotification::id).sorted().collect(Collectors.toList()), every,
          "each due notification claimed exactly once");
    }

    @Test
    @DisplayName("NOTIF-11: findBySubject lists every notification about that NHS number, oldest access first, ties by id")
    void bySubject() {
      AccessNotification later = notification("n-1", plan, T0.plusSeconds(60));
      AccessNotification tieUpper = notification("n-B", plan, T0);
      AccessNotification tieLower = delivered(notification("n-a", plan, T0), T0.plusSeconds(2));
      AccessNotification someoneElse = notification("n-0", otherPlan, T0);
      write(tx -> List.of(later, someoneElse, tieLower, tieUpper).forEach(tx.notifications()::insert));
      assertEquals(List.of(tieUpper, tieLower, later), read(tx -> tx.notifications().findBySubject(child)));
      assertEquals(List.of(someoneElse), read(tx -> tx.notifications().findBySubject(otherChild)));
      assertEquals(List.of(), read(tx -> tx.notifications().findBySubject(nhs(8))));
    }

    private Claim claim(String claimant, Instant until) {
      return new Claim(claimant, until);
    }

    private AccessNotification due(String id, Instant nextAttempt) {
      return AccessNotification.builder()
          .from(notification(id, plan, T0.minusSeconds(3600)))
          .nextAttemptAt(nextAttempt)
          .build();
    }
  }

  @Group
  @Label("NotificationStore properties: the notification outbox")
  @Domain(CpisDomain.class)
  class NotificationStoreProperties {

    @Property(tries = 100)
    @Label("NOTIF-12: any notification inserted is found by id with every field intact")
    void anyNotificationRoundTrips(@ForAll AccessNotification n) {
      freshStore();
      write(tx -> tx.notifications().insert(n));
      assertEquals(Optional.of(n), read(tx -> tx.notifications().find(n.id())));
      assertEquals(List.of(n), read(tx -> tx.notifications().findBySubject(n.subject())));
    }

    @Property(tries = 100)
    @Label("NOTIF-13: for any unclaimed notifications, time and limit, claimDue and findBySubject answer as a plain filter does")
    void anyOutboxAgreesWithModel(
        @ForAll("notificationSets") List<AccessNotification> notifications,
        @ForAll("probeInstants") Instant time,
        @ForAll @IntRange(max = 12) int limit) {
      freshStore();
      ReferenceModel model = new ReferenceModel();
      notifications.forEach(n -> model.notifications.put(n.id(), n));
      write(tx -> notifications.forEach(tx.notifications()::insert));
      assertEquals(
          model.pendingDue(time, limit),
          read(tx -> tx.notifications().claimDue(time, new Claim("kit", time.plusSeconds(1)), limit)));
      for (NhsNumber subject : StoreStateMachine.PROBES.subjects) {
        assertEquals(model.notificationsBySubject(subject), read(tx -> tx.notifications().findBySubject(subject)));
      }
    }

    @Provide
    Arbitrary<List<AccessNotification>> notificationSets() {
      return CpisStoreConformanceKit.notificationSets(15);
    }

    @Provide
    Arbitrary<Instant> probeInstants() {
      return Arbitraries.oneOf(
          List.of(Arbitraries.of(StoreStateMachine.PROBES.instants), CpisArbitraries.instants()));
    }
  }

  /** Up to {@code max} notifications with distinct ids, plans, subjects and times from the pools. */
  static Arbitrary<List<AccessNotification>> notificationSets(int max) {
    return StoreStateMachine.notifications(CpisArbitraries.recordIds())
        .list()
        .uniqueElements(AccessNotification::id)
        .ofMaxSize(max);
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("ReviewStore: reviews of notifications and the review inbox")
  class ReviewStoreContracts {

    private final ProtectionPlan plan = plan(planId(la(1), "CP-1"), nhs(0));
    private final ProtectionPlan otherPlan = plan(planId(la(2), "CP-1"), nhs(1));

    @Test
    @DisplayName("REVIEW-1: a review inserted is found by its notification id with every field intact")
    void insertedIsFound() {
      AccessNotification n = notification("n-1", plan, T0);
      Review r =
          Review.builder()
              .from(review(n, T0.plusSeconds(3600)))
              .outcome(ReviewOutcome.STRATEGY_DISCUSSION)
              .recordedOnCaseRecord(false)
              .reviewer("sw.jones")
              .build();
      write(tx -> tx.notifications().insert(n));
      write(tx -> tx.reviews().insert(r));
      assertEquals(Optional.of(r), read(tx -> tx.reviews().find(n.id())));
    }

    @Test
    @DisplayName("REVIEW-2: find for a notification that has no review is empty")
    void missingIsEmpty() {
      AccessNotification n = notification("n-1", plan, T0);
      write(tx -> tx.notifications().insert(n));
      assertEquals(Optional.empty(), read(tx -> tx.reviews().find(n.id())));
      assertEquals(Optional.empty(), read(tx -> tx.reviews().find(RecordId.of("n-404"))));
    }

    @Test
    @DisplayName("REVIEW-3: a review of a notification that does not exist throws RecordNotFoundException and stores nothing")
    void reviewOfMissingNotification() {
      AccessNotification never = notification("n-404", plan, T0);
      assertEquals(
          List.of(Optional.empty(), List.of()),
          assertRefused(
              RecordNotFoundException.class,
              tx -> tx.reviews().insert(review(never, T0)),
              tx -> List.of(tx.reviews().find(never.id()), tx.reviews().findByLocalAuthority(la(1)))));
    }

    @Test
    @DisplayName("REVIEW-4: a second review of the same notification throws DuplicateRecordException and keeps the first")
    void secondReviewIsRefused() {
      AccessNotification n = notification("n-1", plan, T0);
      Review first = review(n, T0.plusSeconds(10));
      Review second =
          Review.builder()
              .from(first)
              .reviewer("someone.else")
              .outcome(ReviewOutcome.REFERRED_FOR_ASSESSMENT)
              .reviewedAt(T0.plusSeconds(20))
              .build();
      write(tx -> tx.notifications().insert(n));
      write(tx -> tx.reviews().insert(first));
      assertEquals(
          List.of(Optional.of(first), List.of(first)),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.reviews().insert(second),
              tx -> List.of(tx.reviews().find(n.id()), tx.reviews().findByLocalAuthority(la(1)))));
    }

    @Test
    @DisplayName("REVIEW-9: update replaces a notification's review with every field; update of a notification without a review throws RecordNotFoundException and stores nothing")
    void updateReplacesTheReview() {
      AccessNotification n = notification("n-1", plan, T0);
      AccessNotification unreviewed = notification("n-2", plan, T0);
      Review first = Review.builder().from(review(n, T0.plusSeconds(10))).recordedOnCaseRecord(false).build();
      Review confirmed =
          Review.builder()
              .from(first)
              .recordedOnCaseRecord(true)
              .outcome(ReviewOutcome.CASE_DISCUSSED_WITH_MANAGER)
              .reviewedAt(T0.plusSeconds(20))
              .build();
      write(tx -> List.of(n, unreviewed).forEach(tx.notifications()::insert));
      write(tx -> tx.reviews().insert(first));
      write(tx -> tx.reviews().update(confirmed));
      assertEquals(Optional.of(confirmed), read(tx -> tx.reviews().find(n.id())));
      assertEquals(List.of(confirmed), read(tx -> tx.reviews().findByLocalAuthority(la(1))));
      assertEquals(
          List.of(Optional.empty(), List.of(unreviewed)),
          assertRefused(
              RecordNotFoundException.class,
              tx -> tx.reviews().update(review(unreviewed, T0)),
              tx ->
                  List.of(
                      tx.reviews().find(unreviewed.id()),
                      tx.notifications().findUnreviewed(la(1)))));
    }

    @Test
    @DisplayName("REVIEW-5: findUnreviewed lists that local authority's notifications without a review, oldest access first, ties by id")
    void unreviewedInbox() {
      AccessNotification reviewed = notification("n-0", plan, T0.minusSeconds(60));
      AccessNotification later = notification("n-1", plan, T0.plusSeconds(60));
      AccessNotification tieUpper = notification("n-B", plan, T0);
      AccessNotification tieLower = delivered(notification("n-a", plan, T0), T0.plusSeconds(1));
      AccessNotification otherLa = notification("n-2", otherPlan, T0);
      write(
          tx -> List.of(later, reviewed, otherLa, tieLower, tieUpper).forEach(tx.notifications()::insert));
      assertEquals(
          List.of(reviewed, tieUpper, tieLower, later),
          read(tx -> tx.notifications().findUnreviewed(la(1))));
      write(tx -> tx.reviews().insert(review(reviewed, T0.plusSeconds(100))));
      assertEquals(
          List.of(tieUpper, tieLower, later), read(tx -> tx.notifications().findUnreviewed(la(1))));
      assertEquals(List.of(otherLa), read(tx -> tx.notifications().findUnreviewed(la(2))));
      assertEquals(List.of(), read(tx -> tx.notifications().findUnreviewed(la(3))));
    }

    @Test
    @DisplayName("REVIEW-6: findByLocalAuthority lists that local authority's reviews, oldest first, ties by notification id")
    void reviewsByLocalAuthority() {
      AccessNotification n1 = notification("n-1", plan, T0);
      AccessNotification nB = notification("n-B", plan, T0);
      AccessNotification na = notification("n-a", plan, T0);
      AccessNotification other = notification("n-2", otherPlan, T0);
      Review latest = review(n1, T0.plusSeconds(500));
      Review tieUpper = review(nB, T0.plusSeconds(100));
      Review tieLower = review(na, T0.plusSeconds(100));
      Review otherReview = review(other, T0.plusSeconds(50));
      write(tx -> List.of(n1, nB, na, other).forEach(tx.notifications()::insert));
      write(tx -> List.of(latest, otherReview, tieLower, tieUpper).forEach(tx.reviews()::insert));
      assertEquals(
          List.of(tieUpper, tieLower, latest), read(tx -> tx.reviews().findByLocalAuthority(la(1))));
      assertEquals(List.of(otherReview), read(tx -> tx.reviews().findByLocalAuthority(la(2))));
      assertEquals(List.of(), read(tx -> tx.reviews().findByLocalAuthority(la(3))));
    }
  }

  @Group
  @Label("ReviewStore properties: reviews of notifications and the review inbox")
  @Domain(CpisDomain.class)
  class ReviewStoreProperties {

    @Property(tries = 100)
    @Label("REVIEW-7: any review of a stored notification is found by the notification's id with every field intact")
    void anyReviewRoundTrips(
        @ForAll AccessNotification n, @ForAll Review r) {
      freshStore();
      Review review =
          Review.builder().from(r).notificationId(n.id()).localAuthority(n.localAuthority()).build();
      write(tx -> tx.notifications().insert(n));
      write(tx -> tx.reviews().insert(review));
      assertEquals(Optional.of(review), read(tx -> tx.reviews().find(n.id())));
      assertEquals(List.of(review), read(tx -> tx.reviews().findByLocalAuthority(n.localAuthority())));
      assertEquals(List.of(), read(tx -> tx.notifications().findUnreviewed(n.localAuthority())));
    }

    @Property(tries = 100)
    @Label("REVIEW-8: for any notifications, some reviewed, findUnreviewed and findByLocalAuthority answer as a plain filter does")
    void anyInboxAgreesWithModel(
        @ForAll("notificationSets") List<AccessNotification> notifications,
        @ForAll("reviewLists") List<Review> reviews) {
      freshStore();
      ReferenceModel model = new ReferenceModel();
      notifications.forEach(n -> model.notifications.put(n.id(), n));
      List<Review> given = new ArrayList<>();
      for (int i = 0; i < Math.min(notifications.size(), reviews.size()); i++) {
        AccessNotification n = notifications.get(i);
        given.add(Review.builder().from(reviews.get(i)).notificationId(n.id()).localAuthority(n.localAuthority()).build());
      }
      given.forEach(r -> model.reviews.put(r.notificationId(), r));
      write(tx -> notifications.forEach(tx.notifications()::insert));
      write(tx -> given.forEach(tx.reviews()::insert));
      for (OdsCode la : StoreStateMachine.PROBES.localAuthorities) {
        assertEquals(model.unreviewed(la), read(tx -> tx.notifications().findUnreviewed(la)), "unreviewed of " + la);
        assertEquals(model.reviewsByLocalAuthority(la), read(tx -> tx.reviews().findByLocalAuthority(la)), "reviews of " + la);
      }
    }

    @Provide
    Arbitrary<List<AccessNotification>> notificationSets() {
      return CpisStoreConformanceKit.notificationSets(12);
    }

    @Provide
    Arbitrary<List<Review>> reviewLists() {
      Arbitrary<Instant> fewInstants = Arbitraries.of(StoreStateMachine.PROBES.instants);
      return Combinators.combine(CpisArbitraries.reviews(), fewInstants)
          .as((r, at) -> (Review) Review.builder().from(r).reviewedAt(at).build())
          .list()
          .ofMaxSize(12);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("AuditLog: the append-only audit log, appended unsealed and sealed after commit")
  class AuditLogContracts {

    @Test
    @DisplayName("AUDIT-1: an empty log has no last entry, reads nothing and has nothing unsealed")
    void emptyLog() {
      assertEquals(Optional.empty(), read(tx -> tx.audit().last()));
      assertEquals(List.of(), read(tx -> tx.audit().read(1, 10)));
      assertEquals(List.of(), read(tx -> tx.audit().findUnsealed(10)));
    }

    @Test
    @DisplayName("AUDIT-2: appended records are unsealed, oldest first (ties by id), every field intact, at most limit")
    void appendedAreUnsealed() {
      AuditRecord late = auditRecord(5);
      AuditRecord tieB = AuditRecord.builder().from(auditRecord(1)).id(RecordId.of("a-B")).build();
      AuditRecord tieA =
          AuditRecord.builder()
              .from(auditRecord(1))
              .id(RecordId.of("a-a"))
              .action(AuditAction.REVIEW_RECORDED)
              .organisation(OdsCode.of("RAL01"))
              .setting(CareSetting.PAEDIATRIC_WARD)
              .subject(nhs(0))
              .detail("1 plan visible, 1 notification")
              .build();
      write(tx -> List.of(late, tieA, tieB).forEach(tx.audit()::append));
      assertEquals(List.of(tieB, tieA, late), read(tx -> tx.audit().findUnsealed(10)));
      assertEquals(List.of(tieB, tieA), read(tx -> tx.audit().findUnsealed(2)));
      assertEquals(List.of(), read(tx -> tx.audit().findUnsealed(0)));
      assertEquals(Optional.empty(), read(tx -> tx.audit().last()), "appending seals nothing");
    }

    @Test
    @DisplayName("AUDIT-3: appending a record whose id exists, sealed or not, throws DuplicateRecordException and changes nothing")
    void duplicateIdIsRefused() {
      write(tx -> List.of(auditRecord(1), auditRecord(2)).forEach(tx.audit()::append));
      write(tx -> tx.audit().seal(audit(1)));
      for (long n : new long[] {1, 2}) {
        AuditRecord again = AuditRecord.builder().from(auditRecord(n)).detail("rewritten").build();
        assertEquals(
            List.of(List.of(audit(1)), List.of(auditRecord(2))),
            assertRefused(
                DuplicateRecordException.class,
                tx -> tx.audit().append(again),
                tx -> List.of(tx.audit().read(1, 10), tx.audit().findUnsealed(10))),
            "appending a-" + n + " again");
      }
    }

    @Test
    @DisplayName("AUDIT-4: a sealed record reads back as the entry with every field intact, is no longer unsealed, and last() is the highest sequence")
    void sealedReadsBack() {
      AuditRecord full =
          AuditRecord.builder()
              .from(auditRecord(2))
              .action(AuditAction.REVIEW_RECORDED)
              .organisation(OdsCode.of("RAL01"))
              .setting(CareSetting.PAEDIATRIC_WARD)
              .subject(nhs(0))
              .build();
      write(tx -> List.of(auditRecord(1), full, auditRecord(3)).forEach(tx.audit()::append));
      AuditEntry second = Fixtures.sealed(full, 2);
      write(
          tx -> {
            tx.audit().seal(audit(1));
            tx.audit().seal(second);
          });
      assertEquals(List.of(audit(1), second), read(tx -> tx.audit().read(1, 10)));
      assertEquals(Optional.of(second), read(tx -> tx.audit().last()));
      assertEquals(List.of(auditRecord(3)), read(tx -> tx.audit().findUnsealed(10)));
    }

    @Test
    @DisplayName("AUDIT-5: read(from, limit) returns up to limit sealed entries with sequence at or after from, in sequence order")
    void readFromLimit() {
      List<AuditEntry> all = new ArrayList<>();
      for (long s = 1; s <= 20; s++) {
        all.add(audit(s));
      }
      write(tx -> all.forEach(e -> tx.audit().append(e.record())));
      write(tx -> all.subList(0, 10).forEach(tx.audit()::seal));
      write(tx -> all.subList(10, 20).forEach(tx.audit()::seal));
      assertEquals(all.subList(4, 9), read(tx -> tx.audit().read(5, 5)));
      assertEquals(all.subList(14, 20), read(tx -> tx.audit().read(15, 100)));
      assertEquals(all.subList(0, 3), read(tx -> tx.audit().read(0, 3)));
      assertEquals(all.subList(0, 3), read(tx -> tx.audit().read(-7, 3)));
      assertEquals(List.of(all.get(19)), read(tx -> tx.audit().read(20, 100)));
      assertEquals(List.of(), read(tx -> tx.audit().read(21, 100)));
      assertEquals(List.of(), read(tx -> tx.audit().read(1, 0)));
    }

    @Test
    @DisplayName("AUDIT-6: sealing a record that is not unsealed throws RecordNotFoundException; sealing a taken sequence throws DuplicateRecordException; neither changes anything")
    void sealRefusals() {
      write(tx -> List.of(auditRecord(1), auditRecord(2)).forEach(tx.audit()::append));
      write(tx -> tx.audit().seal(audit(1)));
      Function<StoreTransaction, ?> view = tx -> List.of(tx.audit().read(1, 10), tx.audit().findUnsealed(10));
      Object state = List.of(List.of(audit(1)), List.of(auditRecord(2)));
      assertEquals(state, assertRefused(RecordNotFoundException.class, tx -> tx.audit().seal(audit(9)), view), "never appended");
      assertEquals(state, assertRefused(RecordNotFoundException.class, tx -> tx.audit().seal(Fixtures.sealed(auditRecord(1), 2)), view), "sealed already");
      assertEquals(state, assertRefused(DuplicateRecordException.class, tx -> tx.audit().seal(Fixtures.sealed(auditRecord(2), 1)), view), "sequence taken");
    }

    @Test
    @DisplayName("AUDIT-7: a record made with a nanosecond instant is kept to the microsecond and reads back equal, its hash unchanged")
    void nanosecondInstantRoundTrips() {
      AuditRecord fine =
          AuditRecord.builder().from(auditRecord(1)).at(Instant.parse("2025-03-01T10:15:30.123456789Z")).build();
      assertEquals(Instant.parse("2025-03-01T10:15:30.123456Z"), fine.at());
      AuditEntry entry =
          AuditEntry.builder().from(Fixtures.sealed(fine, 1)).hash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").build();
      write(tx -> tx.audit().append(fine));
      assertEquals(List.of(fine), read(tx -> tx.audit().findUnsealed(1)));
      write(tx -> tx.audit().seal(entry));
      assertEquals(Optional.of(entry), read(tx -> tx.audit().last()));
    }
  }

  @Group
  @Label("AuditLog properties: the append-only audit log")
  class AuditLogProperties {

    @Property(tries = 100)
    @Label("AUDIT-8: any records appended and sealed in order read back intact; read(from, limit) is the slice from that sequence; the rest stay unsealed")
    void anyLogReadsBack(
        @ForAll("recordLists") List<AuditRecord> records,
        @ForAll @IntRange(min = -1, max = 17) int from,
        @ForAll @IntRange(max = 17) int limit) {
      freshStore();
      List<AuditEntry> entries = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        entries.add(Fixtures.sealed(records.get(i), i + 1));
      }
      int sealed = entries.size() * 2 / 3;
      write(tx -> records.forEach(tx.audit()::append));
      write(tx -> entries.subList(0, sealed / 2).forEach(tx.audit()::seal));
      write(tx -> entries.subList(sealed / 2, sealed).forEach(tx.audit()::seal));
      List<AuditEntry> log = entries.subList(0, sealed);
      int start = Math.max(0, Math.min(from - 1, log.size()));
      assertEquals(log.subList(start, Math.min(log.size(), start + limit)), read(tx -> tx.audit().read(from, limit)));
      assertEquals(log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)), read(tx -> tx.audit().last()));
      List<AuditRecord> rest = new ArrayList<>(records.subList(sealed, records.size()));
      rest.sort(java.util.Comparator.comparing(AuditRecord::at).thenComparing(AuditRecord::id));
      assertEquals(rest, read(tx -> tx.audit().findUnsealed(100)));
    }

    @Provide
    Arbitrary<List<AuditRecord>> recordLists() {
      return CpisArbitraries.auditRecords().list().uniqueElements(AuditRecord::id).ofMaxSize(15);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("AuditTreeStore: the audit log's Merkle tree nodes and signed checkpoints, insert-only")
  class AuditTreeStoreContracts {

    private final Function<StoreTransaction, ?> view =
        tx -> List.of(
            tx.auditTree().findNode(0, 0), tx.auditTree().findNode(0, 1), tx.auditTree().findNode(1, 0),
            tx.auditTree().findNode(0, 2), tx.auditTree().latestCheckpoint());

    @Test
    @DisplayName("TREE-1: an empty store has no tree node and no checkpoint")
    void emptyTree() {
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findNode(0, 0)));
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().latestCheckpoint()));
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findCheckpoint(0)));
    }

    @Test
    @DisplayName("TREE-2: nodes put in one call read back by level and index, every field intact; other positions stay empty")
    void nodesReadBack() {
      List<AuditTreeNode> nodes = List.of(treeNode(0, 0), treeNode(0, 1), treeNode(1, 0), treeNode(63, Long.MAX_VALUE));
      write(tx -> tx.auditTree().putNodes(nodes));
      write(tx -> tx.auditTree().putNodes(List.of()));
      for (AuditTreeNode n : nodes) {
        assertEquals(Optional.of(n), read(tx -> tx.auditTree().findNode(n.level(), n.index())));
      }
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findNode(1, 1)), "another index");
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findNode(2, 0)), "another level");
    }

    @Test
    @DisplayName("TREE-3: putting nodes of which one's position is taken, or named twice, throws DuplicateRecordException and inserts none of them")
    void takenPositionIsRefused() {
      write(tx -> tx.auditTree().putNodes(List.of(treeNode(0, 0), treeNode(0, 1))));
      AuditTreeNode rewritten = AuditTreeNode.of(0, 1, "f".repeat(64));
      Object state = read(view);
      assertEquals(state, assertRefused(DuplicateRecordException.class, tx -> tx.auditTree().putNodes(List.of(treeNode(0, 2), rewritten)), view));
      assertEquals(state, assertRefused(DuplicateRecordException.class, tx -> tx.auditTree().putNodes(List.of(treeNode(0, 2), treeNode(0, 2))), view));
      assertEquals(Optional.of(treeNode(0, 1)), read(tx -> tx.auditTree().findNode(0, 1)), "a node is never rewritten");
    }

    @Test
    @DisplayName("TREE-4: checkpoints read back by tree size, the latest is the largest size, and a second checkpoint of a size is refused with DuplicateRecordException")
    void checkpointsReadBack() {
      AuditCheckpoint two = AuditCheckpoint.of(2, "log\n2\nroot2\n\n\u2014 log sig2\n");
      AuditCheckpoint ten = AuditCheckpoint.of(10, "log\n10\nroot10\n\n\u2014 log sig10\n");
      write(tx -> tx.auditTree().putCheckpoint(ten));
      write(tx -> tx.auditTree().putCheckpoint(two));
      assertEquals(Optional.of(ten), read(tx -> tx.auditTree().latestCheckpoint()));
      assertEquals(Optional.of(two), read(tx -> tx.auditTree().findCheckpoint(2)));
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findCheckpoint(3)));
      assertRefused(
          DuplicateRecordException.class,
          tx -> tx.auditTree().putCheckpoint(AuditCheckpoint.of(10, "forged\n")),
          tx -> List.of(tx.auditTree().findCheckpoint(10), tx.auditTree().latestCheckpoint()));
      assertEquals(Optional.of(ten), read(tx -> tx.auditTree().findCheckpoint(10)));
    }

    @Test
    @DisplayName("TREE-5: nodes and checkpoints written by a unit of work that throws are not kept")
    void rolledBack() {
      assertThrows(
          WorkError.class,
          () -> write(tx -> {
            tx.auditTree().putNodes(List.of(treeNode(0, 0)));
            tx.auditTree().putCheckpoint(AuditCheckpoint.of(1, "log\n1\n"));
            throw new WorkError();
          }));
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().findNode(0, 0)));
      assertEquals(Optional.empty(), read(tx -> tx.auditTree().latestCheckpoint()));
    }
  }

  /** A node whose hash is derived from its position, so that two positions never share one. */
  static AuditTreeNode treeNode(int level, long index) {
    String seed = String.format("%02x%016x", level, index);
    return AuditTreeNode.of(level, index, (seed + "0".repeat(64)).substring(0, 64));
  }

  @Group
  @Label("AuditTreeStore properties: the audit log's Merkle tree nodes")
  class AuditTreeStoreProperties {

    @Property(tries = 50)
    @Label("TREE-6: any distinct nodes put in any batches read back, each at its position, and no other position holds one")
    void anyNodesReadBack(
        @ForAll("positions") List<List<Long>> positions,
        @ForAll @IntRange(min = 1, max = 7) int batch) {
      freshStore();
      List<AuditTreeNode> nodes = positions.stream().map(p -> treeNode(p.get(0).intValue(), p.get(1))).collect(Collectors.toList());
      for (int i = 0; i < nodes.size(); i += batch) {
        List<AuditTreeNode> part = nodes.subList(i, Math.min(nodes.size(), i + batch));
        write(tx -> tx.auditTree().putNodes(part));
      }
      for (AuditTreeNode n : nodes) {
        assertEquals(Optional.of(n), read(tx -> tx.auditTree().findNode(n.level(), n.index())));
      }
      for (int level = 0; level < 4; level++) {
        for (long index = 0; index < 4; index++) {
          List<Long> p = List.of((long) level, index);
          int l = level;
          long ix = index;
          assertEquals(positions.contains(p), read(tx -> tx.auditTree().findNode(l, ix)).isPresent(), "position " + p);
        }
      }
    }

    @Provide
    Arbitrary<List<List<Long>>> positions() {
      return Combinators.combine(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 5))
          .as((level, index) -> List.of(level, index))
          .list()
          .uniqueElements()
          .ofMaxSize(20);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("LeaseStore: named leases for work one node does at a time")
  class LeaseStoreContracts {

    private final Instant until = T0.plusSeconds(60);

    @Test
    @DisplayName("LEASE-1: a free lease is taken, and its holder is known until it expires")
    void freeLeaseIsTaken() {
      assertEquals(Optional.empty(), read(tx -> tx.leases().holder("sealer", T0)));
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-a", T0, until)));
      assertEquals(Optional.of("node-a"), read(tx -> tx.leases().holder("sealer", until.minusNanos(1000))));
      assertEquals(Optional.empty(), read(tx -> tx.leases().holder("sealer", until)));
      assertEquals(Optional.empty(), read(tx -> tx.leases().holder("other", T0)));
    }

    @Test
    @DisplayName("LEASE-2: a held lease is refused to another holder until it expires, and taken from then")
    void heldLeaseIsRefused() {
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-a", T0, until)));
      assertFalse((boolean) read(tx -> tx.leases().acquire("sealer", "node-b", until.minusSeconds(1), until.plusSeconds(60))));
      assertEquals(Optional.of("node-a"), read(tx -> tx.leases().holder("sealer", T0)));
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-b", until, until.plusSeconds(60))));
      assertEquals(Optional.of("node-b"), read(tx -> tx.leases().holder("sealer", until)));
      assertTrue((boolean) read(tx -> tx.leases().acquire("other", "node-a", T0, until)), "leases of other names are apart");
    }

    @Test
    @DisplayName("LEASE-3: the holder renews its lease before it expires")
    void holderRenews() {
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-a", T0, until)));
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-a", T0.plusSeconds(30), until.plusSeconds(60))));
      assertFalse((boolean) read(tx -> tx.leases().acquire("sealer", "node-b", until, until.plusSeconds(60))));
      assertEquals(Optional.of("node-a"), read(tx -> tx.leases().holder("sealer", until.plusSeconds(59))));
    }

    @Test
    @DisplayName("LEASE-4: release by the holder frees the lease at once; release by anyone else changes nothing")
    void release() {
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-a", T0, until)));
      write(tx -> tx.leases().release("sealer", "node-b"));
      assertEquals(Optional.of("node-a"), read(tx -> tx.leases().holder("sealer", T0)));
      write(tx -> tx.leases().release("sealer", "node-a"));
      assertEquals(Optional.empty(), read(tx -> tx.leases().holder("sealer", T0)));
      assertTrue((boolean) read(tx -> tx.leases().acquire("sealer", "node-b", T0, until)));
    }

    @Test
    @DisplayName("LEASE-5: of concurrent acquirers of a free lease, exactly one holds it")
    void oneOfConcurrentAcquirers() {
      Map<Integer, Boolean> won = new java.util.concurrent.ConcurrentHashMap<>();
      Concurrently.run(
          4, thread -> won.put(thread, readRetrying(tx -> tx.leases().acquire("sealer", "node-" + thread, T0, until))));
      assertEquals(1, won.values().stream().filter(b -> b).count(), "holders: " + won);
      int winner = won.entrySet().stream().filter(Map.Entry::getValue).findFirst().orElseThrow().getKey();
      assertEquals(Optional.of("node-" + winner), read(tx -> tx.leases().holder("sealer", T0)));
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("UploadReceiptStore: receipts of local authorities' uploads")
  class UploadReceiptStoreContracts {

    @Test
    @DisplayName("UPLOAD-1: a receipt inserted is the latest of its local authority, every field intact")
    void insertedIsLatest() {
      UploadReceipt r = receipt("u-1", la(1), T0);
      write(tx -> tx.uploads().insert(r));
      assertEquals(Optional.of(r), read(tx -> tx.uploads().findLatest(la(1))));
    }

    @Test
    @DisplayName("UPLOAD-2: findLatest of a local authority without receipts is empty")
    void noneIsEmpty() {
      write(tx -> tx.uploads().insert(receipt("u-1", la(1), T0)));
      assertEquals(Optional.empty(), read(tx -> tx.uploads().findLatest(la(2))));
    }

    @Test
    @DisplayName("UPLOAD-3: inserting a receipt whose id exists throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      UploadReceipt first = receipt("u-1", la(1), T0);
      UploadReceipt second = receipt("u-1", la(1), T0.plusSeconds(3600));
      write(tx -> tx.uploads().insert(first));
      assertEquals(
          Optional.of(first),
          assertRefused(
              DuplicateRecordException.class,
              tx -> tx.uploads().insert(second),
              tx -> tx.uploads().findLatest(la(1))));
    }

    @Test
    @DisplayName("UPLOAD-4: findLatest returns the receipt with the latest receipt time from that local authority, whatever the order of insertion")
    void latestByTime() {
      UploadReceipt latest = receipt("u-1", la(1), T0.plusSeconds(86_400));
      UploadReceipt older = receipt("u-2", la(1), T0);
      UploadReceipt oldest = receipt("u-3", la(1), T0.minusSeconds(86_400));
      UploadReceipt otherLaLater = receipt("u-0", la(2), T0.plusSeconds(99_999));
      write(tx -> List.of(older, latest, otherLaLater, oldest).forEach(tx.uploads()::insert));
      assertEquals(Optional.of(latest), read(tx -> tx.uploads().findLatest(la(1))));
      assertEquals(Optional.of(otherLaLater), read(tx -> tx.uploads().findLatest(la(2))));
    }
  }

  @Group
  @Label("UploadReceiptStore properties: receipts of local authorities' uploads")
  class UploadReceiptStoreProperties {

    @Property(tries = 100)
    @Label("UPLOAD-5: for any receipts, findLatest gives one with the latest receipt time of that local authority, every field intact")
    void anyReceiptsAgreeWithModel(@ForAll("receiptSets") List<UploadReceipt> receipts) {
      freshStore();
      ReferenceModel model = new ReferenceModel();
      receipts.forEach(u -> model.uploads.put(u.id(), u));
      write(tx -> receipts.forEach(tx.uploads()::insert));
      for (OdsCode la : StoreStateMachine.PROBES.localAuthorities) {
        List<UploadReceipt> latest = model.latestUploads(la);
        Optional<UploadReceipt> found = read(tx -> tx.uploads().findLatest(la));
        assertTrue(
            latest.isEmpty() ? found.isEmpty() : found.isPresent() && latest.contains(found.get()),
            () -> "findLatest gave " + found + "; the latest are " + latest);
      }
    }

    @Provide
    Arbitrary<List<UploadReceipt>> receiptSets() {
      return StoreStateMachine.receipts(CpisArbitraries.recordIds())
          .list()
          .uniqueElements(UploadReceipt::id)
          .ofMaxSize(8);
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("Transactions: all or nothing, serializable")
  class TransactionContracts {

    private final NhsNumber child = nhs(0);
    private final ProtectionPlan kept = plan(planId(la(1), "CP-1"), child);
    private final ProtectionPlan removed = plan(planId(la(1), "CP-2"), child);
    private final AccessNotification existing = notification("n-1", kept, T0);
    private final AccessEvent existingEvent = event("ev-1", child, T0);

    /** One row in every store. */
    private void seed() {
      write(
          tx -> {
            tx.localAuthorities().insert(localAuthority(la(1)));
            tx.plans().insert(kept);
            tx.plans().insert(removed);
            tx.accessEvents().insert(existingEvent);
            tx.notifications().insert(existing);
            tx.audit().append(auditRecord(1));
            tx.audit().seal(audit(1));
            tx.audit().append(auditRecord(2));
            tx.uploads().insert(receipt("u-1", la(1), T0));
            tx.leases().acquire("kit", "node-a", T0, T0.plusSeconds(60));
          });
    }

    /** Writes to every one of the eight stores, including updates and deletes of seeded rows. */
    private void writeEverywhere(StoreTransaction tx) {
      tx.localAuthorities().insert(localAuthority(la(2)));
      tx.localAuthorities().update(LocalAuthority.builder().from(localAuthority(la(1))).name("Changed").build());
      tx.plans().insert(plan(planId(la(1), "CP-3"), child));
      tx.plans().update(ProtectionPlan.builder().from(kept).end(D0.plusDays(1)).build());
      tx.plans().delete(removed.id());
      tx.accessEvents().insert(event("ev-2", child, T0.plusSeconds(1)));
      tx.notifications().insert(notification("n-2", kept, T0.plusSeconds(1)));
      tx.notifications().claimDue(T0.plusSeconds(99_999), new Claim("node-a", T0.plusSeconds(100_000)), 100);
      tx.notifications().release(delivered(existing, T0.plusSeconds(2)), "node-a");
      tx.reviews().insert(review(existing, T0.plusSeconds(3)));
      tx.audit().seal(audit(2));
      tx.audit().append(auditRecord(3));
      tx.uploads().insert(receipt("u-2", la(1), T0.plusSeconds(4)));
      tx.leases().release("kit", "node-a");
      tx.leases().acquire("kit2", "node-b", T0, T0.plusSeconds(60));
    }

    /** Everything the stores can show about the seeded and written rows. */
    private List<Object> everything(StoreTransaction tx) {
      return List.of(
          tx.localAuthorities().findAll(),
          tx.plans().findBySubject(child),
          tx.plans().findByLocalAuthority(la(1)),
          tx.plans().find(removed.id()),
          tx.accessEvents().findRecentBySubject(child, 100),
          tx.notifications().findBySubject(child),
          tx.notifications().find(existing.id()),
          tx.notifications().findUnreviewed(la(1)),
          tx.reviews().find(existing.id()),
          tx.reviews().findByLocalAuthority(la(1)),
          tx.audit().read(1, 100),
          tx.audit().last(),
          tx.audit().findUnsealed(100),
          tx.uploads().findLatest(la(1)),
          tx.leases().holder("kit", T0),
          tx.leases().holder("kit2", T0));
    }

    @Test
    @DisplayName("TX-1: what a transaction wrote is seen by every later transaction, in every store")
    void committedIsVisible() {
      seed();
      List<Object> before = read(this::everything);
      write(this::writeEverywhere);
      List<Object> after = read(this::everything);
      for (int i = 0; i < before.size(); i++) {
        assertFalse(before.get(i).equals(after.get(i)), "query " + i + " shows the committed writes");
      }
      assertEquals(after, read(this::everything), "a committed state reads the same every time");
    }

    @Test
    @DisplayName("TX-2: a transaction sees its own writes before it ends")
    void readsOwnWrites() {
      seed();
      List<Object> inside =
          read(
              tx -> {
                writeEverywhere(tx);
                return everything(tx);
              });
      assertEquals(inside, read(this::everything));
    }

    @Test
    @DisplayName("TX-3: inTransaction returns what the unit of work returned")
    void returnsResult() {
      Object result = new Object();
      assertSame(result, read(tx -> result));
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(kept.id())));
    }

    @Test
    @DisplayName("TX-4: when the unit of work throws, none of its writes to any of the eight stores is applied")
    void failedWorkAppliesNothing() {
      seed();
      List<Object> before = read(this::everything);
      RuntimeException boom = new IllegalStateException("the unit of work failed");
      assertThrows(
          IllegalStateException.class,
          () ->
              write(
                  tx -> {
                    writeEverywhere(tx);
                    throw boom;
                  }));
      assertEquals(before, read(this::everything));
    }

    @Test
    @DisplayName("TX-5: the exception the unit of work threw is rethrown unchanged, the same instance")
    void rethrowsSameException() {
      RuntimeException boom = new UnsupportedOperationException("thrown by the unit of work");
      Throwable thrown =
          assertThrows(
              Throwable.class,
              () ->
                  write(
                      tx -> {
                        tx.plans().insert(kept);
                        throw boom;
                      }));
      assertSame(boom, thrown);
    }

    @Test
    @DisplayName("TX-6: an Error thrown by the unit of work is rethrown unchanged, and nothing is applied")
    void errorRollsBack() {
      WorkError error = new WorkError();
      Throwable thrown =
          assertThrows(
              Throwable.class,
              () ->
                  write(
                      tx -> {
                        tx.plans().insert(kept);
                        throw error;
                      }));
      assertSame(error, thrown);
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(kept.id())));
    }

    @Test
    @DisplayName("TX-7: a checked exception thrown (sneakily) by the unit of work is rethrown unchanged, and nothing is applied")
    void checkedExceptionRollsBack() {
      Exception checked = new java.io.IOException("thrown sneakily by the unit of work");
      Throwable thrown =
          assertThrows(
              Throwable.class,
              () ->
                  write(
                      tx -> {
                        tx.plans().insert(kept);
                        throw CpisStoreConformanceKit.<RuntimeException>sneakyThrow(checked);
                      }));
      assertSame(checked, thrown);
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(kept.id())));
    }

    @Test
    @DisplayName("TX-8: a store exception that escapes the unit of work undoes the writes made before it")
    void storeExceptionRollsBack() {
      seed();
      List<Object> before = read(this::everything);
      assertThrows(
          DuplicateRecordException.class,
          () ->
              write(
                  tx -> {
                    writeEverywhere(tx);
                    tx.plans().insert(kept);
                  }));
      assertEquals(before, read(this::everything));
    }

    @Test
    @DisplayName("TX-9: a transaction's stores used after the transaction ended throw IllegalStateException")
    void storesExpireWithTransaction() {
      seed();
      Map<String, Executable> late = new LinkedHashMap<>();
      BiConsumer<String, StoreTransaction> keep =
          (which, tx) -> {
            LocalAuthorityStore las = tx.localAuthorities();
            PlanStore plans = tx.plans();
            AccessEventStore events = tx.accessEvents();
            NotificationStore notifications = tx.notifications();
            ReviewStore reviews = tx.reviews();
            AuditLog auditLog = tx.audit();
            UploadReceiptStore uploads = tx.uploads();
            late.put(which + "StoreTransaction.plans()", tx::plans);
            late.put(which + "StoreTransaction.audit()", tx::audit);
            late.put(which + "LocalAuthorityStore.find", () -> las.find(la(1)));
            late.put(which + "PlanStore.find", () -> plans.find(kept.id()));
            late.put(which + "PlanStore.insert", () -> plans.insert(plan(planId(la(9), "late"), child)));
            late.put(
                which + "AccessEventStore.findRecentBySubject",
                () -> events.findRecentBySubject(child, 25));
            late.put(
                which + "NotificationStore.claimDue",
                () -> notifications.claimDue(T0, new Claim("late", T0.plusSeconds(1)), 10));
            LeaseStore leases = tx.leases();
            late.put(which + "LeaseStore.acquire", () -> leases.acquire("late", "late", T0, T0.plusSeconds(1)));
            late.put(which + "ReviewStore.find", () -> reviews.find(existing.id()));
            late.put(which + "AuditLog.last", auditLog::last);
            late.put(which + "UploadReceiptStore.findLatest", () -> uploads.findLatest(la(1)));
          };
      write(tx -> keep.accept("after commit: ", tx));
      assertThrows(
          IllegalStateException.class,
          () ->
              write(
                  tx -> {
                    keep.accept("after rollback: ", tx);
                    throw new IllegalStateException("the unit of work failed");
                  }));
      late.forEach((what, call) -> assertThrows(IllegalStateException.class, call, what));
      assertEquals(Optional.empty(), read(tx -> tx.plans().find(planId(la(9), "late"))));
    }

    @Test
    @DisplayName("TX-10: concurrent read-modify-write transactions from several threads lose no update")
    void noLostUpdates() {
      int threads = 4;
      int increments = 25;
      OdsCode counter = la(1);
      write(tx -> tx.localAuthorities().insert(counterAt(counter, 0)));
      Concurrently.run(
          threads,
          thread -> {
            for (int i = 0; i < increments; i++) {
              writeRetrying(
                  tx -> {
                    LocalAuthority current = tx.localAuthorities().find(counter).orElseThrow();
                    int value = Integer.parseInt(current.officeHoursPhone());
                    tx.localAuthorities().update(counterAt(counter, value + 1));
                  });
            }
          });
      assertEquals(
          Integer.toString(threads * increments),
          read(tx -> tx.localAuthorities().find(counter).orElseThrow().officeHoursPhone()));
    }

    @Test
    @DisplayName("TX-11: concurrent writers and readers: no reader sees part of another transaction's writes, and every write lands")
    void noPartialWritesUnderConcurrency() {
      int writers = 2;
      int readers = 2;
      int rounds = 25;
      List<Callable<List<String>>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        tasks.add(
            () -> {
              for (int round = 0; round < rounds; round++) {
                int r = round;
                writeRetrying(
                    tx -> {
                      tx.plans().insert(pairPlan(writer, r, "A"));
                      tx.accessEvents().insert(event("ev-" + writer + "-" + r, child, T0.plusSeconds(r)));
                      tx.plans().insert(pairPlan(writer, r, "B"));
                      if (r % 2 == 1) {
                        tx.plans().delete(pairPlan(writer, r - 1, "A").id());
                        tx.plans().delete(pairPlan(writer, r - 1, "B").id());
                      }
                    });
              }
              return List.<String>of();
            });
      }
      for (int i = 0; i < readers; i++) {
        tasks.add(
            () -> {
              List<String> problems = new ArrayList<>();
              for (int round = 0; round < rounds; round++) {
                // A serializable store may abort a reader too (PostgreSQL's SSI does, SQLSTATE
                // 40001): it reads again, as the engine would.
                problems.addAll(readRetrying(this::partialWrites));
              }
              return problems;
            });
      }
      List<String> problems =
          Concurrently.call(tasks).stream().flatMap(List::stream).collect(Collectors.toList());
      assertEquals(List.of(), problems, "what readers saw of other transactions' partial writes");
      List<ProtectionPlan> expected = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        for (int round = 0; round < rounds; round++) {
          boolean deletedByNextRound = round % 2 == 0 && round + 1 < rounds;
          if (!deletedByNextRound) {
            expected.add(pairPlan(w, round, "A"));
            expected.add(pairPlan(w, round, "B"));
          }
        }
      }
      assertEquals(sortedById(expected), read(tx -> tx.plans().findBySubject(child)));
      assertEquals(
          writers * rounds, read(tx -> tx.accessEvents().findRecentBySubject(child, 1000)).size());
    }

    /** What one reader sees that no serial order of the writers' transactions could show. */
    private List<String> partialWrites(StoreTransaction tx) {
      List<String> problems = new ArrayList<>();
      List<ProtectionPlan> plans = tx.plans().findBySubject(child);
      java.util.Set<String> refs =
          plans.stream().map(p -> p.id().localReference()).collect(Collectors.toSet());
      for (String ref : refs) {
        String partner = ref.endsWith("A") ? ref.substring(0, ref.length() - 1) + "B" : ref.substring(0, ref.length() - 1) + "A";
        if (!refs.contains(partner)) {
          problems.add("saw " + ref + " without " + partner);
        }
      }
      List<ProtectionPlan> again = tx.plans().findBySubject(child);
      if (!plans.equals(again)) {
        problems.add("two reads in one transaction differ");
      }
      for (ProtectionPlan p : plans) {
        String ref = p.id().localReference();
        String eventId = "ev-" + ref.substring(5, ref.length() - 1);
        if (tx.accessEvents().find(RecordId.of(eventId)).isEmpty()) {
          problems.add("saw plan " + ref + " without event " + eventId);
        }
      }
      return problems;
    }

    private ProtectionPlan pairPlan(int writer, int round, String half) {
      return plan(planId(la(1), "pair-" + writer + "-" + round + half), child);
    }

    @Test
    @DisplayName("TX-12: a transaction that has written but not ended is not seen half-done by another transaction")
    void uncommittedIsNotSeen() {
      ProtectionPlan first = plan(planId(la(1), "CP-A"), child);
      ProtectionPlan second = plan(planId(la(1), "CP-B"), child);
      CountDownLatch firstWritten = new CountDownLatch(1);
      CountDownLatch readerDone = new CountDownLatch(1);
      // The writer pauses between its two writes until the reader has read, or for half a
      // second: a store that serializes transactions makes the reader wait, which is fine.
      Callable<List<ProtectionPlan>> writer =
          () -> {
            write(
                tx -> {
                  tx.plans().insert(first);
                  firstWritten.countDown();
                  Concurrently.await(readerDone, 500);
                  tx.plans().insert(second);
                });
            return List.of();
          };
      Callable<List<ProtectionPlan>> reader =
          () -> {
            if (!Concurrently.await(firstWritten, Concurrently.GUARD_SECONDS * 1000)) {
              throw new AssertionError("the writer never wrote");
            }
            try {
              return read(tx -> tx.plans().findBySubject(child));
            } finally {
              readerDone.countDown();
            }
          };
      List<ProtectionPlan> seen = Concurrently.call(List.of(writer, reader)).get(1);
      assertTrue(
          seen.isEmpty() || seen.equals(List.of(first, second)),
          "another transaction saw " + seen.size() + " of the 2 plans: " + seen);
    }

    @Test
    @DisplayName("TX-13: concurrent appenders from several threads each append without reading the log, and every record lands unsealed")
    void concurrentAppends() {
      int threads = 4;
      int appends = 20;
      Concurrently.run(
          threads,
          thread -> {
            for (int i = 0; i < appends; i++) {
              AuditRecord r = AuditRecord.builder().from(auditRecord(i)).id(RecordId.of("a-" + thread + "-" + i)).build();
              writeRetrying(tx -> tx.audit().append(r));
            }
          });
      assertEquals(threads * appends, read(tx -> tx.audit().findUnsealed(1000)).size());
    }

    @Test
    @DisplayName("TX-14: a refusal (DuplicateRecordException, RecordNotFoundException) leaves the transaction usable: what the work did before and after it commits")
    void refusalLeavesTransactionUsable() {
      seed();
      ProtectionPlan before = plan(planId(la(1), "CP-7"), child);
      ProtectionPlan after = plan(planId(la(1), "CP-8"), child);
      write(
          tx -> {
            tx.plans().insert(before);
            assertThrows(DuplicateRecordException.class, () -> tx.plans().insert(kept));
            assertThrows(RecordNotFoundException.class, () -> tx.plans().update(plan(planId(la(1), "CP-0"), child)));
            assertThrows(DuplicateRecordException.class, () -> tx.notifications().insert(existing));
            assertThrows(RecordNotFoundException.class, () -> tx.reviews().insert(review(notification("n-0", kept, T0), T0)));
            assertThrows(DuplicateRecordException.class, () -> tx.audit().append(auditRecord(1)));
            assertThrows(RecordNotFoundException.class, () -> tx.audit().seal(audit(9)));
            assertThrows(DuplicateRecordException.class, () -> tx.localAuthorities().insert(localAuthority(la(1))));
            tx.plans().insert(after);
            assertEquals(Optional.of(kept), tx.plans().find(kept.id()), "a refusal undid an earlier write");
          });
      assertEquals(Optional.of(before), read(tx -> tx.plans().find(before.id())));
      assertEquals(Optional.of(after), read(tx -> tx.plans().find(after.id())));
    }

    @Test
    @DisplayName("TX-15: two transactions that read the same rows and each write a row the other's read would have seen do not both commit (no write skew: serializable, not snapshot isolation)")
    void noWriteSkew() {
      write(tx -> tx.localAuthorities().insert(localAuthority(la(1))));
      NhsNumber subject = nhs(5);
      CountDownLatch bothRead = new CountDownLatch(2);
      Concurrently.run(
          2,
          thread ->
              writeRetrying(
                  tx -> {
                    boolean empty = tx.plans().findBySubject(subject).isEmpty();
                    bothRead.countDown();
                    try {
                      // A store that runs transactions one at a time never lets the other read
                      // meanwhile: wait a little, then go on.
                      bothRead.await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    if (empty) {
                      tx.plans().insert(plan(planId(la(1), "CP-skew-" + thread), subject));
                    }
                  }));
      assertEquals(
          1,
          read(tx -> tx.plans().findBySubject(subject)).size(),
          "both transactions saw no plan and both inserted one: write skew");
    }

    @Test
    @DisplayName("TX-16: a store failure other than a refusal dooms the transaction: caught by the work, nothing of the work is applied")
    void otherFailureDoomsTransaction() {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          overridesFailInside(), "TX-16 needs the store's test to override failInside(StoreTransaction)");
      seed();
      List<Object> before = read(this::everything);
      assertThrows(
          StoreException.class,
          () ->
              write(
                  tx -> {
                    writeEverywhere(tx);
                    StoreException failure = assertThrows(StoreException.class, () -> failInside(tx));
                    if (failure instanceof DuplicateRecordException || failure instanceof RecordNotFoundException) {
                      throw new AssertionError("failInside must fail with a StoreException that is not a refusal");
                    }
                  }));
      assertEquals(before, read(this::everything));
    }

    private LocalAuthority counterAt(OdsCode code, int value) {
      return LocalAuthority.builder().from(localAuthority(code)).officeHoursPhone(Integer.toString(value)).build();
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("Purge: deletion by subject")
  class PurgeContracts {

    private final NhsNumber purged = nhs(0);
    private final NhsNumber kept = nhs(1);
    private final ProtectionPlan purgedPlan = plan(planId(la(1), "CP-1"), purged);
    private final ProtectionPlan purgedPlan2 = plan(planId(la(2), "CP-1"), purged);
    private final ProtectionPlan keptPlan = plan(planId(la(1), "CP-2"), kept);

    private final AccessNotification purgedReviewed = notification("n-1", purgedPlan, T0);
    private final AccessNotification purgedOpen = notification("n-2", purgedPlan2, T0.plusSeconds(1));
    private final AccessNotification keptReviewed = notification("n-3", keptPlan, T0);
    private final AccessNotification keptOpen = notification("n-4", keptPlan, T0.plusSeconds(2));

    private void seed() {
      write(
          tx -> {
            List.of(purgedPlan, purgedPlan2, keptPlan).forEach(tx.plans()::insert);
            tx.accessEvents().insert(event("ev-1", purged, T0));
            tx.accessEvents().insert(event("ev-2", purged, T0.plusSeconds(1)));
            tx.accessEvents().insert(event("ev-3", purged, T0.plusSeconds(2)));
            tx.accessEvents().insert(event("ev-4", kept, T0));
            List.of(purgedReviewed, purgedOpen, keptReviewed, keptOpen).forEach(tx.notifications()::insert);
            tx.reviews().insert(review(purgedReviewed, T0.plusSeconds(5)));
            tx.reviews().insert(review(keptReviewed, T0.plusSeconds(6)));
          });
    }

    private List<Object> aboutPurged(StoreTransaction tx) {
      return List.of(
          tx.plans().findBySubject(purged),
          tx.accessEvents().findRecentBySubject(purged, 100),
          tx.notifications().findBySubject(purged),
          tx.reviews().find(purgedReviewed.id()));
    }

    private List<Object> aboutKept(StoreTransaction tx) {
      return List.of(
          tx.plans().findBySubject(kept),
          tx.accessEvents().findRecentBySubject(kept, 100),
          tx.notifications().findBySubject(kept),
          tx.reviews().find(keptReviewed.id()),
          tx.notifications().findUnreviewed(la(1)).stream()
              .filter(n -> n.subject().equals(kept))
              .collect(Collectors.toList()),
          tx.reviews().findByLocalAuthority(la(1)).stream()
              .filter(r -> r.notificationId().equals(keptReviewed.id()))
              .collect(Collectors.toList()));
    }

    @Test
    @DisplayName("PURGE-1: AccessEventStore.deleteBySubject removes every access to that NHS number and returns how many, leaving others")
    void deleteEvents() {
      seed();
      List<Object> others = read(this::aboutKept);
      assertEquals(3, (int) read(tx -> tx.accessEvents().deleteBySubject(purged)));
      assertEquals(List.of(), read(tx -> tx.accessEvents().findRecentBySubject(purged, 100)));
      for (String id : List.of("ev-1", "ev-2", "ev-3")) {
        assertEquals(Optional.empty(), read(tx -> tx.accessEvents().find(RecordId.of(id))));
      }
      assertEquals(others, read(this::aboutKept));
    }

    @Test
    @DisplayName("PURGE-2: NotificationStore.deleteBySubject removes every notification about that NHS number and their reviews, and returns how many notifications")
    void deleteNotificationsAndReviews() {
      seed();
      List<Object> others = read(this::aboutKept);
      assertEquals(2, (int) read(tx -> tx.notifications().deleteBySubject(purged)));
      assertEquals(List.of(), read(tx -> tx.notifications().findBySubject(purged)));
      assertEquals(Optional.empty(), read(tx -> tx.notifications().find(purgedReviewed.id())));
      assertEquals(Optional.empty(), read(tx -> tx.notifications().find(purgedOpen.id())));
      assertEquals(Optional.empty(), read(tx -> tx.reviews().find(purgedReviewed.id())));
      assertEquals(List.of(keptOpen), read(tx -> tx.notifications().findUnreviewed(la(1))));
      assertEquals(List.of(), read(tx -> tx.notifications().findUnreviewed(la(2))));
      assertEquals(
          List.of(review(keptReviewed, T0.plusSeconds(6))), read(tx -> tx.reviews().findByLocalAuthority(la(1))));
      assertEquals(
          List.of(keptReviewed, keptOpen),
          read(tx -> tx.notifications().claimDue(T0.plusSeconds(99), new Claim("kit", T0.plusSeconds(100)), 100)));
      assertEquals(others, read(this::aboutKept));
    }

    @Test
    @DisplayName("PURGE-3: a reviewed notification's id can be used again after its subject was purged, review included")
    void purgedIdsAreFree() {
      seed();
      write(tx -> tx.notifications().deleteBySubject(purged));
      write(tx -> tx.notifications().insert(purgedReviewed));
      assertEquals(List.of(purgedReviewed), read(tx -> tx.notifications().findUnreviewed(la(1))).stream()
          .filter(n -> n.subject().equals(purged)).collect(Collectors.toList()));
      write(tx -> tx.reviews().insert(review(purgedReviewed, T0.plusSeconds(9))));
      assertEquals(Optional.of(review(purgedReviewed, T0.plusSeconds(9))), read(tx -> tx.reviews().find(purgedReviewed.id())));
    }

    @Test
    @DisplayName("PURGE-4: deleting by an NHS number with nothing recorded removes nothing and returns 0")
    void deleteNothing() {
      seed();
      List<Object> before = read(this::aboutKept);
      assertEquals(0, (int) read(tx -> tx.accessEvents().deleteBySubject(nhs(7))));
      assertEquals(0, (int) read(tx -> tx.notifications().deleteBySubject(nhs(7))));
      assertEquals(before, read(this::aboutKept));
      assertEquals(3, read(tx -> tx.accessEvents().findRecentBySubject(purged, 100)).size());
      assertEquals(2, read(tx -> tx.notifications().findBySubject(purged)).size());
    }

    @Test
    @DisplayName("PURGE-5: a purge of plans, accesses and notifications in one transaction leaves nothing of the subject, or, if it fails, everything")
    void purgeIsAtomic() {
      seed();
      List<Object> before = read(this::aboutPurged);
      Consumer<StoreTransaction> purge =
          tx -> {
            tx.plans().findBySubject(purged).forEach(p -> tx.plans().delete(p.id()));
            tx.accessEvents().deleteBySubject(purged);
            tx.notifications().deleteBySubject(purged);
          };
      assertThrows(
          IllegalStateException.class,
          () ->
              write(
                  tx -> {
                    purge.accept(tx);
                    throw new IllegalStateException("the purge failed");
                  }));
      assertEquals(before, read(this::aboutPurged));
      List<Object> others = read(this::aboutKept);
      write(purge);
      assertEquals(List.of(), read(tx -> tx.plans().findBySubject(purged)));
      assertEquals(List.of(), read(tx -> tx.accessEvents().findRecentBySubject(purged, 100)));
      assertEquals(List.of(), read(tx -> tx.notifications().findBySubject(purged)));
      assertEquals(Optional.empty(), read(tx -> tx.reviews().find(purgedReviewed.id())));
      assertEquals(others, read(this::aboutKept));
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("AttendanceStore: a child's history within a window, and episodes' notifications")
  class AttendanceStoreContracts {

    private final NhsNumber child = nhs(0);
    private final NhsNumber otherChild = nhs(1);
    private final ProtectionPlan plan = plan(planId(la(1), "CP-1"), child);

    @Test
    @DisplayName("ATTEND-1: findAccessesSince gives the subject's accesses at or after the instant (its start included), oldest first, ties by id")
    void accessesSince() {
      AccessEvent before = event("e-0", child, T0.minusNanos(1_000));
      AccessEvent atStart = event("e-2", child, T0);
      AccessEvent tie = event("e-1", child, T0);
      AccessEvent later = event("e-3", child, T0.plusSeconds(60));
      AccessEvent other = event("e-4", otherChild, T0.plusSeconds(1));
      write(tx -> List.of(later, before, atStart, other, tie).forEach(tx.accessEvents()::insert));
      assertEquals(List.of(tie, atStart, later), read(tx -> tx.attendances().findAccessesSince(child, T0)));
      assertEquals(List.of(), read(tx -> tx.attendances().findAccessesSince(child, T0.plusSeconds(61))));
    }

    @Test
    @DisplayName("ATTEND-2: findNotificationsSince gives the subject's notifications whose access is at or after the instant, oldest access first, ties by id")
    void notificationsSince() {
      AccessNotification before = notification("n-0", plan, T0.minusNanos(1_000));
      AccessNotification atStart = notification("n-2", plan, T0);
      AccessNotification tie = notification("n-1", plan, T0);
      AccessNotification other = notification("n-3", plan(planId(la(2), "CP-2"), otherChild), T0);
      write(tx -> List.of(atStart, before, other, tie).forEach(tx.notifications()::insert));
      assertEquals(List.of(tie, atStart), read(tx -> tx.attendances().findNotificationsSince(child, T0)));
    }

    @Test
    @DisplayName("ATTEND-3: replaceNotification replaces every field, the kind, gathered accesses, pattern and number included, and drops the old claim")
    void replaceKeepsEveryFieldAndDropsTheClaim() {
      AccessNotification first = notification("n-1", plan, T0);
      write(tx -> tx.notifications().insert(first, Optional.of(new Claim("node-a", T0.plusSeconds(30)))));
      AccessNotification gathered =
          AccessNotification.builder()
              .from(first)
              .addFurtherAccesses(
                  org.cpis.model.EpisodeAccess.builder()
                      .accessEventId(RecordId.of("e-2"))
                      .accessor(Fixtures.accessor())
                      .accessedAt(T0.plusSeconds(600))
                      .build())
              .repeatAttendance(
                  org.cpis.model.RepeatAttendance.of(
                      List.of(
                          org.cpis.model.Attendance.builder().organisation(Fixtures.organisation())
                              .setting(CareSetting.EMERGENCY_DEPARTMENT).at(T0.minusSeconds(86_400)).build(),
                          org.cpis.model.Attendance.builder()
                              .organisation(org.cpis.model.Organisation.of(OdsCode.of("RKE"), "Whittington, \"A\" {ward}"))
                              .setting(CareSetting.MINOR_INJURIES).at(T0).build())))
              .planHeldUnder(nhs(2))
              .nextAttemptAt(T0.plusSeconds(600))
              .build();
      write(tx -> tx.attendances().replaceNotification(gathered, Optional.empty()));
      assertEquals(Optional.of(gathered), read(tx -> tx.notifications().find(first.id())));
      boolean released = read(tx -> tx.notifications().release(delivered(first, T0.plusSeconds(5)), "node-a"));
      assertFalse(released, "the old claim was dropped, so its release changes nothing");
      assertEquals(Optional.of(gathered), read(tx -> tx.notifications().find(first.id())));
    }

    @Test
    @DisplayName("ATTEND-4: replaceNotification with a claim leaves it claimed by that claim alone")
    void replaceWithAClaim() {
      AccessNotification first = notification("n-1", plan, T0);
      write(tx -> tx.notifications().insert(first));
      write(tx -> tx.attendances().replaceNotification(first, Optional.of(new Claim("node-b", T0.plusSeconds(30)))));
      assertEquals(List.of(), read(tx -> tx.notifications().claimDue(T0, new Claim("node-c", T0.plusSeconds(30)), 10)));
      boolean released = read(tx -> tx.notifications().release(delivered(first, T0.plusSeconds(1)), "node-b"));
      assertTrue(released, "the new claim holds it");
    }

    @Test
    @DisplayName("ATTEND-5: replaceNotification of an id never inserted throws RecordNotFoundException and inserts nothing")
    void replaceOfMissingIsRefused() {
      AccessNotification missing = notification("n-9", plan, T0);
      assertRefused(
          RecordNotFoundException.class,
          tx -> tx.attendances().replaceNotification(missing, Optional.empty()),
          tx -> tx.notifications().findBySubject(child));
    }

    @Test
    @DisplayName("ATTEND-6: a missed-appointment notification is found with its kind and appointment time intact")
    void missedAppointmentIsKept() {
      AccessNotification missed =
          AccessNotification.builder()
              .from(notification("n-1", plan, T0))
              .kind(org.cpis.model.NotificationKind.WAS_NOT_BROUGHT)
              .setting(CareSetting.SCHEDULED)
              .appointmentAt(T0.minusSeconds(3_600))
              .build();
      write(tx -> tx.notifications().insert(missed));
      assertEquals(Optional.of(missed), read(tx -> tx.notifications().find(missed.id())));
    }
  }

  // ---------------------------------------------------------------------------------------
  @Nested
  @DisplayName("NhsNumberLinkStore: superseded and inactive numbers, and their notices")
  class NhsNumberLinkStoreContracts {

    private org.cpis.model.NhsNumberLink link(String id, NhsNumber number, Optional<NhsNumber> replacement) {
      return org.cpis.model.NhsNumberLink.builder()
          .id(RecordId.of(id)).number(number).replacement(replacement).reportedBy("pds-sync").recordedAt(T0).build();
    }

    private org.cpis.model.NumberChangeNotice notice(String id, OdsCode la, Instant at) {
      return org.cpis.model.NumberChangeNotice.builder()
          .id(RecordId.of(id)).linkId(RecordId.of("l-1")).localAuthority(la).number(nhs(0)).replacement(nhs(1))
          .addPlans(planId(la, "CP-1"), planId(la, "CP-2")).recordedAt(at).build();
    }

    @Test
    @DisplayName("LINK-1: a link is found by its number, and by findInvolving of its number or its replacement, every field intact")
    void insertedIsFound() {
      var superseded = link("l-2", nhs(0), Optional.of(nhs(1)));
      var inactive = link("l-1", nhs(2), Optional.empty());
      var chained = link("l-3", nhs(1), Optional.of(nhs(3)));
      write(tx -> List.of(superseded, inactive, chained).forEach(tx.numberLinks()::insert));
      assertEquals(Optional.of(superseded), read(tx -> tx.numberLinks().findByNumber(nhs(0))));
      assertEquals(List.of(superseded), read(tx -> tx.numberLinks().findInvolving(nhs(0))));
      assertEquals(List.of(superseded, chained), read(tx -> tx.numberLinks().findInvolving(nhs(1))));
      assertEquals(List.of(inactive), read(tx -> tx.numberLinks().findInvolving(nhs(2))));
      assertEquals(List.of(), read(tx -> tx.numberLinks().findInvolving(nhs(4))));
      assertEquals(Optional.empty(), read(tx -> tx.numberLinks().findByNumber(nhs(1)).filter(l -> !l.equals(chained))));
    }

    @Test
    @DisplayName("LINK-2: inserting a link from a linked number, or with an id in use, throws DuplicateRecordException and keeps the first")
    void duplicateIsRefused() {
      var first = link("l-1", nhs(0), Optional.of(nhs(1)));
      write(tx -> tx.numberLinks().insert(first));
      assertRefused(DuplicateRecordException.class, tx -> tx.numberLinks().insert(link("l-2", nhs(0), Optional.empty())),
          tx -> tx.numberLinks().findInvolving(nhs(0)));
      assertRefused(DuplicateRecordException.class, tx -> tx.numberLinks().insert(link("l-1", nhs(2), Optional.empty())),
          tx -> tx.numberLinks().findInvolving(nhs(2)));
    }

    @Test
    @DisplayName("LINK-3: update replaces the link from the same number; an update from a number with no link throws RecordNotFoundException")
    void updateReplaces() {
      write(tx -> tx.numberLinks().insert(link("l-1", nhs(0), Optional.empty())));
      var superseded = link("l-1", nhs(0), Optional.of(nhs(1)));
      write(tx -> tx.numberLinks().update(superseded));
      assertEquals(List.of(superseded), read(tx -> tx.numberLinks().findInvolving(nhs(1))));
      assertRefused(RecordNotFoundException.class, tx -> tx.numberLinks().update(link("l-2", nhs(2), Optional.empty())),
          tx -> tx.numberLinks().findInvolving(nhs(2)));
    }

    @Test
    @DisplayName("LINK-4: notices are found by id and listed per local authority oldest first, every field intact; duplicates and updates of missing ones are refused")
    void notices() {
      var later = notice("c-1", la(1), T0.plusSeconds(60));
      var earlier = notice("c-2", la(1), T0);
      var otherLa = notice("c-3", la(2), T0);
      write(tx -> List.of(later, earlier, otherLa).forEach(tx.numberLinks()::insertNotice));
      assertEquals(List.of(earlier, later), read(tx -> tx.numberLinks().findNotices(la(1))));
      var acknowledged =
          org.cpis.model.NumberChangeNotice.builder().from(earlier).acknowledgedBy("sw-jones").acknowledgedAt(T0.plusSeconds(90)).build();
      write(tx -> tx.numberLinks().updateNotice(acknowledged));
      assertEquals(Optional.of(acknowledged), read(tx -> tx.numberLinks().findNotice(earlier.id())));
      assertRefused(DuplicateRecordException.class, tx -> tx.numberLinks().insertNotice(notice("c-1", la(1), T0)),
          tx -> tx.numberLinks().findNotices(la(1)));
      assertRefused(RecordNotFoundException.class, tx -> tx.numberLinks().updateNotice(notice("c-9", la(1), T0)),
          tx -> tx.numberLinks().findNotices(la(1)));
    }
  }

  // ---------------------------------------------------------------------------------------
  /** The stateful contract, a jqwik property. */
  @Group
  @Label("StateMachine properties: random sequences of operations against a plain model")
  class StateMachineProperties {

    @Property(tries = 50)
    @Label("STATE-1: after any sequence of writes, committed batches and failed transactions, every query answers as a plain model does")
    void agreesWithModel(@ForAll("chains") ActionChain<ModelledStore> chain) {
      chain.withInvariant("every query agrees with the model", ModelledStore::checkAgreement).run();
    }

    @Provide
    Arbitrary<ActionChain<ModelledStore>> chains() {
      return StoreStateMachine.chains(CpisStoreConformanceKit.this::createStore, 30);
    }
  }
}
