package org.cpis.audit;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.cpis.model.AuditEntry;
import org.cpis.rules.AuditLeaf;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.MerkleTree;

/**
 * That one audit entry is in the log a checkpoint covers: the audit path of RFC 9162 §2.1.3,
 * verifiable with nothing but the entry, this proof and the (verified) checkpoint.
 *
 * @param sequence the entry's sequence number (its leaf index plus one)
 * @param treeSize the size of the tree the proof is for
 * @param hashes the audit path, from the leaf upward, in lower-case hex
 */
public record InclusionProof(long sequence, long treeSize, List<String> hashes) {

  public InclusionProof {
    Objects.requireNonNull(hashes, "hashes");
    hashes = List.copyOf(hashes);
  }

  /** Whether it proves that {@code entry}, as it is, is entry {@link #sequence()} of {@code checkpoint}'s tree. */
  public boolean verify(AuditEntry entry, Checkpoint checkpoint) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(checkpoint, "checkpoint");
    return entry.sequence() == sequence
        && checkpoint.size() == treeSize
        && MerkleTree.verifyInclusion(sequence - 1, treeSize, AuditLeaf.hash(entry), bytes(hashes), checkpoint.root());
  }

  static List<byte[]> bytes(List<String> hex) {
    HexFormat f = HexFormat.of();
    return hex.stream().map(f::parseHex).toList();
  }
}
