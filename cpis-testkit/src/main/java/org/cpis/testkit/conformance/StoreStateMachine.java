package org.cpis.testkit.conformance;

import static org.cpis.testkit.conformance.Fixtures.T0;
import static org.cpis.testkit.conformance.Fixtures.la;
import static org.cpis.testkit.conformance.Fixtures.nhs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.store.Claim;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;
import org.cpis.store.CpisStore;
import org.cpis.testkit.CpisArbitraries;

/**
 * The kit's state machine: random chains of writes (single ones, committed batches and batches
 * in a transaction that fails) on a store and on its {@link ReferenceModel}. Records come from
 * {@link CpisArbitraries}, with their keys, subjects and times drawn from small pools so that
 * duplicates, missing keys, ties and shared subjects happen often.
 */
final class StoreStateMachine {

  static final ModelledStore.Probes PROBES =
      new ModelledStore.Probes(
          List.of(nhs(0), nhs(1), nhs(2)),
          List.of(la(1), la(2)),
          List.of(la(1), la(2)).stream()
              .flatMap(la -> List.of("CP-1", "CP-2", "UCP-1").stream().map(ref -> PlanId.of(la, ref)))
              .collect(Collectors.toList()),
          ids("ev-", 5),
          ids("n-", 5),
          IntStream.range(0, 5).mapToObj(k -> T0.plusSeconds(60L * k)).collect(Collectors.toList()));

  private static final List<RecordId> RECEIPT_IDS = ids("u-", 4);
  private static final List<RecordId> AUDIT_IDS = ids("a-", 6);
  private static final List<String> CLAIMANTS = List.of("node-a", "node-b");

  private StoreStateMachine() {}

