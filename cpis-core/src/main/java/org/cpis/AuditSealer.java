package org.cpis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.rules.AuditChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the audit log (design rule 9) after the transactions that wrote it: one node at a time,
 * holding the lease {@value #LEASE}, takes the oldest unsealed records in batches and chains each
 * to the last sealed entry with {@link AuditChain#next}. Each batch renews the lease in its own
 * transaction, and the last batch of a pass gives it up; so a sealer that stops mid-pass is
 * replaced by another node once its lease expires, and two sealers can never both seal (the
 * second one's lease write conflicts with the first's, and the store refuses a sequence twice).
 * No check or upload waits for it.
 */
final class AuditSealer {

  /** The name of the sealer's lease. */
  static final String LEASE = "cpis-audit-sealer";

  private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

  private final Engine engine;

  AuditSealer(Engine engine) {
    this.engine = engine;
  }

  /**
   * Seals every record unsealed when it starts, and those appended meanwhile, batch by batch.
   *
   * @return how many records it sealed; empty if another node holds the lease
   */
  Optional<Integer> sealPending() {
    int sealed = 0;
    while (true) {
      Instant now = engine.now();
      Optional<Integer> batch =
          engine.inTransaction(
              tx -> {
                if (!tx.leases().acquire(LEASE, engine.nodeId, now, now.plus(engine.leaseDuration))) {
                  return Optional.<Integer>empty();
                }
                Optional<AuditEntry> last = tx.audit().last();
                List<AuditRecord> unsealed = tx.audit().findUnsealed(engine.sealBatchSize);
                for (AuditRecord record : unsealed) {
                  AuditEntry entry = AuditChain.next(last, record);
                  tx.audit().seal(entry);
                  last = Optional.of(entry);
                }
                if (unsealed.size() < engine.sealBatchSize) {
                  tx.leases().release(LEASE, engine.nodeId);
                }
                return Optional.of(unsealed.size());
              });
      if (batch.isEmpty()) {
        if (sealed == 0) {
          LOG.debug("The audit log is being sealed by another node");
          return Optional.empty();
        }
        break;
      }
      sealed += batch.get();
      if (batch.get() < engine.sealBatchSize) {
        break;
      }
    }
    if (sealed > 0) {
      LOG.debug("Sealed {} audit records", sealed);
    }
    return Optional.of(sealed);
  }
}
