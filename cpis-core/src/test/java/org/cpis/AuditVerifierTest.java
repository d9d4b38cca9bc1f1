package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.audit.AuditJsonLines;
import org.cpis.audit.AuditVerifier;
import org.cpis.audit.FileCheckpointPublisher;
import org.cpis.model.AuditEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier as a host runs it: the engine appends each checkpoint to a file, the log is
 * exported as JSON lines, and {@code AuditVerifier} says intact (exit 0) or names the first entry
 * that breaks (exit 1); unusable arguments exit 2.
 */
class AuditVerifierTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return AuditVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Exported entries, the published checkpoint file and the key verify intact (exit 0); a rewritten entry is named (exit 1); bad arguments exit 2")
  void commandLine() throws Exception {
    Path checkpoints = dir.resolve("checkpoints.txt");
    TestEngine t =
        new TestEngine(
            b -> b.sealBatchSize(4)
                .checkpointKey(MerkleAuditProperties.ORIGIN, MerkleAuditProperties.KEYS)
                .checkpointPublisher(new FileCheckpointPublisher(checkpoints)));
    for (int i = 0; i < 10; i++) {
      t.islington().deletePlan("none-" + i);
    }
    Path entries = dir.resolve("audit.jsonl");
    try (Writer w = Files.newBufferedWriter(entries, StandardCharsets.UTF_8)) {
      assertThat(t.cpis.exportAuditLog(w)).isEqualTo(10);
    }
    String key = t.cpis.checkpointVerifierKey().orElseThrow().encoded();
    Path keyFile = Files.writeString(dir.resolve("audit.vkey"), key + "\n");
    assertThat(AuditVerifier.splitNotes(Files.readString(checkpoints))).as("one checkpoint per batch of 4").hasSize(3);

    assertThat(run("--entries", entries.toString(), "--checkpoints", checkpoints.toString(), "--key", key)).as(printed()).isZero();
    assertThat(printed()).startsWith("intact: 10 entries, 3 signed checkpoints");
    assertThat(run("--entries", entries.toString(), "--checkpoints", checkpoints.toString(), "--key-file", keyFile.toString())).isZero();

    List<String> lines = Files.readAllLines(entries);
    AuditEntry sixth = AuditJsonLines.read(lines.get(5));
    String changed = lines.get(5).replace("\"detail\":\"" + sixth.detail(), "\"detail\":\"" + sixth.detail() + "!");
    assertThat(changed).isNotEqualTo(lines.get(5));
    lines.set(5, changed);
    Path tampered = Files.write(dir.resolve("tampered.jsonl"), lines);
    assertThat(run("--entries", tampered.toString(), "--checkpoints", checkpoints.toString(), "--key", key)).isEqualTo(AuditVerifier.BROKEN);
    assertThat(printed()).startsWith("broken: entry 6 breaks the hash chain");

    lines.set(5, "not json");
    Path garbled = Files.write(dir.resolve("garbled.jsonl"), lines);
    assertThat(run("--entries", garbled.toString(), "--checkpoints", checkpoints.toString(), "--key", key)).isEqualTo(AuditVerifier.BROKEN);
    assertThat(printed()).contains("line 6 is not an exported audit entry");

    String otherKey = org.cpis.audit.CheckpointSigner.of(MerkleAuditProperties.ORIGIN, MerkleAuditProperties.keys()).verifierKey().encoded();
    assertThat(run("--entries", entries.toString(), "--checkpoints", checkpoints.toString(), "--key", otherKey)).isEqualTo(AuditVerifier.BROKEN);
    assertThat(printed()).contains("checkpoint 1 does not verify");

    assertThat(run("--entries", entries.toString())).isEqualTo(AuditVerifier.UNUSABLE);
    assertThat(printed()).contains("usage:");
    assertThat(run("--entries", dir.resolve("missing.jsonl").toString(), "--checkpoints", checkpoints.toString(), "--key", key)).isEqualTo(AuditVerifier.UNUSABLE);
    assertThat(run("--entries", entries.toString(), "--checkpoints", checkpoints.toString(), "--key", "not-a-key")).isEqualTo(AuditVerifier.UNUSABLE);
  }

  @Test
  @DisplayName("An entry's JSON line reads back as the same entry, whatever its text holds (quotes, backslashes, control characters, non-ASCII)")
  void jsonRoundTrip() {
    AuditEntry e =
        org.cpis.rules.AuditChain.next(
            java.util.Optional.empty(),
            org.cpis.model.AuditRecord.builder()
                .id(org.cpis.model.RecordId.of("a-1"))
                .at(java.time.Instant.parse("2025-03-01T10:15:30.123456Z"))
                .action(org.cpis.model.AuditAction.CHECK)
                .actor("nurse \"quoted\" back\\slash")
                .organisation(org.cpis.model.OdsCode.of("RAL01"))
                .setting(org.cpis.model.CareSetting.EMERGENCY_DEPARTMENT)
                .subject(org.cpis.model.NhsNumber.parse("9434765919"))
                .detail("tab\there, newline\nthere, bell\u0007, é, 👶")
                .build());
    String line = AuditJsonLines.write(e);
    assertThat(line).doesNotContain("\n").doesNotContain("\t");
    assertThat(AuditJsonLines.read(line)).isEqualTo(e);
    assertThat(AuditJsonLines.read(" " + line.replace(",\"id\"", " , \"id\"") + " ")).isEqualTo(e);
  }

  @Test
  @DisplayName("Checkpoints verify in any order, an empty tree's checkpoint included; one of size 0 with another root is broken")
  void checkpointsInAnyOrder() {
    org.cpis.audit.RecordingCheckpointPublisher published = new org.cpis.audit.RecordingCheckpointPublisher();
    TestEngine t =
        new TestEngine(
            b -> b.sealBatchSize(3).checkpointKey(MerkleAuditProperties.ORIGIN, MerkleAuditProperties.KEYS).checkpointPublisher(published));
    for (int i = 0; i < 7; i++) {
      t.islington().deletePlan("none-" + i);
    }
    List<AuditEntry> log = t.cpis.auditLog();
    org.cpis.rules.SignedNote.VerifierKey key = t.cpis.checkpointVerifierKey().orElseThrow();
    org.cpis.audit.CheckpointSigner signer = org.cpis.audit.CheckpointSigner.of(MerkleAuditProperties.ORIGIN, MerkleAuditProperties.KEYS);
    String empty =
        signer.sign(new org.cpis.rules.Checkpoint(MerkleAuditProperties.ORIGIN, 0, org.cpis.rules.MerkleTree.emptyRoot(), java.util.Optional.empty())).note();
    List<String> notes = new java.util.ArrayList<>(published.published().stream().map(org.cpis.audit.SignedCheckpoint::note).toList());
    assertThat(notes).as("one checkpoint per batch of 3").hasSize(3);
    java.util.Collections.reverse(notes);
    notes.add(empty);

    AuditVerifier.Verdict newestFirst = AuditVerifier.verify(log.iterator(), notes, key);
    assertThat(newestFirst.intact()).as(newestFirst.message()).isTrue();
    assertThat(newestFirst.checkpointsChecked()).isEqualTo(4);
    assertThat(newestFirst.entriesChecked()).isEqualTo(7);

    String wrongEmpty =
        signer.sign(new org.cpis.rules.Checkpoint(MerkleAuditProperties.ORIGIN, 0, org.cpis.rules.MerkleTree.leafHash(new byte[0]), java.util.Optional.empty())).note();
    AuditVerifier.Verdict broken = AuditVerifier.verify(log.iterator(), List.of(wrongEmpty), key);
    assertThat(broken.intact()).isFalse();
    assertThat(broken.message()).contains("size 0");
  }
}
