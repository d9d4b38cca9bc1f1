package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpis.Fixtures.TestEngine;
import org.cpis.audit.AuditJsonLines;
import org.cpis.audit.AuditVerifier;
import org.cpis.audit.CheckpointSigner;
import org.cpis.audit.RecordingCheckpointPublisher;
import org.cpis.audit.SignedCheckpoint;
import org.cpis.model.AuditEntry;
import org.cpis.rules.AuditChain;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.MerkleTree;

/**
 * Design rule 9 against whoever can write the audit tables: the engine seals entries into a
 * Merkle log, signs a checkpoint after every batch and publishes it; the offline verifier, given
 * the exported entries, the published checkpoints and the public key, finds the log intact, every
 * entry's inclusion proof and every pair of checkpoints' consistency proof verify; and any
 * tampering with the log, rehashed or not, is caught against an earlier published checkpoint.
 */
class MerkleAuditProperties {

  static final String ORIGIN = "cpis.test/audit";
  static final KeyPair KEYS = keys();

  static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** What tampering does to the exported log. */
  enum Tamper {
    FLIP_BIT, REMOVE, REORDER, INSERT, REWRITE_AND_REHASH, TRUNCATE, FORK
  }

  private record Sealed(TestEngine engine, RecordingCheckpointPublisher published, List<AuditEntry> log) {}

  private static Sealed sealed(int entries, int batch, int rounds) {
    RecordingCheckpointPublisher published = new RecordingCheckpointPublisher();
    TestEngine t = new TestEngine(b -> b.sealBatchSize(batch).checkpointKey(ORIGIN, KEYS).checkpointPublisher(published));
    for (int i = 0; i < entries; i++) {
      t.islington().deletePlan("none-" + i);
      if (i % Math.max(1, entries / rounds) == 0) {
        t.cpis.sealAuditLog();
      }
    }
    StringWriter out = new StringWriter();
    long written = t.cpis.exportAuditLog(out);
    List<AuditEntry> log = new ArrayList<>();
    out.toString().lines().map(AuditJsonLines::read).forEach(log::add);
    assertThat(written).isEqualTo(log.size());
    assertThat(log).isEqualTo(t.cpis.auditLog());
    return new Sealed(t, published, log);
  }

  private static List<String> notes(RecordingCheckpointPublisher p) {
    return p.published().stream().map(SignedCheckpoint::note).toList();
  }

  private static AuditVerifier.Verdict verify(List<AuditEntry> log, List<String> notes) {
    StringBuilder lines = new StringBuilder();
    log.forEach(e -> lines.append(AuditJsonLines.write(e)).append('\n'));
    return AuditVerifier.verifyLines(
        new BufferedReader(new StringReader(lines.toString())), notes, CheckpointSigner.of(ORIGIN, KEYS).verifierKey());
  }

  @Property(tries = 40)
  @Label("A sealed log verifies offline against every published checkpoint; every entry's inclusion proof and every consistency proof between checkpoints verifies")
  void sealedLogVerifies(
      @ForAll @IntRange(min = 1, max = 40) int entries,
      @ForAll @IntRange(min = 1, max = 7) int batch,
      @ForAll @IntRange(min = 1, max = 4) int rounds) {
    Sealed s = sealed(entries, batch, rounds);
    List<SignedCheckpoint> checkpoints = s.published().published();
    assertThat(checkpoints).isNotEmpty();
    Checkpoint latest = checkpoints.get(checkpoints.size() - 1).checkpoint();
    assertThat(latest.size()).isEqualTo(s.log().size());
    assertThat(s.engine().cpis.latestCheckpoint().map(SignedCheckpoint::checkpoint)).hasValue(latest);

    AuditVerifier.Verdict v = verify(s.log(), notes(s.published()));
    assertThat(v.intact()).as(v.message()).isTrue();
    assertThat(v.checkpointsChecked()).isEqualTo(checkpoints.size());

    for (AuditEntry e : s.log()) {
      assertThat(s.engine().cpis.inclusionProof(e.sequence(), latest.size()).verify(e, latest)).as("entry %s", e.sequence()).isTrue();
    }
    for (int i = 0; i < checkpoints.size(); i++) {
      for (int j = i; j < checkpoints.size(); j++) {
        Checkpoint older = checkpoints.get(i).checkpoint();
        Checkpoint newer = checkpoints.get(j).checkpoint();
        assertThat(s.engine().cpis.consistencyProof(older.size(), newer.size()).verify(older, newer)).isTrue();
      }
    }
  }

