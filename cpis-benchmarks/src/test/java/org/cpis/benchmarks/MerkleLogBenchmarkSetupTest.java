package org.cpis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cpis.audit.InclusionProof;
import org.cpis.model.AuditEntry;
import org.cpis.rules.MerkleTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link MerkleLogBenchmark}'s setups yield what it claims to measure. Nothing here is timed. */
class MerkleLogBenchmarkSetupTest {

  private final MerkleLogBenchmark benchmark = new MerkleLogBenchmark();

  @Test
  @DisplayName("sealBatch seals one batch of 1 000 fresh records into the chain and the tree, with one checkpoint of the new size")
  void sealBatchSealsOneBatch() {
    MerkleLogBenchmark.Sealing s = new MerkleLogBenchmark.Sealing();
    s.children();
    s.freshStore();
    s.appendBatch();
    assertThat(benchmark.sealBatch(s)).hasValue(MerkleLogBenchmark.BATCH);
    s.appendBatch();
    assertThat(benchmark.sealBatch(s)).hasValue(MerkleLogBenchmark.BATCH);
    assertThat(s.cpis.latestCheckpoint().orElseThrow().checkpoint().size()).isEqualTo(2L * MerkleLogBenchmark.BATCH);
    assertThat(s.cpis.verifyAuditLog().intact()).isTrue();
  }

  @Test
  @DisplayName("The ten-million-leaf tree is a real one: its proofs, made by the production code, verify against its root, and a proof for another leaf does not")
  void tenMillionProofsVerify() {
    MerkleLogBenchmark.TenMillion t = new MerkleLogBenchmark.TenMillion();
    t.build();
    assertThat(t.proofs.get(0)).hasSize(24);
    assertThat(benchmark.verifyInclusion10M(t)).isTrue();
    List<byte[]> proof = benchmark.inclusionProof10M(t);
    assertThat(MerkleTree.verifyInclusion(t.indexes[1], MerkleLogBenchmark.TEN_MILLION, t.leaf, proof, t.root)).isTrue();
    assertThat(MerkleTree.verifyInclusion(t.indexes[1], MerkleLogBenchmark.TEN_MILLION, MerkleTree.leafHash(new byte[0]), proof, t.root)).isFalse();
  }

  @Test
  @DisplayName("The stored log holds its entries sealed and chained; inclusionProofStored's proofs verify against its checkpoint")
  void storedLog() {
    MerkleLogBenchmark.StoredLog s = new MerkleLogBenchmark.StoredLog();
    s.storedEntries = 2_500;
    s.seal();
    assertThat(s.log).hasSize(2_500);
    assertThat(benchmark.baselineChainRecheck(s)).isEqualTo(java.util.OptionalLong.empty());
    var checkpoint = s.cpis.latestCheckpoint().orElseThrow().checkpoint();
    InclusionProof proof = benchmark.inclusionProofStored(s);
    AuditEntry entry = s.log.get((int) proof.sequence() - 1);
    assertThat(proof.verify(entry, checkpoint)).isTrue();
  }

  @Test
  @DisplayName("check is a silent read that finds the child's plan, with and without a checkpoint key")
  void checkFindsThePlan() {
    for (boolean signing : new boolean[] {false, true}) {
      MerkleLogBenchmark.Checks c = new MerkleLogBenchmark.Checks();
      c.signing = signing;
      c.engine();
      assertThat(((org.cpis.CheckResult) benchmark.check(c)).plans()).hasSize(1);
      assertThat(c.cpis.checkpointVerifierKey().isPresent()).isEqualTo(signing);
    }
  }
}
