package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cpis.audit.ConsistencyProof;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The edges of RFC 9162's proofs that random sizes rarely reach: indexes and sizes just outside
 * the tree, proofs one hash too long or too short, the empty tree, and a consistency proof held
 * against checkpoints it was not made for. Each must be refused, never taken as proof.
 */
class MerkleTreeEdgesTest {

  private static final List<byte[]> LEAVES = MerkleTreeProperties.leaves(7, 1);
  private static final MerkleTree.NodeSource TREE = MerkleTreeProperties.store(LEAVES);
  private static final byte[] ROOT7 = MerkleTree.root(7, TREE);
  private static final byte[] ROOT3 = MerkleTree.root(3, TREE);

  @Test
  @DisplayName("An inclusion proof is refused for an index below 0 or at the tree's size")
  void inclusionOutsideTheTree() {
    List<byte[]> path = MerkleTree.inclusionProof(0, 7, TREE);
    assertThat(MerkleTree.verifyInclusion(0, 7, LEAVES.get(0), path, ROOT7)).isTrue();
    assertThat(MerkleTree.verifyInclusion(-1, 7, LEAVES.get(0), path, ROOT7)).isFalse();
    assertThat(MerkleTree.verifyInclusion(7, 7, LEAVES.get(6), MerkleTree.inclusionProof(6, 7, TREE), ROOT7)).isFalse();
    assertThatThrownBy(() -> MerkleTree.inclusionProof(7, 7, TREE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 7, TREE)).isInstanceOf(IllegalArgumentException.class);
    assertThat(MerkleTree.inclusionProof(6, 7, TREE)).as("the last leaf has a proof").isNotEmpty();
  }

  @Test
  @DisplayName("An inclusion proof with one hash too many or too few is refused")
  void inclusionPathOfTheWrongLength() {
    List<byte[]> path = MerkleTree.inclusionProof(6, 7, TREE);
    List<byte[]> longer = new ArrayList<>(path);
    longer.add(LEAVES.get(0));
    assertThat(MerkleTree.verifyInclusion(6, 7, LEAVES.get(6), longer, ROOT7)).isFalse();
    assertThat(MerkleTree.verifyInclusion(6, 7, LEAVES.get(6), path.subList(0, path.size() - 1), ROOT7)).isFalse();
  }

