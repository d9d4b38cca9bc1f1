package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.audit.InclusionProof;
import org.cpis.audit.SignedCheckpoint;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.RecordId;
import org.cpis.rules.AuditChain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's proofs name only the sealed log, and a log sealed before the store kept a tree gets one. */
class MerkleAuditTest {

  private static TestEngine engine() {
    return new TestEngine(b -> b.sealBatchSize(2).checkpointKey(MerkleAuditProperties.ORIGIN, MerkleAuditProperties.KEYS));
  }

  private static void writeAudit(TestEngine t, int records) {
    for (int i = 0; i < records; i++) {
      t.islington().deletePlan("none-" + i);
    }
  }

  @Test
  @DisplayName("A proof is given for sizes from 0 to the sealed log's and sequences from 1 to the size, and refused outside them")
  void proofsStayWithinTheSealedLog() {
    TestEngine t = engine();
    writeAudit(t, 5);
    List<AuditEntry> log = t.cpis.auditLog();
    assertThat(log).hasSize(5);
    SignedCheckpoint latest = t.cpis.latestCheckpoint().orElseThrow();
    assertThat(latest.checkpoint().size()).isEqualTo(5);

    InclusionProof last = t.cpis.inclusionProof(5, 5);
    assertThat(last.verify(log.get(4), latest.checkpoint())).isTrue();
    assertThat(t.cpis.inclusionProof(1, 5).verify(log.get(0), latest.checkpoint())).isTrue();
    assertThat(t.cpis.consistencyProof(0, 5).hashes()).isEmpty();
    assertThat(t.cpis.consistencyProof(5, 5).hashes()).isEmpty();

    assertThatThrownBy(() -> t.cpis.inclusionProof(6, 6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 sealed");
    assertThatThrownBy(() -> t.cpis.inclusionProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.cpis.inclusionProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.cpis.consistencyProof(2, 6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 sealed");
    assertThatThrownBy(() -> t.cpis.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.cpis.consistencyProof(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("A log sealed before the store kept a Merkle tree has its tree built by the next sealing, old entries provable")
  void aLogWithoutATreeGetsOne() {
    TestEngine t = engine();
    // Entries chained and sealed as a store of an earlier version did: no tree nodes.
    t.store.runInTransaction(
        tx -> {
          Optional<AuditEntry> last = Optional.empty();
          for (int i = 1; i <= 3; i++) {
            AuditRecord r =
                AuditRecord.builder()
                    .id(RecordId.of("old-" + i))
                    .at(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
                    .action(AuditAction.PLAN_DELETED)
                    .actor("earlier version")
                    .detail("sealed before the tree")
                    .build();
            tx.audit().append(r);
            AuditEntry e = AuditChain.next(last, r);
            tx.audit().seal(e);
            last = Optional.of(e);
          }
        });
    Optional<org.cpis.model.AuditTreeNode> firstLeaf = t.store.inTransaction(tx -> tx.auditTree().findNode(0, 0));
    assertThat(firstLeaf).as("no tree yet").isEmpty();

    writeAudit(t, 2);
    List<AuditEntry> log = t.cpis.auditLog();
    assertThat(log).hasSize(5);
    SignedCheckpoint latest = t.cpis.latestCheckpoint().orElseThrow();
    assertThat(latest.checkpoint().size()).isEqualTo(5);
    for (int s = 1; s <= 5; s++) {
      assertThat(t.cpis.inclusionProof(s, 5).verify(log.get(s - 1), latest.checkpoint())).as("entry " + s).isTrue();
    }
  }
}
