package org.cpis.model;

import org.immutables.value.Value;

/**
 * One perfect subtree of the audit log's Merkle tree (RFC 9162): at {@link #level()} 0 the leaf
 * hash of entry {@code index + 1}; at level {@code l} the hash of leaves {@code index * 2^l} to
 * {@code (index + 1) * 2^l - 1}. Written once, when the sealer completes it; never changed.
 */
@Value.Immutable
public abstract class AuditTreeNode {

  /** The subtree's height: 0 for a leaf, at most 63. */
  public abstract int level();

  /** Its place among the subtrees of its level, from 0. */
  public abstract long index();

  /** SHA-256, 64 lower-case hex digits. */
  public abstract String hash();

  public static AuditTreeNode of(int level, long index, String hash) {
    return ImmutableAuditTreeNode.builder().level(level).index(index).hash(hash).build();
  }

  @Value.Check
  protected void check() {
    Records.require(level() >= 0 && level() <= 63, "a tree node's level is 0 to 63");
    Records.require(index() >= 0, "a tree node's index is at least 0");
    Records.require(isHash(hash()), "a tree node's hash is 64 lower-case hex digits");
  }

  /** Whether {@code text} is 64 lower-case hex digits (a loop: sealing checks two per entry). */
  static boolean isHash(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
