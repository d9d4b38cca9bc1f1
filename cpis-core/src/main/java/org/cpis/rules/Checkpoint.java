package org.cpis.rules;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A tree head of the audit log in the C2SP {@code tlog-checkpoint} text (c2sp.org/tlog-checkpoint):
 * the origin (the log's name), the tree size in decimal, the root hash in base64, and one
 * extension line {@code time <instant>} saying when the sealer made it. It is signed as a C2SP
 * signed note ({@link SignedNote}).
 *
 * @param origin the log's name: non-empty, no spaces, no {@code +}
 * @param size how many entries the tree holds
 * @param root the Merkle root of those entries ({@link MerkleTree#root})
 * @param time when it was made, if the checkpoint says
 */
public record Checkpoint(String origin, long size, byte[] root, Optional<Instant> time) {

  private static final String TIME = "time ";

  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(time, "time");
    SignedNote.requireKeyName(origin, "a checkpoint origin");
    if (size < 0) {
      throw new IllegalArgumentException("a checkpoint's tree size is at least 0: " + size);
    }
    if (root.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("a checkpoint's root hash is 32 bytes, not " + root.length);
    }
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /** The root hash in lower-case hex. */
  public String rootHex() {
    return HexFormat.of().formatHex(root);
  }

  /** The note text: origin, size, base64 root, the time line; each ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n"
        + time.map(t -> TIME + t + "\n").orElse("");
  }

  /**
   * Reads a checkpoint's note text (already verified by {@link SignedNote#open}); unknown
   * extension lines are ignored.
   *
   * @throws InvalidNoteException if it is not a checkpoint
   */
  public static Checkpoint parse(String body) {
    Objects.requireNonNull(body, "body");
    if (!body.endsWith("\n")) {
      throw new InvalidNoteException("a checkpoint's text ends with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new InvalidNoteException("a checkpoint has an origin, a tree size and a root hash line");
    }
    long size;
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new InvalidNoteException("a checkpoint's tree size is a decimal without leading zeroes");
    }
    size = Long.parseLong(lines[1]);
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidNoteException("a checkpoint's root hash is not base64");
    }
    Optional<Instant> time = Optional.empty();
    for (String extension : Arrays.asList(lines).subList(3, lines.length)) {
      if (extension.isEmpty()) {
        throw new InvalidNoteException("a checkpoint's extension lines are not empty");
      }
      if (extension.startsWith(TIME) && time.isEmpty()) {
        try {
          time = Optional.of(Instant.parse(extension.substring(TIME.length())));
        } catch (DateTimeParseException e) {
          throw new InvalidNoteException("a checkpoint's time line is not an ISO-8601 instant");
        }
      }
    }
    try {
      return new Checkpoint(lines[0], size, root, time);
    } catch (IllegalArgumentException e) {
      throw new InvalidNoteException(e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.origin.equals(origin) && c.size == size && Arrays.equals(c.root, root) && c.time.equals(time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(root), time);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", size " + size + ", root " + rootHex() + time.map(t -> ", " + t).orElse("") + "]";
  }
}