  @Property(tries = 70)
  @Label("Any flipped bit, removed, reordered or inserted entry, truncation, forked checkpoint or rewritten-and-rehashed log is detected against an earlier published checkpoint")
  void tamperingIsDetected(
      @ForAll @IntRange(min = 2, max = 30) int entries,
      @ForAll @IntRange(min = 1, max = 7) int batch,
      @ForAll @IntRange(min = 0, max = 29) int at,
      @ForAll Tamper tamper) {
    Sealed s = sealed(entries, batch, 3);
    List<AuditEntry> log = new ArrayList<>(s.log());
    List<String> notes = new ArrayList<>(notes(s.published()));
    int k = at % (log.size() - 1);
    AuditEntry target = log.get(k);
    switch (tamper) {
      case FLIP_BIT -> {
        char[] detail = target.detail().toCharArray();
        detail[at % detail.length] ^= 1;
        log.set(k, AuditEntry.builder().from(target).record(org.cpis.model.AuditRecord.builder().from(target.record()).detail(new String(detail)).build()).build());
      }
      case REMOVE -> log.remove(k);
      case REORDER -> {
        log.set(k, log.get(k + 1));
        log.set(k + 1, target);
      }
      case INSERT -> log.add(k, target);
      case REWRITE_AND_REHASH -> {
        log.set(k, AuditEntry.builder().from(target).record(org.cpis.model.AuditRecord.builder().from(target.record()).actor("someone else").build()).build());
        Optional<AuditEntry> previous = k == 0 ? Optional.empty() : Optional.of(log.get(k - 1));
        for (int i = k; i < log.size(); i++) {
          AuditEntry rehashed = AuditChain.next(previous, log.get(i).record());
          log.set(i, rehashed);
          previous = Optional.of(rehashed);
        }
        assertThat(AuditChain.firstBroken(log)).as("the rewritten chain is whole").isEmpty();
      }
      case TRUNCATE -> log.remove(log.size() - 1);
      case FORK -> {
        Checkpoint latest = s.published().latest().orElseThrow().checkpoint();
        byte[] otherRoot = MerkleTree.leafHash(latest.root());
        notes.add(CheckpointSigner.of(ORIGIN, KEYS).sign(new Checkpoint(ORIGIN, latest.size(), otherRoot, latest.time())).note());
      }
    }
    AuditVerifier.Verdict v = verify(log, notes);
    assertThat(v.intact()).as("%s at %s: %s", tamper, k + 1, v.message()).isFalse();
    if (tamper == Tamper.FORK) {
      assertThat(v.message()).contains("forked");
    } else if (tamper == Tamper.TRUNCATE) {
      assertThat(v.firstBroken()).hasValue(log.size() + 1);
    } else {
      assertThat(v.firstBroken()).as(v.message()).isPresent();
      long last = tamper == Tamper.INSERT ? k + 2L : k + 1L; // a copy inserted at k breaks at its copy
      assertThat(v.firstBroken().getAsLong()).as(v.message()).isBetween(1L, last);
    }
    if (tamper == Tamper.FLIP_BIT || tamper == Tamper.REWRITE_AND_REHASH) {
      Checkpoint latest = s.published().latest().orElseThrow().checkpoint();
      assertThat(s.engine().cpis.inclusionProof(k + 1, latest.size()).verify(log.get(k), latest))
          .as("the changed entry's inclusion proof fails").isFalse();
    }
  }
}
