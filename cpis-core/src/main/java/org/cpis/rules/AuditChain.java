package org.cpis.rules;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;

/**
 * Design rule 9: the audit log is append-only and tamper-evident. Each entry's hash is SHA-256
 * over its own fields (its record's id and content, its sequence) and the previous entry's hash,
 * so that changing, removing, reordering or inserting an entry breaks the chain from that point
 * on. Records are sealed into the chain after the transaction that wrote them, by one sealer at a
 * time; instants are hashed to the microsecond, the precision every store keeps.
 */
public final class AuditChain {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "";

  private AuditChain() {}

  /**
   * The entry that follows {@code last}: {@code record} with the next sequence number, the
   * previous hash and its own hash.
   */
  public static AuditEntry next(Optional<AuditEntry> last, AuditRecord record) {
    long sequence = last.map(e -> e.sequence() + 1).orElse(1L);
    String previousHash = last.map(AuditEntry::hash).orElse(GENESIS);
    return AuditEntry.builder()
        .record(record)
        .sequence(sequence)
        .previousHash(previousHash)
        .hash(hashOf(sequence, record, previousHash))
        .build();
  }

  /** The entry with its hash recomputed from its fields. */
  public static AuditEntry seal(AuditEntry entry) {
    return AuditEntry.builder().from(entry).hash(hashOf(entry)).build();
  }

  /**
   * SHA-256, in hex, over every field but the hash itself: the sequence as 8 bytes little-endian,
   * then each field as its length in UTF-16 units (4 bytes little-endian) and its UTF-8 bytes (the
   * bytes Guava's {@code Hasher} fed it, by the JDK alone, so that the offline verifier needs no
   * library).
   */
  public static String hashOf(AuditEntry entry) {
    return hashOf(entry.sequence(), entry.record(), entry.previousHash());
  }

  private static String hashOf(long sequence, AuditRecord record, String previousHash) {
    MessageDigest d = MerkleTree.sha256();
    ByteBuffer number = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    d.update(number.putLong(0, sequence).array());
    put(d, number, record.id().value());
    put(d, number, record.at().toString());
    put(d, number, record.action().name());
    put(d, number, record.actor());
    put(d, number, record.organisation().map(o -> o.value()).orElse(""));
    put(d, number, record.setting().map(Enum::name).orElse(""));
    put(d, number, record.subject().map(n -> n.value()).orElse(""));
    put(d, number, record.detail());
    put(d, number, previousHash);
    return HexFormat.of().formatHex(d.digest());
  }

  private static void put(MessageDigest d, ByteBuffer number, String field) {
    number.putInt(0, field.length());
    d.update(number.array(), 0, 4);
    d.update(field.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sequence number of the first entry that breaks the chain, or empty if the whole log is
   * intact. {@code entries} is the log from its first entry, in order; a gap, a changed field, a
   * wrong previous hash or a wrong hash all break it.
   */
  public static OptionalLong firstBroken(List<AuditEntry> entries) {
    String previous = GENESIS;
    long expected = 1;
    for (AuditEntry e : entries) {
      if (e.sequence() != expected
          || !e.previousHash().equals(previous)
          || !e.hash().equals(hashOf(e))) {
        return OptionalLong.of(expected);
      }
      previous = e.hash();
      expected++;
    }
    return OptionalLong.empty();
  }
}