  @Test
  @DisplayName("A consistency proof is refused for sizes out of order or below 0, and is empty between equal sizes")
  void consistencySizes() {
    List<byte[]> proof = MerkleTree.consistencyProof(3, 7, TREE);
    assertThat(MerkleTree.verifyConsistency(3, 7, proof, ROOT3, ROOT7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(7, 3, proof, ROOT7, ROOT3)).isFalse();
    assertThat(MerkleTree.verifyConsistency(-1, 7, proof, ROOT3, ROOT7)).isFalse();
    assertThat(MerkleTree.verifyConsistency(3, 7, List.of(), ROOT3, ROOT7)).as("no proof").isFalse();
    assertThat(MerkleTree.consistencyProof(7, 7, TREE)).isEmpty();
    assertThat(MerkleTree.verifyConsistency(7, 7, List.of(), ROOT7, ROOT7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(7, 7, List.of(ROOT3), ROOT7, ROOT7)).as("a proof where none is due").isFalse();
    assertThat(MerkleTree.verifyConsistency(7, 7, List.of(), ROOT3, ROOT7)).as("equal sizes, other roots").isFalse();
    assertThatThrownBy(() -> MerkleTree.consistencyProof(8, 7, TREE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.consistencyProof(-1, 7, TREE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The empty tree is a prefix of every tree, with an empty proof and the empty root only")
  void consistencyFromTheEmptyTree() {
    assertThat(MerkleTree.consistencyProof(0, 7, TREE)).isEmpty();
    assertThat(MerkleTree.verifyConsistency(0, 7, List.of(), MerkleTree.emptyRoot(), ROOT7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 7, List.of(), ROOT3, ROOT7)).isFalse();
    assertThat(MerkleTree.verifyConsistency(0, 7, List.of(ROOT3), MerkleTree.emptyRoot(), ROOT7)).isFalse();
    assertThat(MerkleTree.root(0, TREE)).isEqualTo(MerkleTree.emptyRoot());
    assertThatThrownBy(() -> MerkleTree.root(-1, TREE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleTree.frontier(-1, TREE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("A consistency proof holds only between the two checkpoints it was made for")
  void consistencyProofAgainstCheckpoints() {
    HexFormat hex = HexFormat.of();
    List<String> hashes = MerkleTree.consistencyProof(3, 7, TREE).stream().map(hex::formatHex).toList();
    ConsistencyProof proof = new ConsistencyProof(3, 7, hashes);
    Checkpoint older = new Checkpoint("cpis.test/audit", 3, ROOT3, Optional.empty());
    Checkpoint newer = new Checkpoint("cpis.test/audit", 7, ROOT7, Optional.empty());

    assertThat(proof.verify(older, newer)).isTrue();
    assertThat(proof.verify(new Checkpoint("cpis.other/audit", 3, ROOT3, Optional.empty()), newer)).as("another log").isFalse();
    assertThat(proof.verify(new Checkpoint("cpis.test/audit", 4, MerkleTree.root(4, TREE), Optional.empty()), newer))
        .as("another older size").isFalse();
    assertThat(proof.verify(older, new Checkpoint("cpis.test/audit", 6, MerkleTree.root(6, TREE), Optional.empty())))
        .as("another newer size").isFalse();
    assertThat(proof.verify(older, new Checkpoint("cpis.test/audit", 7, ROOT3, Optional.empty()))).as("a forked root").isFalse();
  }

  @Test
  @DisplayName("Values compare by every field, hash bytes included, and name what they are")
  void valuesCompareByContent() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    Checkpoint c = new Checkpoint("cpis.test/audit", 7, ROOT7, Optional.of(at));
    assertThat(c).isEqualTo(new Checkpoint("cpis.test/audit", 7, ROOT7.clone(), Optional.of(at)))
        .hasSameHashCodeAs(new Checkpoint("cpis.test/audit", 7, ROOT7.clone(), Optional.of(at)));
    assertThat(c).isNotEqualTo(new Checkpoint("cpis.test/audit", 7, ROOT3, Optional.of(at)));
    assertThat(c).isNotEqualTo(new Checkpoint("cpis.test/audit", 7, ROOT7, Optional.empty()));
    assertThat(c.hashCode()).isNotEqualTo(new Checkpoint("cpis.test/audit", 7, ROOT3, Optional.of(at)).hashCode());
    assertThat(c.toString()).contains("cpis.test/audit", "size 7", c.rootHex(), at.toString());
    assertThat(c.rootHex()).isEqualTo(HexFormat.of().formatHex(ROOT7));

    MerkleTree.Node n = new MerkleTree.Node(1, 2, ROOT7);
    assertThat(n).isEqualTo(new MerkleTree.Node(1, 2, ROOT7.clone())).hasSameHashCodeAs(new MerkleTree.Node(1, 2, ROOT7.clone()));
    assertThat(n).isNotEqualTo(new MerkleTree.Node(1, 2, ROOT3))
        .isNotEqualTo(new MerkleTree.Node(2, 2, ROOT7))
        .isNotEqualTo(new MerkleTree.Node(1, 3, ROOT7));
    assertThat(n.hashCode()).isNotEqualTo(new MerkleTree.Node(1, 2, ROOT3).hashCode());
    assertThat(n.toString()).isEqualTo("Node[1, 2]");

    SignedNote.VerifierKey k = SignedNote.VerifierKey.of("cpis.test/audit", ROOT7);
    assertThat(k).isEqualTo(SignedNote.VerifierKey.of("cpis.test/audit", ROOT7.clone()))
        .hasSameHashCodeAs(SignedNote.VerifierKey.of("cpis.test/audit", ROOT7.clone()))
        .isNotEqualTo(SignedNote.VerifierKey.of("cpis.test/audit", ROOT3));
    assertThat(k.publicKey()).isEqualTo(ROOT7);
    assertThat(k.toString()).isEqualTo(k.encoded()).startsWith("cpis.test/audit+");
  }
}
