package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.RecordId;
import org.cpis.store.DuplicateRecordException;

/**
 * The unsealed audit records are read oldest first (by time, ties by id), each once, whatever the
 * order they were appended in, whatever was sealed, and whatever a rolled-back transaction
 * appended or sealed: the in-memory store orders them only when the sealer reads, so this compares
 * every read with a sorted model through transactions that commit or throw.
 */
class UnsealedAuditProperties {

  private static final Instant T0 = Instant.parse("2025-06-02T09:30:00Z");

  /** One step in a transaction: append (id, second), seal an unsealed record, or read a few. */
  record Step(int kind, int id, int second, int pick, int limit) {}

  record Tx(List<Step> steps, boolean rollsBack) {}

  @Property(tries = 300)
  void unsealedRecordsAreReadOldestFirstEachOnce(@ForAll("transactions") List<Tx> transactions) {
    InMemoryCpisStore store = new InMemoryCpisStore();
    TreeMap<RecordId, AuditRecord> committed = new TreeMap<>();
    TreeSet<RecordId> sealedIds = new TreeSet<>();
    long[] sequence = {0};
    for (Tx t : transactions) {
      TreeMap<RecordId, AuditRecord> model = new TreeMap<>(committed);
      TreeSet<RecordId> sealedModel = new TreeSet<>(sealedIds);
      long sequenceBefore = sequence[0];
      try {
        store.runInTransaction(
            tx -> {
              for (Step s : t.steps()) {
                switch (s.kind()) {
                  case 0 -> {
                    AuditRecord r = record(s.id(), s.second());
                    boolean taken = model.containsKey(r.id()) || sealedModel.contains(r.id());
                    try {
                      tx.audit().append(r);
                      assertThat(taken).as("append of a new id").isFalse();
                      model.put(r.id(), r);
                    } catch (DuplicateRecordException e) {
                      assertThat(taken).as("append of an id in use").isTrue();
                    }
                  }
                  case 1 -> {
                    List<AuditRecord> oldest = sorted(model);
                    if (!oldest.isEmpty()) {
                      AuditRecord r = oldest.get(s.pick() % oldest.size());
                      sequence[0]++;
                      tx.audit()
                          .seal(
                              AuditEntry.builder()
                                  .sequence(sequence[0])
                                  .record(r)
                                  .previousHash("p")
                                  .hash("h" + sequence[0])
                                  .build());
                      model.remove(r.id());
                      sealedModel.add(r.id());
                    }
                  }
                  default -> {
                    List<AuditRecord> expected = sorted(model);
                    assertThat(tx.audit().findUnsealed(s.limit()))
                        .containsExactlyElementsOf(expected.subList(0, Math.min(s.limit(), expected.size())));
                  }
                }
              }
              if (t.rollsBack()) {
                throw new IllegalStateException("roll back");
              }
            });
        committed = model;
        sealedIds = sealedModel;
      } catch (IllegalStateException rolledBack) {
        sequence[0] = sequenceBefore;
      }
      List<AuditRecord> stored = store.inTransaction(tx -> tx.audit().findUnsealed(Integer.MAX_VALUE));
      assertThat(stored).containsExactlyElementsOf(sorted(committed));
    }
  }

  private static List<AuditRecord> sorted(TreeMap<RecordId, AuditRecord> model) {
    List<AuditRecord> all = new ArrayList<>(model.values());
    all.sort(UnsealedRecords.ORDER);
    return all;
  }

  /** Few ids and few instants, so that ties, re-appends after a rollback and disorder are common. */
  private static AuditRecord record(int id, int second) {
    return AuditRecord.builder()
        .id(RecordId.of("id-" + id))
        .at(T0.plusSeconds(second))
        .action(AuditAction.CHECK)
        .actor("555000111222")
        .detail("entry " + id)
        .build();
  }

  @Provide
  Arbitrary<List<Tx>> transactions() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 12))
            .as(Step::new);
    Arbitrary<Tx> tx =
        Combinators.combine(step.list().ofMaxSize(12), Arbitraries.of(true, false, false)).as(Tx::new);
    return tx.list().ofMaxSize(25);
  }
}
