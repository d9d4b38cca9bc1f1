package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.testkit.CpisArbitraries;

/**
 * The journal gives back what was written: every record and sealed entry read at its position
 * equals the one appended there, whatever its text (any UTF-16, unpaired surrogates included,
 * long or empty), and however many were appended after it.
 */
class AuditJournalProperties {

  @Property(tries = 200)
  void everyRecordAndEntryReadsBackEqual(@ForAll("records") List<AuditRecord> records) {
    AuditJournal journal = new AuditJournal();
    List<Long> positions = new ArrayList<>();
    List<Long> entries = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      long p = journal.append(records.get(i));
      positions.add(p);
      entries.add(journal.appendSealed(p, entry(i + 1, records.get(i))));
    }
    for (int i = 0; i < records.size(); i++) {
      assertThat(journal.record(positions.get(i))).isEqualTo(records.get(i));
      assertThat(journal.entry(entries.get(i))).isEqualTo(entry(i + 1, records.get(i)));
    }
  }

  @Example
  void aRecordLargerThanAChunkGetsOneOfItsOwn() {
    AuditJournal journal = new AuditJournal();
    AuditRecord small = CpisArbitraries.auditRecords().sample();
    AuditRecord large = AuditRecord.builder().from(small).detail("\u00e9x".repeat(700_000)).build();
    long first = journal.append(small);
    long second = journal.append(large);
    long third = journal.append(small);
    assertThat(journal.record(second)).isEqualTo(large);
    assertThat(journal.record(first)).isEqualTo(small);
    assertThat(journal.record(third)).isEqualTo(small);
  }

  private static AuditEntry entry(long sequence, AuditRecord record) {
    return AuditEntry.builder()
        .sequence(sequence)
        .record(record)
        .previousHash(sequence == 1 ? "" : "p" + sequence)
        .hash("h\u0100" + sequence)
        .build();
  }

  @Provide
  Arbitrary<List<AuditRecord>> records() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            List.of(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(5),
                Arbitraries.strings().ascii().ofMinLength(1000).ofMaxLength(3000)));
    Arbitrary<AuditRecord> record =
        Combinators.combine(CpisArbitraries.auditRecords(), text, text.filter(s -> !s.isBlank()))
            .as((r, detail, actor) -> AuditRecord.builder().from(r).detail(detail).actor(actor).build());
    return record.list().ofMaxSize(60);
  }
}
