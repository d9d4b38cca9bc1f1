package org.cpis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cpis.audit.AuditJsonLines;
import org.cpis.audit.ConsistencyProof;
import org.cpis.audit.InclusionProof;
import org.cpis.audit.SignedCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.rules.MerkleTree;
import org.cpis.store.StoreTransaction;

/**
 * The engine's reads of the Merkle audit log (design rule 9): the latest checkpoint, proofs made
 * from the stored tree ({@link AuditSealer#nodes}) and the JSON-lines export. Each reads only what
 * it needs: a proof O(log n) nodes, the export one page at a time.
 */
final class MerkleAudit {

  private final Engine engine;

  MerkleAudit(Engine engine) {
    this.engine = engine;
  }

  Optional<SignedCheckpoint> latestCheckpoint() {
    if (engine.checkpointSigner.isEmpty()) {
      return Optional.empty();
    }
    var key = engine.checkpointSigner.get().verifierKey();
    return engine
        .inTransaction(tx -> tx.auditTree().latestCheckpoint())
        .map(c -> SignedCheckpoint.open(c.note(), key));
  }

  InclusionProof inclusionProof(long sequence, long treeSize) {
    return engine.inTransaction(
        tx -> {
          requireSealed(tx, treeSize);
          if (sequence < 1 || sequence > treeSize) {
            throw new IllegalArgumentException("an entry's sequence is from 1 to the tree size " + treeSize + ": " + sequence);
          }
          return new InclusionProof(
              sequence, treeSize, hex(MerkleTree.inclusionProof(sequence - 1, treeSize, AuditSealer.nodes(tx))));
        });
  }

  ConsistencyProof consistencyProof(long first, long second) {
    return engine.inTransaction(
        tx -> {
          requireSealed(tx, second);
          if (first < 0 || first > second) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= first <= second: " + first + ", " + second);
          }
          return new ConsistencyProof(first, second, hex(MerkleTree.consistencyProof(first, second, AuditSealer.nodes(tx))));
        });
  }

  /** Writes the sealed log as JSON lines, {@code page} entries per transaction. */
  long export(Writer out, int page) {
    long written = 0;
    List<AuditEntry> entries;
    do {
      long from = written + 1;
      entries = engine.inTransaction(tx -> tx.audit().read(from, page));
      try {
        for (AuditEntry e : entries) {
          out.write(AuditJsonLines.write(e));
          out.write('\n');
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the audit export", e);
      }
      written += entries.size();
    } while (entries.size() == page);
    return written;
  }

  private static void requireSealed(StoreTransaction tx, long treeSize) {
    long sealed = tx.audit().last().map(AuditEntry::sequence).orElse(0L);
    if (treeSize < 0 || treeSize > sealed) {
      throw new IllegalArgumentException("a tree size is from 0 to the " + sealed + " sealed entries: " + treeSize);
    }
  }

  private static List<String> hex(List<byte[]> hashes) {
    HexFormat f = HexFormat.of();
    return hashes.stream().map(f::formatHex).toList();
  }
}
