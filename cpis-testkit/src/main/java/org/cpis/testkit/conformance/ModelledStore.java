package org.cpis.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.UploadReceipt;
import org.cpis.store.CpisStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;

/**
 * A store under test and the {@link ReferenceModel} of what it should hold: the state of the
 * kit's state machine. Every step runs on both; {@link #checkAgreement()} compares every query
 * the store answers with the model's answer.
 */
final class ModelledStore {

  /** The keys and values the state machine draws from, and asks the store about. */
  static final class Probes {
    final List<NhsNumber> subjects;
    final List<OdsCode> localAuthorities;
    final List<PlanId> planIds;
    final List<RecordId> eventIds;
    final List<RecordId> notificationIds;
    final List<Instant> instants;

    Probes(
        List<NhsNumber> subjects,
        List<OdsCode> localAuthorities,
        List<PlanId> planIds,
        List<RecordId> eventIds,
        List<RecordId> notificationIds,
        List<Instant> instants) {
      this.subjects = List.copyOf(subjects);
      this.localAuthorities = List.copyOf(localAuthorities);
      this.planIds = List.copyOf(planIds);
      this.eventIds = List.copyOf(eventIds);
      this.notificationIds = List.copyOf(notificationIds);
      this.instants = List.copyOf(instants);
    }
  }

  /** What a failing unit of work throws. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super("the unit of work failed on purpose", null, false, false);
    }
  }

  private final CpisStore store;
  private final Probes probes;
  final ReferenceModel model = new ReferenceModel();

  ModelledStore(CpisStore store, Probes probes) {
    this.store = store;
    this.probes = probes;
  }

  static Supplier<ModelledStore> over(Supplier<CpisStore> stores, Probes probes) {
    return () -> new ModelledStore(stores.get(), probes);
  }

  /** Runs the write in its own transaction: it succeeds, or fails as the SPI says it must. */
  void run(Write write) {
    Optional<Class<? extends StoreException>> refusal = write.refusal(model);
    if (refusal.isPresent()) {
      ReferenceModel scratch = model.copy();
      assertThrows(refusal.get(), () -> inTransaction(tx -> write.apply(tx, scratch)), write.toString());
    } else {
      inTransaction(tx -> write.apply(tx, model));
    }
  }

  /** Runs the writes that the SPI allows, in order, in one transaction that commits. */
  void commit(List<Write> writes) {
    inTransaction(tx -> applyAllowed(writes, tx, model));
  }

  /** Runs the writes that the SPI allows, in order, in one transaction that then throws. */
  void abort(List<Write> writes) {
    ReferenceModel scratch = model.copy();
    Abort abort = new Abort();
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () ->
                inTransaction(
                    tx -> {
                      applyAllowed(writes, tx, scratch);
                      throw abort;
                    }));
    assertSame(abort, thrown, "the transaction rethrows what the unit of work threw");
  }

  private static void applyAllowed(List<Write> writes, StoreTransaction tx, ReferenceModel model) {
    for (Write write : writes) {
      if (write.refusal(model).isEmpty()) {
        write.apply(tx, model);
      }
    }
  }

  private void inTransaction(Consumer<StoreTransaction> work) {
    store.runInTransaction(work);
  }

  /** Asks the store every query about the probes and compares each answer with the model's. */
  void checkAgreement() {
    inTransaction(this::checkAgreement);
  }

  private void checkAgreement(StoreTransaction tx) {
    assertEquals(new ArrayList<>(model.localAuthorities.values()), tx.localAuthorities().findAll(), "findAll");
    for (OdsCode la : probes.localAuthorities) {
      assertEquals(Optional.ofNullable(model.localAuthorities.get(la)), tx.localAuthorities().find(la), "find " + la);
      assertEquals(model.plansByLocalAuthority(la), tx.plans().findByLocalAuthority(la), "plans of " + la);
      assertEquals(model.unreviewed(la), tx.notifications().findUnreviewed(la), "unreviewed of " + la);
      assertEquals(model.reviewsByLocalAuthority(la), tx.reviews().findByLocalAuthority(la), "reviews of " + la);
      List<UploadReceipt> latest = model.latestUploads(la);
      Optional<UploadReceipt> found = tx.uploads().findLatest(la);
      assertTrue(
          latest.isEmpty() ? found.isEmpty() : found.isPresent() && latest.contains(found.get()),
          () -> "findLatest(" + la + ") gave " + found + "; the latest are " + latest);
    }
    for (PlanId id : probes.planIds) {
      assertEquals(Optional.ofNullable(model.plans.get(id)), tx.plans().find(id), "find plan " + id);
    }
    for (NhsNumber subject : probes.subjects) {
      assertEquals(model.plansBySubject(subject), tx.plans().findBySubject(subject), "plans of " + subject);
      for (int limit : new int[] {0, 2, 1000}) {
        assertEquals(
            model.recentEvents(subject, limit),
            tx.accessEvents().findRecentBySubject(subject, limit),
            "recent accesses of " + subject + ", limit " + limit);
      }
      assertEquals(
          model.notificationsBySubject(subject),
          tx.notifications().findBySubject(subject),
          "notifications of " + subject);
    }
    for (RecordId id : probes.eventIds) {
      assertEquals(Optional.ofNullable(model.events.get(id)), tx.accessEvents().find(id), "find access " + id);
    }
    for (RecordId id : probes.notificationIds) {
      assertEquals(
          Optional.ofNullable(model.notifications.get(id)), tx.notifications().find(id), "find notification " + id);
      assertEquals(Optional.ofNullable(model.reviews.get(id)), tx.reviews().find(id), "find review " + id);
    }
    for (LocalDate date : boundaryDates()) {
      for (PlanType type : PlanType.values()) {
        assertEquals(
            model.plansEndedBefore(type, date), tx.plans().findEndedBefore(type, date), type + " ended before " + date);
      }
      assertEquals(
          model.plansOpenWithExpectedDeliveryBefore(date),
          tx.plans().findOpenWithExpectedDeliveryBefore(date),
          "open with expected delivery before " + date);
      assertEquals(
          model.plansWithChildBornBefore(date), tx.plans().findChildBornBefore(date), "child born before " + date);
    }
    assertEquals(model.lastAudit(), tx.audit().last(), "last audit entry");
    assertEquals(model.readAudit(1, 1000), tx.audit().read(1, 1000), "the whole audit log");
    assertEquals(model.readAudit(2, 2), tx.audit().read(2, 2), "audit entries 2 and 3");
    assertEquals(model.unsealedOldestFirst(), tx.audit().findUnsealed(1000), "unsealed audit records");
  }

  /** Each date a plan holds, and the day after: the boundaries of the date queries. */
  private List<LocalDate> boundaryDates() {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (ProtectionPlan p : model.plans.values()) {
      p.end().ifPresent(dates::add);
      p.expectedDeliveryDate().ifPresent(dates::add);
      p.childDateOfBirth().ifPresent(dates::add);
    }
    return dates.stream().flatMap(d -> java.util.stream.Stream.of(d, d.plusDays(1))).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "store " + store + " and its model";
  }
}
