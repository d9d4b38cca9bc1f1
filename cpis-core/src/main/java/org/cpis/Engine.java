package org.cpis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.rules.AuditChain;
import org.cpis.rules.RetentionPolicy;
import org.cpis.rules.ServiceLevels;
import org.cpis.store.CpisStore;
import org.cpis.store.StoreTransaction;

/** The engine's configuration and the steps every face shares: time, ids, transactions, audit. */
final class Engine {

  final CpisStore store;
  final Notifier notifier;
  final Clock clock;
  final ZoneId zone;
  final RetentionPolicy retention;
  final ServiceLevels levels;
  final DemographicsVerifier demographics;
  final RetryPolicy retry;
  private final Supplier<String> ids;
  final int dispatchBatchSize;
  final boolean dispatchAfterCheck;

  Engine(Cpis.Builder b) {
    this.store = b.store;
    this.notifier = b.notifier;
    this.clock = b.clock;
    this.zone = b.zone;
    this.retention = b.retentionPolicy;
    this.levels = b.serviceLevels;
    this.demographics = b.demographics;
    this.retry = b.retryPolicy;
    this.ids = b.idSupplier;
    this.dispatchBatchSize = b.dispatchBatchSize;
    this.dispatchAfterCheck = b.dispatchAfterCheck;
  }

  Instant now() {
    return clock.instant();
  }

  /** The calendar day of {@code instant} in the engine's zone: the day every date rule uses. */
  LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  RecordId newId() {
    return RecordId.of(ids.get());
  }

  <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    return store.inTransaction(work);
  }

  /** Runs work that returns nothing in one transaction. */
  void run(Consumer<? super StoreTransaction> work) {
    store.runInTransaction(work);
  }

  /**
   * Data minimisation (design rule 9): when {@code subject} has no plan left, its access events
   * and notifications (with their reviews) are deleted in the caller's transaction.
   *
   * @return how many access events and notifications were deleted: {@code {events, notifications}}
   */
  int[] forgetIfNoPlanLeft(StoreTransaction tx, NhsNumber subject) {
    if (!tx.plans().findBySubject(subject).isEmpty()) {
      return new int[] {0, 0};
    }
    return new int[] {
      tx.accessEvents().deleteBySubject(subject), tx.notifications().deleteBySubject(subject)
    };
  }

  LocalAuthority requireLocalAuthority(StoreTransaction tx, OdsCode odsCode) {
    return tx.localAuthorities()
        .find(odsCode)
        .orElseThrow(() -> new UnknownLocalAuthorityException(odsCode));
  }

  /** Appends the next audit entry, chained to the last, in the caller's transaction. */
  void audit(
      StoreTransaction tx,
      Instant at,
      AuditAction action,
      String actor,
      Optional<OdsCode> organisation,
      Optional<CareSetting> setting,
      Optional<NhsNumber> subject,
      String detail) {
    AuditEntry entry =
        AuditChain.next(
            tx.audit().last(),
            AuditEntry.builder()
                .at(at)
                .action(action)
                .actor(actor)
                .organisation(organisation)
                .setting(setting)
                .subject(subject)
                .detail(detail));
    tx.audit().append(entry);
  }
}
