package org.cpis.audit;

import java.util.Objects;
import org.cpis.rules.Checkpoint;
import org.cpis.rules.InvalidNoteException;
import org.cpis.rules.SignedNote;

/**
 * A checkpoint with its signed note, as the sealer signed it and the {@link CheckpointPublisher}
 * sends it out.
 *
 * @param checkpoint what it says
 * @param note the C2SP signed note: the checkpoint's text, a blank line, the signature line
 */
public record SignedCheckpoint(Checkpoint checkpoint, String note) {

  public SignedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Verifies {@code note}'s signature by {@code key}, then reads its checkpoint.
   *
   * @throws InvalidNoteException if the note is malformed, unsigned by {@code key}, or its
   *     signature does not verify
   */
  public static SignedCheckpoint open(String note, SignedNote.VerifierKey key) {
    return new SignedCheckpoint(Checkpoint.parse(SignedNote.open(note, key)), note);
  }
}
