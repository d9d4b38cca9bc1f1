package org.cpis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cpis.audit.SignedCheckpoint;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.AuditTreeNode;
import org.cpis.rules.AuditChain;
import org.cpis.rules.AuditLeaf;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.MerkleTree;
import org.cpis.store.StoreTransaction;
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
 *
 * <p>In the same transaction, each batch extends the log's Merkle tree ({@link MerkleTree}): it
 * reads the tree's right edge (O(log n) nodes), appends each entry's leaf ({@link AuditLeaf}) and
 * writes the subtrees they complete; with a {@link org.cpis.audit.CheckpointSigner} it signs a
 * checkpoint of the new size and keeps it in the store. After the batch commits, the checkpoint
 * goes to the {@link org.cpis.audit.CheckpointPublisher}.
 */
final class AuditSealer {

  /** The name of the sealer's lease. */
  static final String LEASE = "cpis-audit-sealer";

  private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

  private final Engine engine;

  AuditSealer(Engine engine) {
    this.engine = engine;
  }

  /** One batch's outcome. */
  private record Batch(int sealed, Optional<SignedCheckpoint> checkpoint) {}

  /**
   * Seals every record unsealed when it starts, and those appended meanwhile, batch by batch.
   *
   * @return how many records it sealed; empty if another node holds the lease
   */
  Optional<Integer> sealPending() {
    int sealed = 0;
    while (true) {
      Instant now = engine.now();
      Optional<Batch> batch =
          engine.inTransaction(
              tx -> {
                if (!tx.leases().acquire(LEASE, engine.nodeId, now, now.plus(engine.leaseDuration))) {
                  return Optional.<Batch>empty();
                }
                Optional<AuditEntry> last = tx.audit().last();
                List<AuditRecord> unsealed = tx.audit().findUnsealed(engine.sealBatchSize);
                Optional<SignedCheckpoint> checkpoint = Optional.empty();
                if (!unsealed.isEmpty()) {
                  MerkleTree.Frontier tree = frontier(tx, last.map(AuditEntry::sequence).orElse(0L));
                  List<MerkleTree.Node> written = new ArrayList<>(unsealed.size() * 2 + 64);
                  for (AuditRecord record : unsealed) {
                    AuditEntry entry = AuditChain.next(last, record);
                    tx.audit().seal(entry);
                    tree.append(AuditLeaf.hash(entry), written);
                    last = Optional.of(entry);
                  }
                  tx.auditTree().putNodes(spi(written));
                  checkpoint = sign(tx, tree, now);
                }
                if (unsealed.size() < engine.sealBatchSize) {
                  tx.leases().release(LEASE, engine.nodeId);
                }
                return Optional.of(new Batch(unsealed.size(), checkpoint));
              });
      if (batch.isEmpty()) {
        if (sealed == 0) {
          LOG.debug("The audit log is being sealed by another node");
          return Optional.empty();
        }
        break;
      }
      batch.get().checkpoint().ifPresent(this::publish);
      sealed += batch.get().sealed();
      if (batch.get().sealed() < engine.sealBatchSize) {
        break;
      }
    }
    if (sealed > 0) {
      LOG.debug("Sealed {} audit records", sealed);
    }
    return Optional.of(sealed);
  }

  /**
   * The tree's right edge at {@code size}, from the store; if the store has no tree yet for a log
   * sealed before it kept one (a store migrated from an earlier version), the tree is built once
   * from the sealed entries, page by page.
   */
  private MerkleTree.Frontier frontier(StoreTransaction tx, long size) {
    if (size == 0 || tx.auditTree().findNode(0, size - 1).isPresent()) {
      return MerkleTree.frontier(size, nodes(tx));
    }
    LOG.info("The audit log's Merkle tree is missing: building it once from the {} sealed entries", size);
    MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
    while (tree.size() < size) {
      List<MerkleTree.Node> written = new ArrayList<>();
      for (AuditEntry e : tx.audit().read(tree.size() + 1, (int) Math.min(1_000, size - tree.size()))) {
        tree.append(AuditLeaf.hash(e), written);
      }
      tx.auditTree().putNodes(spi(written));
    }
    return tree;
  }

  private Optional<SignedCheckpoint> sign(StoreTransaction tx, MerkleTree.Frontier tree, Instant now) {
    if (engine.checkpointSigner.isEmpty()) {
      return Optional.empty();
    }
    SignedCheckpoint signed =
        engine.checkpointSigner.get()
            .sign(new Checkpoint(engine.checkpointSigner.get().origin(), tree.size(), tree.root(), Optional.of(now)));
    tx.auditTree().putCheckpoint(AuditCheckpoint.of(tree.size(), signed.note()));
    return Optional.of(signed);
  }

  private void publish(SignedCheckpoint checkpoint) {
    try {
      engine.checkpointPublisher.publish(checkpoint);
    } catch (RuntimeException e) {
      LOG.warn(
          "Publishing the audit checkpoint of size {} failed ({}); the next batch's checkpoint covers it",
          checkpoint.checkpoint().size(),
          e.getClass().getName());
    }
  }

  /** The stored tree as a {@link MerkleTree.NodeSource}; a missing node is an error. */
  static MerkleTree.NodeSource nodes(StoreTransaction tx) {
    HexFormat hex = HexFormat.of();
    return (level, index) ->
        hex.parseHex(
            tx.auditTree()
                .findNode(level, index)
                .orElseThrow(() -> new IllegalStateException("the audit log's Merkle tree has no node " + level + "/" + index))
                .hash());
  }

  private static List<AuditTreeNode> spi(List<MerkleTree.Node> nodes) {
    HexFormat hex = HexFormat.of();
    List<AuditTreeNode> out = new ArrayList<>(nodes.size());
    for (MerkleTree.Node n : nodes) {
      out.add(AuditTreeNode.of(n.level(), n.index(), hex.formatHex(n.hash())));
    }
    return out;
  }
}
