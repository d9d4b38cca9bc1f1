package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.ImmutableAuditEntry;
import org.cpis.model.ImmutableAuditRecord;
import org.cpis.model.RecordId;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rule 9: the audit log is append-only and tamper-evident, by example. */
class AuditChainTest {

  private static ImmutableAuditRecord.Builder draft(String detail) {
    return AuditRecord.builder()
        .id(RecordId.of("a-" + Integer.toHexString(detail.hashCode())))
        .at(Instant.parse("2024-05-10T21:14:00Z"))
        .action(AuditAction.CHECK)
        .actor("555123456789")
        .subject(NhsNumber.parse("943 476 5919"))
        .detail(detail);
  }

  private static List<AuditEntry> chainOfThree() {
    AuditEntry first = AuditChain.next(Optional.empty(), draft("1 plan visible, 1 notification").build());
    AuditEntry second = AuditChain.next(Optional.of(first), draft("no plan visible").build());
    AuditEntry third = AuditChain.next(Optional.of(second), draft("2 plans visible").build());
    return List.of(first, second, third);
  }

  @Test
  @DisplayName("The first entry is number 1 and follows the empty genesis hash; the next ones follow their predecessor")
  void chained() {
    List<AuditEntry> log = chainOfThree();
    assertThat(log).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(log.get(0).previousHash()).isEqualTo(AuditChain.GENESIS).isEmpty();
    assertThat(log.get(1).previousHash()).isEqualTo(log.get(0).hash());
    assertThat(AuditChain.firstBroken(log)).isEmpty();
  }

  @Test
  @DisplayName("Rewriting the detail of entry 2 is detected at entry 2")
  void rewrittenDetail() {
    List<AuditEntry> log = new java.util.ArrayList<>(chainOfThree());
    log.set(1, ImmutableAuditEntry.copyOf(log.get(1)).withRecord(ImmutableAuditRecord.copyOf(log.get(1).record()).withDetail("nothing happened")));
    assertThat(AuditChain.firstBroken(log)).isEqualTo(OptionalLong.of(2));
  }

  @Test
  @DisplayName("A log that does not start at entry 1 is broken at 1")
  void missingStart() {
    assertThat(AuditChain.firstBroken(chainOfThree().subList(1, 3))).isEqualTo(OptionalLong.of(1));
  }

  @Test
  @DisplayName("Dropping the last entry cannot be seen from the log alone: the rest is still a valid chain")
  void truncationIsNotDetectable() {
    assertThat(AuditChain.firstBroken(chainOfThree().subList(0, 2))).isEmpty();
  }

  @Test
  @DisplayName("An empty log is intact")
  void empty() {
    assertThat(AuditChain.firstBroken(List.of())).isEmpty();
  }

  @Test
  @DisplayName("Moving text from one field to the next changes the hash: actor 'x' at RAL01 is not actor 'xRA' at L01")
  void fieldBoundariesAreHashed() {
    AuditEntry ab = AuditChain.next(Optional.empty(), draft("checked").actor("x").organisation(OdsCode.of("RAL01")).build());
    AuditEntry a = AuditChain.next(Optional.empty(), draft("checked").actor("xRA").organisation(OdsCode.of("L01")).build());

    assertThat(ab.hash()).isNotEqualTo(a.hash());
  }

  @Test
  @DisplayName("An entry's hash is the one the chain has always had: the bytes Guava's Hasher was fed (numbers little-endian, text as its UTF-16 length and UTF-8 bytes), now hashed by the JDK")
  void hashIsUnchanged() {
    AuditEntry e =
        AuditChain.next(
            Optional.of(chainOfThree().get(2)),
            draft("é, 👶 and a quote \"").organisation(OdsCode.of("RAL01")).setting(org.cpis.model.CareSetting.MATERNITY).build());
    com.google.common.hash.Hasher h = com.google.common.hash.Hashing.sha256().newHasher();
    h.putLong(e.sequence());
    for (String field :
        List.of(e.id().value(), e.at().toString(), e.action().name(), e.actor(), "RAL01", "MATERNITY", e.subject().orElseThrow().value(), e.detail(), e.previousHash())) {
      h.putInt(field.length()).putString(field, java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(e.hash()).isEqualTo(h.hash().toString()).isEqualTo(AuditChain.hashOf(e));
  }
}