  private static List<RecordId> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> RecordId.of(prefix + i)).collect(Collectors.toList());
  }

  /** Chains of at most {@code maxSteps} steps, each on a new store from {@code stores}. */
  static ActionChainArbitrary<ModelledStore> chains(Supplier<CpisStore> stores, int maxSteps) {
    return ActionChain.startWith(ModelledStore.over(stores, PROBES))
        .withAction(26, single())
        .withAction(1, batch("commit", ModelledStore::commit))
        .withAction(2, batch("abort", ModelledStore::abort))
        .withMaxTransformations(maxSteps);
  }

  /** One write of any kind in its own transaction; 26 is the sum of {@link #anyWrite}'s weights. */
  private static Action.Dependent<ModelledStore> single() {
    return state -> anyWrite(state).map(StoreStateMachine::step);
  }

  private static Transformer<ModelledStore> step(Write write) {
    return Transformer.mutate(write.toString(), s -> s.run(write));
  }

  /** One to five writes of any kind in one transaction, which commits or aborts. */
  private static Action.Dependent<ModelledStore> batch(
      String outcome, BiConsumer<ModelledStore, List<Write>> run) {
    return state ->
        anyWrite(state)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(ws -> Transformer.mutate(outcome + " " + ws, s -> run.accept(s, ws)));
  }

  /** Any one write, weighted; deliveries only once the model holds a notification to deliver. */
  private static Arbitrary<Write> anyWrite(ModelledStore state) {
    List<Tuple2<Integer, Arbitrary<Write>>> writes =
        new ArrayList<>(
            List.of(
                Tuple.of(3, plans().map(Write::insertPlan)),
                Tuple.of(2, plans().map(Write::updatePlan)),
                Tuple.of(1, Arbitraries.of(PROBES.planIds).map(Write::deletePlan)),
                Tuple.of(2, events().map(Write::insertEvent)),
                Tuple.of(2, notifications().map(Write::insertNotification)),
                Tuple.of(2, claims()),
                Tuple.of(3, reviews(state)),
                Tuple.of(2, appends()),
                Tuple.of(2, seals(state)),
                Tuple.of(1, localAuthorities().map(Write::insertLocalAuthority)),
                Tuple.of(1, localAuthorities().map(Write::updateLocalAuthority)),
                Tuple.of(1, receipts().map(Write::insertReceipt)),
                Tuple.of(2, Arbitraries.of(PROBES.subjects).map(Write::purge))));
    if (!state.model.notifications.isEmpty()) {
      writes.add(Tuple.of(2, deliveries(state)));
    }
    return Arbitraries.frequencyOf(writes);
  }

  // ------------------------------------------------------------------- records from the pools

  static Arbitrary<ProtectionPlan> plans() {
    return Combinators.combine(
            CpisArbitraries.plans(), Arbitraries.of(PROBES.planIds), Arbitraries.of(PROBES.subjects))
        .as((p, id, subject) -> ProtectionPlan.builder().from(p).id(id).subject(subject).build());
  }

  static Arbitrary<AccessEvent> events() {
    return events(Arbitraries.of(PROBES.eventIds));
  }

  /** Access events with ids from {@code ids}, subjects and times from the pools. */
  static Arbitrary<AccessEvent> events(Arbitrary<RecordId> ids) {
    return Combinators.combine(
            CpisArbitraries.accessEvents(),
            ids,
            Arbitraries.of(PROBES.subjects),
            Arbitraries.of(PROBES.instants))
        .as(
            (e, id, subject, at) ->
                AccessEvent.builder().from(e).id(id).subject(subject).accessedAt(at).build());
  }

  static Arbitrary<AccessNotification> notifications() {
    return notifications(Arbitraries.of(PROBES.notificationIds));
  }

  /** Notifications with ids from {@code ids}, plans, subjects and times from the pools. */
  static Arbitrary<AccessNotification> notifications(Arbitrary<RecordId> ids) {
    return Combinators.combine(
            CpisArbitraries.accessNotifications(),
            ids,
            Arbitraries.of(PROBES.planIds),
            Arbitraries.of(PROBES.subjects),
            Arbitraries.of(PROBES.instants),
            Arbitraries.of(PROBES.instants))
        .as(
            (n, id, planId, subject, accessedAt, next) ->
                AccessNotification.builder()
                    .from(n)
                    .id(id)
                    .planId(planId)
                    .subject(subject)
                    .accessedAt(accessedAt)
                    .nextAttemptAt(next)
                    .build());
  }

  static Arbitrary<LocalAuthority> localAuthorities() {
    return Combinators.combine(CpisArbitraries.localAuthorities(), Arbitraries.of(PROBES.localAuthorities))
        .as((la, code) -> LocalAuthority.builder().from(la).odsCode(code).build());
  }

  static Arbitrary<UploadReceipt> receipts() {
    return receipts(Arbitraries.of(RECEIPT_IDS));
  }

  /** Upload receipts with ids from {@code ids}, local authorities from the pool. */
  static Arbitrary<UploadReceipt> receipts(Arbitrary<RecordId> ids) {
    return Combinators.combine(
            CpisArbitraries.uploadReceipts(),
            ids,
            Arbitraries.of(PROBES.localAuthorities))
        .as((u, id, la) -> UploadReceipt.builder().from(u).id(id).localAuthority(la).build());
  }

  /** A claim on what is due at a probe instant, by one of two nodes, short or long. */
  private static Arbitrary<Write> claims() {
    return Combinators.combine(
            Arbitraries.of(PROBES.instants),
            Arbitraries.of(CLAIMANTS),
            Arbitraries.of(1L, 90L),
            Arbitraries.integers().between(0, 3))
        .as((now, who, seconds, limit) -> Write.claimDue(now, new Claim(who, now.plusSeconds(seconds)), limit));
  }

  /** An existing notification delivered, or retried later, released by one of the two nodes. */
  private static Arbitrary<Write> deliveries(ModelledStore state) {
    List<AccessNotification> existing = new ArrayList<>(state.model.notifications.values());
    return Combinators.combine(
            Arbitraries.of(existing), Arbitraries.of(PROBES.instants), Arbitraries.of(true, false), Arbitraries.of(CLAIMANTS))
        .as((n, t, deliver, who) -> Write.release(deliver ? Fixtures.delivered(n, t) : Fixtures.retried(n, t), who));
  }

  /**
   * A review of a notification from the pool (there may be none), for its local authority:
   * inserted, or now and then an update of the review it may already have.
   */
  private static Arbitrary<Write> reviews(ModelledStore state) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, newReviews(state).map(Write::insertReview)),
        Tuple.of(1, newReviews(state).map(Write::updateReview)));
  }

  private static Arbitrary<Review> newReviews(ModelledStore state) {
    return Combinators.combine(
            CpisArbitraries.reviews(),
            Arbitraries.of(PROBES.notificationIds),
            Arbitraries.of(PROBES.localAuthorities))
        .as(
            (r, id, anyLa) -> {
              OdsCode la =
                  state.model.notifications.containsKey(id)
                      ? state.model.notifications.get(id).localAuthority()
                      : anyLa;
              return Review.builder().from(r).notificationId(id).localAuthority(la).build();
            });
  }

  /** An audit record, its id from a small pool so that repeats happen. */
  private static Arbitrary<Write> appends() {
    return Combinators.combine(CpisArbitraries.auditRecords(), Arbitraries.of(AUDIT_IDS))
        .as((r, id) -> AuditRecord.builder().from(r).id(id).build())
        .map(Write::append);
  }

  /**
   * A seal of an unsealed record (or of one from the pool that may be sealed or absent), mostly
   * with the next sequence, sometimes with one that is taken.
   */
  private static Arbitrary<Write> seals(ModelledStore state) {
    long next = state.model.nextSequence();
    List<AuditRecord> candidates = new ArrayList<>(state.model.unsealed.values());
    Arbitrary<AuditRecord> records =
        Combinators.combine(CpisArbitraries.auditRecords(), Arbitraries.of(AUDIT_IDS))
            .as((r, id) -> AuditRecord.builder().from(r).id(id).build());
    if (!candidates.isEmpty()) {
      records = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(candidates)), Tuple.of(1, records));
    }
    Arbitrary<Long> sequences =
        Arbitraries.frequencyOf(
            List.of(Tuple.of(6, Arbitraries.just(next)), Tuple.of(1, Arbitraries.just(Math.max(1, next - 1)))));
    return Combinators.combine(records, sequences, CpisArbitraries.auditEntries())
        .as((r, sequence, e) -> AuditEntry.builder().from(e).record(r).sequence(sequence).previousHash(sequence == 1 ? "" : e.previousHash()).build())
        .map(Write::seal);
  }
}
