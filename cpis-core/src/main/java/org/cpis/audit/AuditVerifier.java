package org.cpis.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.cpis.model.AuditEntry;
import org.cpis.rules.AuditChain;
import org.cpis.rules.AuditLeaf;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.InvalidNoteException;
import org.cpis.rules.MerkleTree;
import org.cpis.rules.SignedNote;
import org.cpis.rules.SignedNote.VerifierKey;

/**
 * The offline verifier of the audit log: given exported entries ({@link AuditJsonLines}), the
 * published checkpoints and the log's public key, it says whether the log is intact or names the
 * first entry that breaks. It checks, in this order: every checkpoint's signature; that no two
 * checkpoints of one size disagree (a forked history); then each entry in turn, its sequence, its
 * place in the hash chain and its own hash; and at each checkpoint's size, that the Merkle root
 * of the entries so far is the signed one. A log rewritten and rehashed end to end passes the
 * chain but not the first checkpoint published before the rewrite: the broken entry is then named
 * as the first of the entries between the last checkpoint that still matches and that one.
 *
 * <p>From the command line: {@code java org.cpis.audit.AuditVerifier --entries audit.jsonl
 * --checkpoints checkpoints.txt --key <verifier key>} (or {@code --key-file}); exit code 0 when
 * intact, 1 when broken, 2 when the arguments or files cannot be used.
 */
public final class AuditVerifier {

  /** Exit code: the log is intact. */
  public static final int INTACT = 0;
  /** Exit code: the log, a checkpoint or a signature is broken. */
  public static final int BROKEN = 1;
  /** Exit code: bad arguments or unreadable files. */
  public static final int UNUSABLE = 2;

  private AuditVerifier() {}

  /**
   * What the verifier found.
   *
   * @param intact whether everything verified
   * @param entriesChecked how many entries were read
   * @param checkpointsChecked how many checkpoints verified and matched
   * @param firstBroken the sequence number of the first entry that breaks (when it is an entry)
   * @param message one line for a person
   */
  public record Verdict(
      boolean intact, long entriesChecked, int checkpointsChecked, OptionalLong firstBroken, String message) {}

