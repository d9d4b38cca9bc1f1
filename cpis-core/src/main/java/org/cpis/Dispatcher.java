package org.cpis;

import java.time.Instant;
import java.util.List;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.store.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox dispatcher (design rule 7), safe for several nodes sharing one store. A pass
 * {@link org.cpis.store.NotificationStore#claimDue claims} due notifications for this engine's
 * node for the lease duration, hands each to the {@link Notifier} outside any store
 * transaction, and only after it returns {@link org.cpis.store.NotificationStore#release
 * releases} it as delivered; when the notifier throws, it releases it with the failure counted
 * and the next attempt after the {@link RetryPolicy}'s back-off. A notification is never lost:
 * until it is marked delivered it stays pending, and a claim whose node stopped expires. Delivery
 * is at least once (the process may stop between the notifier's return and the mark); while the
 * nodes are healthy, no notification is handed to the notifier twice, because a claimed one is
 * given to nobody else. A mark that fails is logged and leaves the claim to expire: it never
 * aborts the pass.
 */
final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Engine engine;

  Dispatcher(Engine engine) {
    this.engine = engine;
  }

  /** The claim a delivery starting at {@code now} takes. */
  Claim claimFrom(Instant now) {
    return new Claim(engine.nodeId, now.plus(engine.leaseDuration));
  }

  /** One pass: every notification pending and due now, claimed in batches. */
  DispatchReport dispatchDue() {
    Instant at = engine.now();
    Claim claim = claimFrom(at);
    int delivered = 0;
    int failed = 0;
    List<AccessNotification> claimed;
    do {
      claimed =
          engine.inTransaction(tx -> tx.notifications().claimDue(at, claim, engine.dispatchBatchSize));
      for (AccessNotification n : claimed) {
        if (attempt(n)) {
          delivered++;
        } else {
          failed++;
        }
      }
    } while (claimed.size() == engine.dispatchBatchSize);
    logPass(delivered, failed);
    return DispatchReport.builder().at(at).delivered(delivered).failed(failed).build();
  }

  /** Log only: PIT leaves {@code log*} methods alone (docs/safety/safety-case.md). */
  private static void logPass(int delivered, int failed) {
    if (delivered + failed > 0) {
      LOG.debug("Outbox pass: {} notifications delivered, {} failed", delivered, failed);
    }
  }

  /**
   * Delivers notifications that the check which created them inserted already claimed by this
   * node, right after it committed. Best effort: never throws.
   */
  void deliverNow(List<AccessNotification> created) {
    created.forEach(this::attempt);
  }

  /**
   * Delivers one notification this node has claimed, and releases it with the outcome.
   *
   * @return whether the notifier accepted it
   */
  private boolean attempt(AccessNotification n) {
    try {
      engine.notifier.deliver(n);
    } catch (Exception e) {
      recordFailure(n, e);
      return false;
    }
    release(
        AccessNotification.builder()
            .from(n)
            .deliveryStatus(DeliveryStatus.DELIVERED)
            .deliveredAt(engine.now())
            .build(),
        "delivered");
    return true;
  }

  /**
   * Counts the failure and sets the next attempt. The notifier's message is not logged, only its
   * type, because a notifier's exception may quote the notification, NHS number and all.
   */
  private void recordFailure(AccessNotification n, Exception e) {
    int failures = n.failedAttempts() + 1;
    AccessNotification next =
        AccessNotification.builder()
            .from(n)
            .failedAttempts(failures)
            .nextAttemptAt(engine.now().plus(engine.retry.backoffAfter(failures)))
            .build();
    LOG.warn(
        "Delivery of notification {} to local authority {} failed ({}), attempt {}; next attempt at {}",
        next.id(),
        next.localAuthority(),
        e.getClass().getName(),
        failures,
        next.nextAttemptAt());
    release(next, "rescheduled");
  }

  /** Stores the outcome and gives the claim up; a failure here is logged, never thrown. */
  private void release(AccessNotification outcome, String what) {
    boolean released;
    try {
      released = engine.inTransaction(tx -> tx.notifications().release(outcome, engine.nodeId));
    } catch (RuntimeException e) {
      LOG.warn(
          "Notification {} could not be marked {} ({}); its claim will expire and it will be retried",
          outcome.id(),
          what,
          e.getClass().getName());
      return;
    }
    if (released) {
      LOG.debug("Notification {} {}", outcome.id(), what);
    } else {
      LOG.warn(
          "Notification {} was not marked {}: this node no longer held its claim (expired, or the"
              + " notification was purged)",
          outcome.id(),
          what);
    }
  }
}
