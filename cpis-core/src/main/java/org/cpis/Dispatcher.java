package org.cpis;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.RecordId;
import org.cpis.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox dispatcher (design rule 7): hands pending notifications to the {@link Notifier}
 * outside any store transaction, and only after it returns marks them delivered; when it throws,
 * counts the failure and sets the next attempt after the {@link RetryPolicy}'s back-off. A
 * notification is never lost: until it is marked delivered it stays pending. Delivery is at least
 * once (the process may stop between the notifier's return and the mark); within one engine, a
 * notification being delivered is not handed to the notifier again at the same time.
 */
final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Engine engine;
  private final Set<RecordId> inFlight = ConcurrentHashMap.newKeySet();

  Dispatcher(Engine engine) {
    this.engine = engine;
  }

  /** One pass: every notification pending and due now, in batches. */
  DispatchReport dispatchDue() {
    Instant at = engine.now();
    Set<RecordId> seen = new HashSet<>();
    int delivered = 0;
    int failed = 0;
    while (true) {
      List<AccessNotification> due =
          engine.inTransaction(tx -> tx.notifications().findPendingDue(at, engine.dispatchBatchSize));
      boolean progress = false;
      for (AccessNotification n : due) {
        if (!seen.add(n.id())) {
          continue;
        }
        progress = true;
        Optional<Boolean> outcome = attempt(n);
        if (outcome.isPresent()) {
          if (outcome.get()) {
            delivered++;
          } else {
            failed++;
          }
        }
      }
      if (!progress || due.size() < engine.dispatchBatchSize) {
        break;
      }
    }
    if (delivered + failed > 0) {
      LOG.debug("Outbox pass: {} notifications delivered, {} failed", delivered, failed);
    }
    return DispatchReport.builder().at(at).delivered(delivered).failed(failed).build();
  }

  /** Best effort, right after the check that created them: never throws. */
  void deliverNow(List<AccessNotification> created) {
    for (AccessNotification n : created) {
      try {
        attempt(n);
      } catch (RuntimeException e) {
        LOG.warn(
            "Immediate delivery of notification {} could not be completed ({}); the outbox will retry",
            n.id(),
            e.getClass().getName());
      }
    }
  }

  /**
   * Tries to deliver one notification: empty if another delivery of it is under way in this
   * engine or it is no longer pending, else whether the notifier accepted it.
   */
  private Optional<Boolean> attempt(AccessNotification n) {
    if (!inFlight.add(n.id())) {
      return Optional.empty();
    }
    try {
      Optional<AccessNotification> pending =
          engine.inTransaction(tx -> findPending(tx, n.id()));
      if (pending.isEmpty()) {
        return Optional.empty();
      }
      try {
        engine.notifier.deliver(pending.get());
      } catch (Exception e) {
        recordFailure(n, e);
        return Optional.of(false);
      }
      markDelivered(n.id());
      return Optional.of(true);
    } finally {
      inFlight.remove(n.id());
    }
  }

  private void markDelivered(RecordId id) {
    Instant now = engine.now();
    engine.run(
        tx -> {
          findPending(tx, id)
              .ifPresent(
                  current ->
                      tx.notifications()
                          .update(
                              AccessNotification.builder()
                                  .from(current)
                                  .deliveryStatus(DeliveryStatus.DELIVERED)
                                  .deliveredAt(now)
                                  .build()));
        });
    LOG.debug("Notification {} delivered", id);
  }

  /**
   * Counts the failure and sets the next attempt. The notifier's message is not logged, only its
   * type, because a notifier's exception may quote the notification, NHS number and all.
   */
  private void recordFailure(AccessNotification n, Exception e) {
    Instant now = engine.now();
    Optional<AccessNotification> updated =
        engine.inTransaction(
            tx ->
                findPending(tx, n.id())
                    .map(
                        current -> {
                          int failures = current.failedAttempts() + 1;
                          AccessNotification next =
                              AccessNotification.builder()
                                  .from(current)
                                  .failedAttempts(failures)
                                  .nextAttemptAt(now.plus(engine.retry.backoffAfter(failures)))
                                  .build();
                          tx.notifications().update(next);
                          return next;
                        }));
    updated.ifPresent(
        next ->
            LOG.warn(
                "Delivery of notification {} to local authority {} failed ({}), attempt {}; next attempt at {}",
                next.id(),
                next.localAuthority(),
                e.getClass().getName(),
                next.failedAttempts(),
                next.nextAttemptAt()));
  }

  /** The notification, if it is still pending delivery. */
  private static Optional<AccessNotification> findPending(StoreTransaction tx, RecordId id) {
    return tx.notifications().find(id).filter(n -> n.deliveryStatus() == DeliveryStatus.PENDING);
  }
}
