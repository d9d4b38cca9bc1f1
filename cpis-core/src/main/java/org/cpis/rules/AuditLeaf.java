package org.cpis.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.cpis.model.AuditEntry;

/**
 * What a sealed audit entry contributes to the Merkle log ({@link MerkleTree}): its leaf data
 * commits to the entry's whole content, the chain fields included. The encoding, so that anyone
 * can recompute it: the sequence as 8 bytes big-endian, then each of id, time ({@link
 * java.time.Instant#toString()}, to the microsecond), action, actor, organisation, setting,
 * subject (10 digits), detail, previous hash and hash, as its UTF-8 byte length (4 bytes
 * big-endian) and its UTF-8 bytes; an absent optional field is the empty text.
 */
public final class AuditLeaf {

  private AuditLeaf() {}

  /** The leaf data of {@code entry}. */
  public static byte[] data(AuditEntry entry) {
    byte[][] fields = {
      utf8(entry.id().value()),
      utf8(entry.at().toString()),
      utf8(entry.action().name()),
      utf8(entry.actor()),
      utf8(entry.organisation().map(o -> o.value()).orElse("")),
      utf8(entry.setting().map(Enum::name).orElse("")),
      utf8(entry.subject().map(n -> n.value()).orElse("")),
      utf8(entry.detail()),
      utf8(entry.previousHash()),
      utf8(entry.hash())
    };
    int length = 8;
    for (byte[] f : fields) {
      length += 4 + f.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length).putLong(entry.sequence());
    for (byte[] f : fields) {
      out.putInt(f.length).put(f);
    }
    return out.array();
  }

  /** The leaf hash of {@code entry}: {@code SHA-256(0x00 || data(entry))}. */
  public static byte[] hash(AuditEntry entry) {
    return MerkleTree.leafHash(data(entry));
  }

  private static byte[] utf8(String field) {
    return field.getBytes(StandardCharsets.UTF_8);
  }
}
