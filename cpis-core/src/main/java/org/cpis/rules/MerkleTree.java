package org.cpis.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Design rule 9, against those who can write the database: the audit log as the Merkle hash tree
 * of RFC 9162 §2.1, with SHA-256. A leaf hashes {@code 0x00 || entry}, a node {@code 0x01 || left
 * || right}; the root of {@code n} leaves splits at the largest power of two below {@code n}.
 * These are pure functions: proofs are made from a {@link NodeSource} (the tree's stored perfect
 * subtrees) and verified from nothing but hashes.
 *
 * <p>A perfect subtree is named by its level (0 for a leaf) and its index among the subtrees of
 * that level: {@code (level, index)} covers leaves {@code index * 2^level} to {@code (index + 1)
 * * 2^level - 1}. A tree of {@code n} leaves is stored as every perfect subtree it contains
 * (about {@code 2n} hashes); its right edge, the {@link #frontier frontier}, is the perfect
 * subtrees of the binary decomposition of {@code n}, at most 64 of them. Appending reads the
 * frontier and writes the new subtrees it completes; a proof reads O(log n) subtrees.
 */
public final class MerkleTree {

  /** The length of a SHA-256 hash, in bytes. */
  public static final int HASH_BYTES = 32;

  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;

  private MerkleTree() {}

  /** Reads the hash of a stored perfect subtree. */
  @FunctionalInterface
  public interface NodeSource {
    /**
     * The hash of the perfect subtree {@code (level, index)}.
     *
     * @throws IllegalStateException (or a store's exception) if it is not stored
     */
    byte[] node(int level, long index);
  }

  /** A perfect subtree, as the store keeps it. */
  public record Node(int level, long index, byte[] hash) {
    public Node {
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
      return "Node[" + level + ", " + index + "]";
    }
  }

  /** SHA-256 of the empty string: the root of the empty tree (RFC 9162 §2.1.1). */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** {@code SHA-256(0x00 || data)}. */
  public static byte[] leafHash(byte[] data) {
    MessageDigest d = sha256();
    d.update(LEAF);
    d.update(data);
    return d.digest();
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = sha256();
    d.update(NODE);
    d.update(left);
    d.update(right);
    return d.digest();
  }

  /** A fresh SHA-256 digest, cloned from one looked up once (the provider lookup costs more than a hash). */
  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static final MessageDigest SHA256 = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The root of a tree whose leaf hashes are given, computed from them alone (RFC 9162 MTH). */
  public static byte[] rootOfLeaves(List<byte[]> leafHashes) {
    Frontier f = Frontier.empty();
    for (byte[] leaf : leafHashes) {
      f.append(leaf, null);
    }
    return f.root();
  }

  /**
   * The right edge of a tree of {@code size} leaves: its perfect subtrees from the largest
   * (leftmost) to the smallest, read from {@code nodes}; {@code 64 - numberOfLeadingZeros} reads
   * at most.
   */
  public static Frontier frontier(long size, NodeSource nodes) {
    requireSize(size);
    Frontier f = Frontier.empty();
    f.size = size;
    for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
      if ((size >>> level & 1) == 1) {
        f.levels.add(level);
        f.hashes.add(nodes.node(level, (size >>> level) - 1));
      }
    }
    return f;
  }

  /**
   * The right edge of a growing tree: appending a leaf completes the perfect subtrees it closes,
   * and the root is folded from the edge. Not thread-safe.
   */
  public static final class Frontier {
    private final List<Integer> levels = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    private Frontier() {}

    /** The frontier of the empty tree. */
    public static Frontier empty() {
      return new Frontier();
    }

    /** How many leaves the tree has. */
    public long size() {
      return size;
    }

    /**
     * Appends a leaf hash; adds to {@code written} (when not null) the perfect subtrees that are
     * new: the leaf itself, and each subtree it completes.
     */
    public void append(byte[] leafHash, List<Node> written) {
      Objects.requireNonNull(leafHash, "leafHash");
      long index = size;
      int level = 0;
      byte[] hash = leafHash;
      if (written != null) {
        written.add(new Node(0, index, hash));
      }
      int last = levels.size() - 1;
      while (last >= 0 && levels.get(last) == level) {
        hash = nodeHash(hashes.remove(last), hash);
        levels.remove(last);
        level++;
        index >>>= 1;
        if (written != null) {
          written.add(new Node(level, index, hash));
        }
        last--;
      }
      levels.add(level);
      hashes.add(hash);
      size++;
    }

    /** The root hash of the tree now (RFC 9162 MTH). */
    public byte[] root() {
      if (hashes.isEmpty()) {
        return emptyRoot();
      }
      byte[] acc = hashes.get(hashes.size() - 1);
      for (int i = hashes.size() - 2; i >= 0; i--) {
        acc = nodeHash(hashes.get(i), acc);
      }
      return acc;
    }
  }

  /** The root of the first {@code size} leaves of the stored tree (RFC 9162 MTH), O(log n) reads. */
  public static byte[] root(long size, NodeSource nodes) {
    requireSize(size);
    return size == 0 ? emptyRoot() : subtree(0, size, nodes);
  }

  /** MTH of leaves {@code start} to {@code start + size - 1}; {@code start} is a multiple of the split. */
  private static byte[] subtree(long start, long size, NodeSource nodes) {
    if (Long.bitCount(size) == 1) {
      int level = Long.numberOfTrailingZeros(size);
      return nodes.node(level, start >>> level);
    }
    long k = split(size);
    return nodeHash(subtree(start, k, nodes), subtree(start + k, size - k, nodes));
  }

  /** The largest power of two smaller than {@code n}, for {@code n > 1}. */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * The inclusion proof (audit path) of leaf {@code index} in the tree of the first {@code size}
   * leaves, RFC 9162 §2.1.3.1: the sibling hashes from the leaf upward.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("a leaf index must be at least 0 and below the tree size " + size + ": " + index);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, size, nodes, path);
    return path;
  }

  private static void path(long m, long start, long size, NodeSource nodes, List<byte[]> out) {
    if (size == 1) {
      return;
    }
    long k = split(size);
    if (m < k) {
      path(m, start, k, nodes, out);
      out.add(subtree(start + k, size - k, nodes));
    } else {
      path(m - k, start + k, size - k, nodes, out);
      out.add(subtree(start, k, nodes));
    }
  }

  /**
   * The consistency proof between the tree of the first {@code first} leaves and that of the
   * first {@code second}, RFC 9162 §2.1.4.1; empty when {@code first} is 0 or equals {@code
   * second}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second}
   */
  public static List<byte[]> consistencyProof(long first, long second, NodeSource nodes) {
    if (first < 0 || first > second) {
      throw new IllegalArgumentException(
          "a consistency proof needs 0 <= first <= second: " + first + ", " + second);
    }
    List<byte[]> proof = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, nodes, proof);
    }
    return proof;
  }

  private static void subproof(long m, long start, long n, boolean complete, NodeSource nodes, List<byte[]> out) {
    if (m == n) {
      if (!complete) {
        out.add(subtree(start, n, nodes));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(m, start, k, complete, nodes, out);
      out.add(subtree(start + k, n - k, nodes));
    } else {
      subproof(m - k, start + k, n - k, false, nodes, out);
      out.add(subtree(start, k, nodes));
    }
  }

  /**
   * Whether {@code path} proves that {@code leafHash} is leaf {@code index} of the tree of {@code
   * size} leaves with root {@code root}: the algorithm of RFC 9162 §2.1.3.2.
   */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(root, "root");
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Whether {@code proof} proves that the tree of {@code first} leaves with root {@code
   * firstRoot} is a prefix of the tree of {@code second} leaves with root {@code secondRoot}: the
   * algorithm of RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots; the empty
   * tree is a prefix of every tree (an empty proof).
   */
  public static boolean verifyConsistency(
      long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(firstRoot, "firstRoot");
    Objects.requireNonNull(secondRoot, "secondRoot");
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is at least 0: " + size);
    }
  }
}