  /**
   * Verifies {@code entries} (in file order) against the signed {@code notes} (in any order),
   * with {@code key}. Every failure is a verdict, never an exception.
   */
  public static Verdict verify(Iterator<AuditEntry> entries, List<String> notes, VerifierKey key) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(key, "key");
    if (notes.isEmpty()) {
      return broken(0, 0, OptionalLong.empty(), "no checkpoint to verify against");
    }
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      try {
        checkpoints.add(SignedCheckpoint.open(notes.get(i), key).checkpoint());
      } catch (InvalidNoteException e) {
        return broken(0, 0, OptionalLong.empty(), "checkpoint " + (i + 1) + " does not verify: " + e.getMessage());
      }
    }
    checkpoints.sort(Comparator.comparingLong(Checkpoint::size));
    for (int i = 1; i < checkpoints.size(); i++) {
      Checkpoint a = checkpoints.get(i - 1);
      Checkpoint b = checkpoints.get(i);
      if (a.size() == b.size() && !MessageDigest.isEqual(a.root(), b.root())) {
        return broken(0, 0, OptionalLong.empty(), "forked history: two signed checkpoints of size " + a.size() + " have different roots");
      }
      if (!a.origin().equals(b.origin())) {
        return broken(0, 0, OptionalLong.empty(), "the checkpoints are of two logs: " + a.origin() + " and " + b.origin());
      }
    }
    MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
    String previous = AuditChain.GENESIS;
    int next = 0;
    long lastGood = 0;
    int matched = 0;
    while (next < checkpoints.size() && checkpoints.get(next).size() == 0) {
      if (!MessageDigest.isEqual(checkpoints.get(next).root(), MerkleTree.emptyRoot())) {
        return broken(0, 0, OptionalLong.empty(), "the checkpoint of size 0 does not have the empty tree's root");
      }
      next++;
      matched++;
    }
    while (entries.hasNext()) {
      AuditEntry e = entries.next();
      long expected = tree.size() + 1;
      if (e.sequence() != expected) {
        return broken(tree.size(), matched, OptionalLong.of(expected), "entry " + expected + " is missing or out of place (found sequence " + e.sequence() + ")");
      }
      if (!e.previousHash().equals(previous) || !e.hash().equals(AuditChain.hashOf(e))) {
        return broken(tree.size(), matched, OptionalLong.of(expected), "entry " + expected + " breaks the hash chain: it was changed, or one before it was removed or inserted");
      }
      previous = e.hash();
      tree.append(AuditLeaf.hash(e), null);
      while (next < checkpoints.size() && checkpoints.get(next).size() == tree.size()) {
        Checkpoint c = checkpoints.get(next);
        if (!MessageDigest.isEqual(c.root(), tree.root())) {
          long first = lastGood + 1;
          return broken(tree.size(), matched, OptionalLong.of(first),
              "the entries do not match the signed checkpoint of size " + c.size() + ": the log was rewritten"
                  + (first == c.size() ? " at entry " + first : " from an entry between " + first + " and " + c.size()));
        }
        lastGood = c.size();
        next++;
        matched++;
      }
    }
    if (next < checkpoints.size()) {
      Checkpoint c = checkpoints.get(checkpoints.size() - 1);
      return broken(tree.size(), matched, OptionalLong.of(tree.size() + 1),
          "the entries end at " + tree.size() + " but a signed checkpoint covers " + c.size() + ": entry " + (tree.size() + 1) + " and after are missing");
    }
    long uncovered = tree.size() - lastGood;
    return new Verdict(true, tree.size(), matched, OptionalLong.empty(),
        "intact: " + tree.size() + " entries, " + matched + " signed checkpoints of " + checkpoints.get(0).origin()
            + " match (the newest covers " + lastGood + ")"
            + (uncovered > 0 ? "; the last " + uncovered + " entries are chained but not yet covered by a checkpoint" : ""));
  }

  private static Verdict broken(long checked, int matched, OptionalLong first, String message) {
    return new Verdict(false, checked, matched, first, "broken: " + message);
  }

  /** {@link #verify} over exported lines; a line that is not an entry breaks the log there. */
  public static Verdict verifyLines(BufferedReader lines, List<String> notes, VerifierKey key) {
    Objects.requireNonNull(lines, "lines");
    long[] lineNumber = {0};
    AuditJsonLines.FormatException[] bad = {null};
    Iterator<AuditEntry> entries =
        new Iterator<>() {
          private AuditEntry ahead;

          @Override
          public boolean hasNext() {
            if (ahead != null) {
              return true;
            }
            if (bad[0] != null) {
              return false;
            }
            try {
              String line;
              do {
                line = lines.readLine();
                lineNumber[0]++;
              } while (line != null && line.isBlank());
              if (line == null) {
                return false;
              }
              ahead = AuditJsonLines.read(line);
              return true;
            } catch (AuditJsonLines.FormatException e) {
              bad[0] = e;
              return false;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public AuditEntry next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            AuditEntry e = ahead;
            ahead = null;
            return e;
          }
        };
    Verdict v = verify(entries, notes, key);
    if (bad[0] != null && (v.intact() || v.message().contains("are missing"))) {
      return broken(v.entriesChecked(), v.checkpointsChecked(), OptionalLong.of(v.entriesChecked() + 1),
          "line " + lineNumber[0] + " is not an exported audit entry: " + bad[0].getMessage());
    }
    return v;
  }

  /**
   * The signed notes in a checkpoints file, as {@link FileCheckpointPublisher} writes it: each
   * note's text, blank line and signature lines, notes apart by blank lines.
   */
  public static List<String> splitNotes(String file) {
    List<String> notes = new ArrayList<>();
    StringBuilder note = new StringBuilder();
    boolean inSignatures = false;
    boolean afterBlank = false;
    for (String line : file.split("\n", -1)) {
      boolean signature = line.startsWith("\u2014 ");
      if (inSignatures && !signature) {
        notes.add(note.toString());
        note.setLength(0);
        inSignatures = false;
        afterBlank = false;
      }
      if (line.isEmpty() && note.length() == 0) {
        continue;
      }
      if (signature && afterBlank) {
        inSignatures = true;
      }
      afterBlank = line.isEmpty();
      note.append(line).append('\n');
    }
    if (note.length() > 0) {
      notes.add(note.toString()); // the last note, or a malformed rest that will not verify
    }
    return notes;
  }

  /** The command line; see the class's documentation. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** {@link #main} without exiting: returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path entries = null;
    Path checkpoints = null;
    String key = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--entries" -> entries = Path.of(Objects.requireNonNull(value, "--entries"));
          case "--checkpoints" -> checkpoints = Path.of(Objects.requireNonNull(value, "--checkpoints"));
          case "--key" -> key = Objects.requireNonNull(value, "--key");
          case "--key-file" -> key = Files.readString(Path.of(Objects.requireNonNull(value, "--key-file")), StandardCharsets.UTF_8);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        i++;
      }
      if (entries == null || checkpoints == null || key == null) {
        throw new IllegalArgumentException("--entries, --checkpoints and --key (or --key-file) are required");
      }
      VerifierKey verifierKey = SignedNote.VerifierKey.parse(key);
      List<String> notes = splitNotes(Files.readString(checkpoints, StandardCharsets.UTF_8));
      Verdict v;
      try (BufferedReader lines = Files.newBufferedReader(entries, StandardCharsets.UTF_8)) {
        v = verifyLines(lines, notes, verifierKey);
      }
      out.println(v.message());
      return v.intact() ? INTACT : BROKEN;
    } catch (IOException | UncheckedIOException | IllegalArgumentException | NullPointerException e) {
      err.println("cpis audit verifier: " + e.getMessage());
      err.println("usage: AuditVerifier --entries FILE.jsonl --checkpoints FILE (--key NAME+ID+KEY | --key-file FILE)");
      return UNUSABLE;
    }
  }
}
