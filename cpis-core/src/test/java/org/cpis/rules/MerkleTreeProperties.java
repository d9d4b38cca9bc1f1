package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * RFC 9162 proofs for any tree size: every inclusion and consistency proof made from the stored
 * subtrees verifies against the root computed from the leaves alone, and any change to a leaf, a
 * proof hash, an index or a size makes it fail.
 */
class MerkleTreeProperties {

  /** Distinct leaf hashes, from the leaf's number. */
  static List<byte[]> leaves(int n, int salt) {
    List<byte[]> leaves = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      leaves.add(MerkleTree.leafHash(("leaf " + salt + " " + x).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  static MerkleTree.NodeSource store(List<byte[]> leaves) {
    Map<List<Long>, byte[]> nodes = new HashMap<>();
    MerkleTree.Frontier f = MerkleTree.Frontier.empty();
    List<MerkleTree.Node> written = new ArrayList<>();
    leaves.forEach(l -> f.append(l, written));
    for (MerkleTree.Node w : written) {
      assertThat(nodes.put(List.of((long) w.level(), w.index()), w.hash())).as("a node is written once").isNull();
    }
    assertThat(written).as("fewer than 2n nodes").hasSize(2 * leaves.size() - Long.bitCount(leaves.size()));
    return (level, index) -> {
      byte[] h = nodes.get(List.of((long) level, index));
      if (h == null) {
        throw new IllegalStateException("no node " + level + "/" + index);
      }
      return h.clone();
    };
  }

  private static byte[] flip(byte[] hash, int bit) {
    byte[] b = hash.clone();
    b[(bit >>> 3) % b.length] ^= (byte) (1 << (bit & 7));
    return b;
  }

  @Property(tries = 200)
  @Label("Every inclusion proof verifies, for any size and index; a flipped bit in the leaf or the path, or another index, fails")
  void inclusionProofsVerify(
      @ForAll @IntRange(min = 1, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 299) int at,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    int index = at % size;
    List<byte[]> leaves = leaves(size, size);
    MerkleTree.NodeSource tree = store(leaves);
    byte[] root = MerkleTree.rootOfLeaves(leaves);
    assertThat(MerkleTree.root(size, tree)).isEqualTo(root);
    List<byte[]> path = MerkleTree.inclusionProof(index, size, tree);
    assertThat(path.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size));
    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path, root)).isTrue();
    assertThat(MerkleTree.verifyInclusion(index, size, flip(leaves.get(index), bit), path, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path, flip(root, bit))).isFalse();
    if (!path.isEmpty()) {
      List<byte[]> bad = new ArrayList<>(path);
      int p = bit % bad.size();
      bad.set(p, flip(bad.get(p), bit));
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), bad, root)).isFalse();
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path.subList(0, path.size() - 1), root)).isFalse();
    }
    if (size > 1) {
      int other = (index + 1 + bit % (size - 1)) % size;
      assertThat(MerkleTree.verifyInclusion(other, size, leaves.get(index), path, root)).isFalse();
    }
  }

  @Property(tries = 200)
  @Label("Every consistency proof verifies, for any sizes first <= second; a flipped bit, another old root or a forked old tree fails")
  void consistencyProofsVerify(
      @ForAll @IntRange(min = 0, max = 300) int a,
      @ForAll @IntRange(min = 0, max = 300) int b,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    int first = Math.min(a, b);
    int second = Math.max(a, b);
    List<byte[]> leaves = leaves(second, 7);
    MerkleTree.NodeSource tree = store(leaves);
    byte[] firstRoot = MerkleTree.rootOfLeaves(leaves.subList(0, first));
    byte[] secondRoot = MerkleTree.rootOfLeaves(leaves);
    assertThat(MerkleTree.root(first, tree)).isEqualTo(firstRoot);
    List<byte[]> proof = MerkleTree.consistencyProof(first, second, tree);
    assertThat(MerkleTree.verifyConsistency(first, second, proof, firstRoot, secondRoot)).isTrue();
    assertThat(MerkleTree.verifyConsistency(first, second, proof, flip(firstRoot, bit), secondRoot)).isFalse();
    // The empty tree is a prefix of every tree, whatever its root.
    assertThat(MerkleTree.verifyConsistency(first, second, proof, firstRoot, flip(secondRoot, bit))).isEqualTo(first == 0 && second > 0);
    if (!proof.isEmpty()) {
      List<byte[]> bad = new ArrayList<>(proof);
      int p = bit % bad.size();
      bad.set(p, flip(bad.get(p), bit));
      assertThat(MerkleTree.verifyConsistency(first, second, bad, firstRoot, secondRoot)).isFalse();
    }
    if (first > 0) {
      // A forked history: the old checkpoint's tree had another leaf somewhere.
      List<byte[]> forked = new ArrayList<>(leaves.subList(0, first));
      int p = bit % first;
      forked.set(p, flip(forked.get(p), bit));
      assertThat(MerkleTree.verifyConsistency(first, second, proof, MerkleTree.rootOfLeaves(forked), secondRoot)).isFalse();
    }
  }
}
