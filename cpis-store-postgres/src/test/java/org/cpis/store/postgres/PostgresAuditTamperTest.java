package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cpis.Cpis;
import org.cpis.audit.AuditVerifier;
import org.cpis.audit.RecordingCheckpointPublisher;
import org.cpis.audit.SignedCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.model.OdsCode;
import org.cpis.rules.AuditChain;
import org.cpis.rules.AuditLeaf;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.MerkleTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident audit log on PostgreSQL, against a database administrator: rows rewritten
 * with SQL, the hash chain and the Merkle tree recomputed and written back, fool the store's own
 * chain check but not the offline verifier holding a checkpoint published before the rewrite.
 */
class PostgresAuditTamperTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final String ORIGIN = "cpis.test/pg-audit";

  @AfterAll
  static void dropSchema() {
    DATABASE.close();
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String export(Cpis cpis) {
    StringWriter out = new StringWriter();
    cpis.exportAuditLog(out);
    return out.toString();
  }

  private static AuditVerifier.Verdict verify(String export, RecordingCheckpointPublisher published, Cpis cpis) {
    return AuditVerifier.verifyLines(
        new BufferedReader(new StringReader(export)),
        published.published().stream().map(SignedCheckpoint::note).toList(),
        cpis.checkpointVerifierKey().orElseThrow());
  }

  @Test
  @DisplayName("Rows rewritten with SQL and rehashed (chain and tree) pass verifyAuditLog but the verifier names the rewrite against the published checkpoint; proofs verify on the real store")
  void rewriteAndRehashIsCaught() {
    PostgresCpisStore store = DATABASE.store(DATABASE.pool("tamper", 2));
    DATABASE.emptyAllTables();
    RecordingCheckpointPublisher published = new RecordingCheckpointPublisher();
    Cpis cpis =
        Cpis.builder()
            .store(store)
            .notifier(n -> {})
            .sealBatchSize(5)
            .checkpointKey(ORIGIN, keys())
            .checkpointPublisher(published)
            .build();
    cpis.registerLocalAuthority(Cluster.localAuthority("E09000019"));
    for (int i = 0; i < 12; i++) {
      cpis.localAuthority(OdsCode.of("E09000019")).deletePlan("none-" + i);
    }
    int sealed = cpis.sealAuditLog().orElseThrow();
    assertThat(sealed).isGreaterThanOrEqualTo(12);
    assertThat(published.published()).as("one checkpoint per batch of 5").hasSize((sealed + 4) / 5);
    Checkpoint latest = published.latest().orElseThrow().checkpoint();
    List<AuditEntry> log = cpis.auditLog();
    for (AuditEntry e : log) {
      assertThat(cpis.inclusionProof(e.sequence(), latest.size()).verify(e, latest)).isTrue();
    }
    Checkpoint first = published.published().get(0).checkpoint();
    assertThat(cpis.consistencyProof(first.size(), latest.size()).verify(first, latest)).isTrue();
    assertThat(verify(export(cpis), published, cpis).intact()).isTrue();

    // The administrator rewrites entry 4, recomputes the chain from there and rebuilds the tree.
    String s = store.schema();
    DATABASE.execute("UPDATE " + s + ".audit_record SET actor = 'someone else' WHERE sequence = 4");
    List<AuditEntry> rewritten = cpis.auditLog();
    Optional<AuditEntry> previous = Optional.of(rewritten.get(2));
    List<byte[]> leaves = new ArrayList<>();
    for (AuditEntry e : rewritten.subList(0, 3)) {
      leaves.add(AuditLeaf.hash(e));
    }
    for (AuditEntry e : rewritten.subList(3, rewritten.size())) {
      AuditEntry rehashed = AuditChain.next(previous, e.record());
      DATABASE.execute("UPDATE " + s + ".audit_record SET previous_hash = '" + rehashed.previousHash() + "', hash = '"
          + rehashed.hash() + "' WHERE sequence = " + rehashed.sequence());
      leaves.add(AuditLeaf.hash(rehashed));
      previous = Optional.of(rehashed);
    }
    MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
    List<MerkleTree.Node> nodes = new ArrayList<>();
    leaves.forEach(l -> tree.append(l, nodes));
    DATABASE.execute("DELETE FROM " + s + ".audit_tree_node");
    for (MerkleTree.Node n : nodes) {
      DATABASE.execute("INSERT INTO " + s + ".audit_tree_node VALUES (" + n.level() + ", " + n.index() + ", '" + HexFormat.of().formatHex(n.hash()) + "')");
    }

    assertThat(cpis.verifyAuditLog().intact()).as("the chain alone is fooled").isTrue();
    AuditVerifier.Verdict v = verify(export(cpis), published, cpis);
    assertThat(v.intact()).as(v.message()).isFalse();
    assertThat(v.message()).contains("do not match the signed checkpoint of size 5");
    assertThat(v.firstBroken()).hasValue(1);
    AuditEntry fourth = cpis.auditLog().get(3);
    assertThat(cpis.inclusionProof(4, latest.size()).verify(fourth, latest)).as("its proof from the rebuilt tree fails against the published root").isFalse();
  }

  @Test
  @DisplayName("A log sealed before the store kept a tree (its nodes missing) gets its tree built once by the next sealing, consistent with the entries")
  void missingTreeIsBuiltOnce() {
    PostgresCpisStore store = DATABASE.store(DATABASE.pool("backfill", 2));
    DATABASE.emptyAllTables();
    RecordingCheckpointPublisher published = new RecordingCheckpointPublisher();
    Cpis cpis = Cpis.builder().store(store).notifier(n -> {}).checkpointKey(ORIGIN, keys()).checkpointPublisher(published).build();
    cpis.registerLocalAuthority(Cluster.localAuthority("E09000019"));
    for (int i = 0; i < 6; i++) {
      cpis.localAuthority(OdsCode.of("E09000019")).deletePlan("none-" + i);
    }
    cpis.sealAuditLog();
    DATABASE.execute("DELETE FROM " + store.schema() + ".audit_tree_node");
    cpis.localAuthority(OdsCode.of("E09000019")).deletePlan("after");
    assertThat(cpis.sealAuditLog()).hasValue(1);
    Checkpoint before = published.published().get(0).checkpoint();
    Checkpoint after = published.latest().orElseThrow().checkpoint();
    assertThat(after.size()).isEqualTo(before.size() + 1);
    assertThat(cpis.consistencyProof(before.size(), after.size()).verify(before, after)).isTrue();
    assertThat(verify(export(cpis), published, cpis).intact()).isTrue();
  }
}
