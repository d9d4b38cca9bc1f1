package org.cpis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.rules.EpisodePolicy;
import org.cpis.rules.RepeatAttendancePolicy;
import org.cpis.rules.RetentionPolicy;
import org.cpis.rules.ServiceLevels;
import org.cpis.store.CpisStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;
import org.cpis.store.TransientStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's configuration and the steps every face shares: time, ids, transactions, audit. */
final class Engine {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

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
  final TransactionRetryPolicy transactionRetry;
  /** This engine's name among the nodes sharing the store: it holds leases and claims. */
  final String nodeId;
  final Duration leaseDuration;
  final int sealBatchSize;
  /** Signs the audit log's checkpoints; without one, the tree is kept but no checkpoint signed. */
  final Optional<org.cpis.audit.CheckpointSigner> checkpointSigner;
  final org.cpis.audit.CheckpointPublisher checkpointPublisher;
  final EpisodePolicy episodes;
  final RepeatAttendancePolicy repeatAttendance;

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
    this.transactionRetry = b.transactionRetryPolicy;
    this.nodeId = b.nodeId;
    this.leaseDuration = b.leaseDuration;
    this.sealBatchSize = b.sealBatchSize;
    this.checkpointSigner = Optional.ofNullable(b.checkpointSigner);
    this.checkpointPublisher = b.checkpointPublisher;
    this.episodes = b.episodePolicy;
    this.repeatAttendance = b.repeatAttendancePolicy;
    this.lastDay = Day.of(Instant.EPOCH, zone);
  }

  /** The clock's instant to the microsecond: the one precision of every instant the engine writes. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The calendar day of {@code instant} in the engine's zone: the day every date rule uses. The
   * zone's rules are asked only when the instant falls outside the day last asked for: a check
   * then costs two comparisons of instants rather than a search of the zone's transitions.
   */
  LocalDate dayOf(Instant instant) {
    Day day = lastDay;
    if (!day.contains(instant)) {
      day = Day.of(instant, zone);
      lastDay = day;
    }
    return day.date;
  }

  /** The day {@link #dayOf} last returned, read and replaced whole by any thread. */
  private volatile Day lastDay;

  /** A calendar day in a zone: the instants from its first moment up to the next day's. */
  static final class Day {
    final LocalDate date;
    private final Instant start;
    private final Instant end;

    private Day(LocalDate date, Instant start, Instant end) {
      this.date = date;
      this.start = start;
      this.end = end;
    }

    static Day of(Instant instant, ZoneId zone) {
      LocalDate date = instant.atZone(zone).toLocalDate();
      return new Day(
          date, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }
  }

  RecordId newId() {
    return RecordId.of(ids.get());
  }

  /**
   * Runs {@code work} in one store transaction, and again after a {@link TransientStoreException}
   * as the {@link TransactionRetryPolicy} allows. {@code work} may therefore run more than once:
   * it must have no effect outside the store, and take its time and ids inside itself so that a
   * new run starts afresh.
   *
   * @throws TransactionRetriesExhaustedException if every allowed run failed transiently
   */
  <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.inTransaction(work);
      } catch (TransientStoreException e) {
        if (attempt >= transactionRetry.maxAttempts()) {
          LOG.warn("A unit of work failed transiently {} times; giving up", attempt);
          throw new TransactionRetriesExhaustedException(attempt, e);
        }
        LOG.debug("A unit of work failed transiently (attempt {}); running it again", attempt);
        pause(transactionRetry.jitteredBackoffNanos(attempt, ThreadLocalRandom.current()));
      }
    }
  }

  private static void pause(long nanos) {
    if (nanos > 0) {
      LockSupport.parkNanos(nanos);
    }
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting to run a unit of work again; nothing was applied");
    }
  }


  /**
   * Data minimisation (design rule 9): when {@code subject} has no plan left, nor any number linked
   * to it, their access events and notifications (with their reviews) are deleted in the caller's
   * transaction.
   *
   * @return how many access events and notifications were deleted: {@code {events, notifications}}
   */
  int[] forgetIfNoPlanLeft(StoreTransaction tx, NhsNumber subject) {
    if (!tx.plans().findBySubject(subject).isEmpty()) {
      return new int[] {0, 0};
    }
    // The child may be known by linked numbers too (issue 12): forget only when none holds a plan.
    LinkedNumbers linked = LinkedNumbers.of(tx, subject);
    if (linked.isLinked() && !linked.plans(tx).isEmpty()) {
      return new int[] {0, 0};
    }
    int[] forgotten = new int[2];
    for (NhsNumber n : linked.numbers) {
      forgotten[0] += tx.accessEvents().deleteBySubject(n);
      forgotten[1] += tx.notifications().deleteBySubject(n);
    }
    return forgotten;
  }

  LocalAuthority requireLocalAuthority(StoreTransaction tx, OdsCode odsCode) {
    return tx.localAuthorities()
        .find(odsCode)
        .orElseThrow(() -> new UnknownLocalAuthorityException(odsCode));
  }

  /**
   * Appends an audit record in the caller's transaction. It reads nothing of the log: the record
   * is sealed into the hash chain after commit by the {@link AuditSealer}.
   */
  void audit(
      StoreTransaction tx,
      Instant at,
      AuditAction action,
      String actor,
      Optional<OdsCode> organisation,
      Optional<CareSetting> setting,
      Optional<NhsNumber> subject,
      String detail) {
    tx.audit()
        .append(
            AuditRecord.builder()
                .id(newId())
                .at(at)
                .action(action)
                .actor(actor)
                .organisation(organisation)
                .setting(setting)
                .subject(subject)
                .detail(detail)
                .build());
  }
}
