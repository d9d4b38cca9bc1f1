package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1 by its own definitions: the expected hashes are computed here with {@link
 * MessageDigest} from the RFC's formulas (leaf {@code 0x00 || d}, node {@code 0x01 || l || r}),
 * written out by hand for the RFC's example tree of seven leaves (§2.1.5), never with the code
 * under test; the eight leaves are the inputs of the RFC 6962 reference test data.
 */
class MerkleTreeVectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final List<byte[]> D =
      List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream()
          .map(HEX::parseHex).toList();

  private static byte[] sha(byte prefix, byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(prefix);
      for (byte[] p : parts) {
        d.update(p);
      }
      return d.digest();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] leaf(int i) {
    return sha((byte) 0, D.get(i));
  }

  private static byte[] node(byte[] l, byte[] r) {
    return sha((byte) 1, l, r);
  }

  // The RFC's example tree of seven leaves, by the names of §2.1.5.
  private final byte[] a = leaf(0), b = leaf(1), c = leaf(2), d = leaf(3), e = leaf(4), f = leaf(5), j = leaf(6);
  private final byte[] g = node(a, b), h = node(c, d), i = node(e, f);
  private final byte[] k = node(g, h), l = node(i, j);
  private final byte[] root7 = node(k, l);
  private final byte[] root3 = node(g, c);
  private final byte[] root4 = k;
  private final byte[] root6 = node(k, i);

  private static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  private static List<String> hex(List<byte[]> list) {
    return list.stream().map(HEX::formatHex).toList();
  }

  /** The stored tree of the first {@code n} leaves, built by appending. */
  private static MerkleTree.NodeSource stored(int n) {
    Map<String, byte[]> nodes = new HashMap<>();
    MerkleTree.Frontier f = MerkleTree.Frontier.empty();
    List<MerkleTree.Node> written = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      f.append(leaf(x), written);
    }
    written.forEach(w -> nodes.put(w.level() + "/" + w.index(), w.hash()));
    return (level, index) -> {
      byte[] h = nodes.get(level + "/" + index);
      if (h == null) {
        throw new IllegalStateException("no node " + level + "/" + index);
      }
      return h;
    };
  }

  @Test
  @DisplayName("The empty tree's root is SHA-256 of the empty string; one leaf's is SHA-256(0x00 || d)")
  void emptyAndOne() throws Exception {
    assertThat(hex(MerkleTree.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(hex(MerkleTree.rootOfLeaves(List.of(leaf(0)))))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        .isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(new byte[] {0})));
    assertThat(hex(MerkleTree.leafHash(D.get(3)))).isEqualTo(hex(d));
    assertThat(hex(MerkleTree.nodeHash(a, b))).isEqualTo(hex(g));
  }

  @Test
  @DisplayName("The roots of the example tree's prefixes are those the RFC's recursion gives (3, 4, 6 and 7 leaves), and 8 leaves give the RFC 6962 reference root")
  void roots() {
    List<byte[]> leaves = List.of(a, b, c, d, e, f, j);
    assertThat(hex(MerkleTree.rootOfLeaves(leaves.subList(0, 3)))).isEqualTo(hex(root3));
    assertThat(hex(MerkleTree.rootOfLeaves(leaves.subList(0, 4)))).isEqualTo(hex(root4));
    assertThat(hex(MerkleTree.rootOfLeaves(leaves.subList(0, 6)))).isEqualTo(hex(root6));
    assertThat(hex(MerkleTree.rootOfLeaves(leaves))).isEqualTo(hex(root7));
    assertThat(hex(MerkleTree.root(7, stored(7)))).isEqualTo(hex(root7));
    assertThat(hex(MerkleTree.root(3, stored(7)))).isEqualTo(hex(root3));
    byte[] root8 = node(k, node(i, node(j, leaf(7))));
    assertThat(hex(MerkleTree.root(8, stored(8))))
        .isEqualTo(hex(root8))
        .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  }

  @Test
  @DisplayName("The audit paths of §2.1.5: d0 is [b, h, l], d3 is [c, g, l], d4 is [f, j, k], d6 is [i, k]; each verifies")
  void inclusionProofs() {
    MerkleTree.NodeSource tree = stored(7);
    assertThat(hex(MerkleTree.inclusionProof(0, 7, tree))).containsExactly(hex(b), hex(h), hex(l));
    assertThat(hex(MerkleTree.inclusionProof(3, 7, tree))).containsExactly(hex(c), hex(g), hex(l));
    assertThat(hex(MerkleTree.inclusionProof(4, 7, tree))).containsExactly(hex(f), hex(j), hex(k));
    assertThat(hex(MerkleTree.inclusionProof(6, 7, tree))).containsExactly(hex(i), hex(k));
    assertThat(MerkleTree.verifyInclusion(0, 7, a, List.of(b, h, l), root7)).isTrue();
    assertThat(MerkleTree.verifyInclusion(3, 7, d, List.of(c, g, l), root7)).isTrue();
    assertThat(MerkleTree.verifyInclusion(4, 7, e, List.of(f, j, k), root7)).isTrue();
    assertThat(MerkleTree.verifyInclusion(6, 7, j, List.of(i, k), root7)).isTrue();
    assertThat(MerkleTree.verifyInclusion(5, 7, j, List.of(i, k), root7)).as("another index").isFalse();
    assertThat(MerkleTree.verifyInclusion(6, 7, e, List.of(i, k), root7)).as("another leaf").isFalse();
    assertThat(MerkleTree.verifyInclusion(6, 7, j, List.of(i), root7)).as("a short path").isFalse();
    assertThat(MerkleTree.verifyInclusion(0, 1, a, List.of(), a)).as("a one-leaf tree").isTrue();
  }

  @Test
  @DisplayName("The consistency proofs of §2.1.5: 3 to 7 is [c, d, g, l], 4 to 7 is [l], 6 to 7 is [i, j, k]; each verifies")
  void consistencyProofs() {
    MerkleTree.NodeSource tree = stored(7);
    assertThat(hex(MerkleTree.consistencyProof(3, 7, tree))).containsExactly(hex(c), hex(d), hex(g), hex(l));
    assertThat(hex(MerkleTree.consistencyProof(4, 7, tree))).containsExactly(hex(l));
    assertThat(hex(MerkleTree.consistencyProof(6, 7, tree))).containsExactly(hex(i), hex(j), hex(k));
    assertThat(MerkleTree.consistencyProof(7, 7, tree)).isEmpty();
    assertThat(MerkleTree.consistencyProof(0, 7, tree)).isEmpty();
    assertThat(MerkleTree.verifyConsistency(3, 7, List.of(c, d, g, l), root3, root7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(4, 7, List.of(l), root4, root7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(6, 7, List.of(i, j, k), root6, root7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(7, 7, List.of(), root7, root7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(0, 7, List.of(), MerkleTree.emptyRoot(), root7)).isTrue();
    assertThat(MerkleTree.verifyConsistency(3, 7, List.of(c, d, g, l), root4, root7)).as("another old root").isFalse();
    assertThat(MerkleTree.verifyConsistency(3, 7, List.of(c, d, g, k), root3, root7)).as("a wrong hash").isFalse();
    assertThat(MerkleTree.verifyConsistency(4, 7, List.of(), root4, root7)).as("an empty proof").isFalse();
    assertThat(MerkleTree.verifyConsistency(7, 7, List.of(), root6, root7)).as("a fork of one size").isFalse();
  }
}
