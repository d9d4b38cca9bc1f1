package org.cpis.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.store.Claim;
import java.time.Instant;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;

/**
 * One write operation of the store SPI, done both on a store and on a {@link ReferenceModel}: the
 * steps of the kit's state machine.
 */
final class Write {

  private final String description;
  private final Function<ReferenceModel, Optional<Class<? extends StoreException>>> refusal;
  private final BiConsumer<StoreTransaction, ReferenceModel> apply;

  private Write(
      String description,
      Function<ReferenceModel, Optional<Class<? extends StoreException>>> refusal,
      BiConsumer<StoreTransaction, ReferenceModel> apply) {
    this.description = description;
    this.refusal = refusal;
    this.apply = apply;
  }

  private static Write write(
      String description,
      Function<ReferenceModel, Optional<Class<? extends StoreException>>> refusal,
      BiConsumer<StoreTransaction, ReferenceModel> apply) {
    return new Write(description, refusal, apply);
  }

  /** The exception the store must throw for this write on a store that holds {@code model}, if any. */
  Optional<Class<? extends StoreException>> refusal(ReferenceModel model) {
    return refusal.apply(model);
  }

  /**
   * Does the write through {@code tx}, checks what the store returned against {@code model}, and
   * then applies the write to {@code model}. Only called when {@link #refusal} is empty.
   */
  void apply(StoreTransaction tx, ReferenceModel model) {
    apply.accept(tx, model);
  }

  @Override
  public String toString() {
    return description;
  }

  private static Optional<Class<? extends StoreException>> duplicateIf(boolean exists) {
    return exists ? Optional.of(DuplicateRecordException.class) : Optional.empty();
  }

  private static Optional<Class<? extends StoreException>> notFoundIf(boolean missing) {
    return missing ? Optional.of(RecordNotFoundException.class) : Optional.empty();
  }

  static Write insertLocalAuthority(LocalAuthority la) {
    return write(
        "insert local authority " + la.odsCode(),
        m -> duplicateIf(m.localAuthorities.containsKey(la.odsCode())),
        (tx, m) -> {
          tx.localAuthorities().insert(la);
          m.localAuthorities.put(la.odsCode(), la);
        });
  }

  static Write updateLocalAuthority(LocalAuthority la) {
    return write(
        "update local authority " + la.odsCode(),
        m -> notFoundIf(!m.localAuthorities.containsKey(la.odsCode())),
        (tx, m) -> {
          tx.localAuthorities().update(la);
          m.localAuthorities.put(la.odsCode(), la);
        });
  }

  static Write insertPlan(ProtectionPlan plan) {
    return write(
        "insert plan " + plan.id(),
        m -> duplicateIf(m.plans.containsKey(plan.id())),
        (tx, m) -> {
          tx.plans().insert(plan);
          m.plans.put(plan.id(), plan);
        });
  }

  static Write updatePlan(ProtectionPlan plan) {
    return write(
        "update plan " + plan.id(),
        m -> notFoundIf(!m.plans.containsKey(plan.id())),
        (tx, m) -> {
          tx.plans().update(plan);
          m.plans.put(plan.id(), plan);
        });
  }

  static Write deletePlan(PlanId id) {
    return write(
        "delete plan " + id,
        m -> Optional.empty(),
        (tx, m) -> {
          assertEquals(m.plans.containsKey(id), tx.plans().delete(id), "delete(" + id + ") says whether there was one");
          m.plans.remove(id);
        });
  }

  static Write insertEvent(AccessEvent event) {
    return write(
        "insert access event " + event.id() + " at " + event.accessedAt(),
        m -> duplicateIf(m.events.containsKey(event.id())),
        (tx, m) -> {
          tx.accessEvents().insert(event);
          m.events.put(event.id(), event);
        });
  }

  static Write insertNotification(AccessNotification n) {
    return write(
        "insert notification " + n.id() + " (" + n.deliveryStatus() + ")",
        m -> duplicateIf(m.notifications.containsKey(n.id())),
        (tx, m) -> {
          tx.notifications().insert(n);
          m.notifications.put(n.id(), n);
        });
  }

  static Write claimDue(Instant now, Claim claim, int limit) {
    return write(
        "claim due at " + now + " for " + claim.claimant() + " until " + claim.until() + ", limit " + limit,
        m -> Optional.empty(),
        (tx, m) ->
            assertEquals(
                m.claimDue(now, claim, limit),
                tx.notifications().claimDue(now, claim, limit),
                "notifications claimed"));
  }

  static Write release(AccessNotification n, String claimant) {
    return write(
        "release notification " + n.id() + " by " + claimant + " (" + n.deliveryStatus() + ", next attempt " + n.nextAttemptAt() + ")",
        m -> Optional.empty(),
        (tx, m) -> assertEquals(m.release(n, claimant), tx.notifications().release(n, claimant), "released"));
  }

  static Write insertReview(Review review) {
    return write(
        "review notification " + review.notificationId(),
        m ->
            m.notifications.containsKey(review.notificationId())
                ? duplicateIf(m.reviews.containsKey(review.notificationId()))
                : Optional.of(RecordNotFoundException.class),
        (tx, m) -> {
          tx.reviews().insert(review);
          m.reviews.put(review.notificationId(), review);
        });
  }

  static Write updateReview(Review review) {
    return write(
        "update review of notification " + review.notificationId(),
        m -> notFoundIf(!m.reviews.containsKey(review.notificationId())),
        (tx, m) -> {
          tx.reviews().update(review);
          m.reviews.put(review.notificationId(), review);
        });
  }

  static Write append(AuditRecord record) {
    return write(
        "append audit record " + record.id(),
        m -> duplicateIf(m.auditIdTaken(record.id())),
        (tx, m) -> {
          tx.audit().append(record);
          m.unsealed.put(record.id(), record);
        });
  }

  static Write seal(AuditEntry entry) {
    return write(
        "seal audit record " + entry.id() + " as " + entry.sequence(),
        m ->
            !m.unsealed.containsKey(entry.id())
                ? Optional.of(RecordNotFoundException.class)
                : duplicateIf(m.audit.containsKey(entry.sequence())),
        (tx, m) -> {
          tx.audit().seal(entry);
          // The stored record's content is kept, whatever the entry carries.
          AuditRecord stored = m.unsealed.remove(entry.id());
          m.audit.put(entry.sequence(), AuditEntry.builder().from(entry).record(stored).build());
        });
  }

  static Write insertReceipt(UploadReceipt receipt) {
    return write(
        "insert upload receipt " + receipt.id(),
        m -> duplicateIf(m.uploads.containsKey(receipt.id())),
        (tx, m) -> {
          tx.uploads().insert(receipt);
          m.uploads.put(receipt.id(), receipt);
        });
  }

  /** Purges a subject as the engine does: its plans one by one, then its accesses and notifications. */
  static Write purge(NhsNumber subject) {
    return write(
        "purge subject " + subject,
        m -> Optional.empty(),
        (tx, m) -> {
          List<ProtectionPlan> plans = tx.plans().findBySubject(subject);
          assertEquals(m.plansBySubject(subject), plans, "plans of the subject before the purge");
          plans.forEach(p -> tx.plans().delete(p.id()));
          m.plans.keySet().removeAll(plans.stream().map(ProtectionPlan::id).collect(Collectors.toList()));
          assertEquals(
              m.deleteEventsBySubject(subject),
              tx.accessEvents().deleteBySubject(subject),
              "accesses deleted by subject");
          assertEquals(
              m.deleteNotificationsBySubject(subject),
              tx.notifications().deleteBySubject(subject),
              "notifications deleted by subject");
        });
  }
}
