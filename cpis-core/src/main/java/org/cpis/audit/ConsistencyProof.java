package org.cpis.audit;

import java.util.List;
import java.util.Objects;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.MerkleTree;

/**
 * That an older checkpoint's log is a prefix of a newer one's: nothing it covered was changed,
 * removed or reordered since. RFC 9162 §2.1.4, verifiable with nothing but the two (verified)
 * checkpoints and this proof.
 *
 * @param firstSize the older tree's size
 * @param secondSize the newer tree's size
 * @param hashes the proof's hashes in lower-case hex
 */
public record ConsistencyProof(long firstSize, long secondSize, List<String> hashes) {

  public ConsistencyProof {
    Objects.requireNonNull(hashes, "hashes");
    hashes = List.copyOf(hashes);
  }

  /** Whether it proves that {@code older}'s tree is a prefix of {@code newer}'s (both of one origin). */
  public boolean verify(Checkpoint older, Checkpoint newer) {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    return older.origin().equals(newer.origin())
        && older.size() == firstSize
        && newer.size() == secondSize
        && MerkleTree.verifyConsistency(firstSize, secondSize, InclusionProof.bytes(hashes), older.root(), newer.root());
  }
}
