package org.cpis.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends each checkpoint's signed note to a file, followed by a blank line, and forces it to
 * disk: the file {@link AuditVerifier} reads. Put it where the database's administrators cannot
 * write (other storage, another host's mount).
 */
public final class FileCheckpointPublisher implements CheckpointPublisher {

  private final Path file;

  public FileCheckpointPublisher(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public synchronized void publish(SignedCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    try (var channel =
        java.nio.channels.FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(java.nio.ByteBuffer.wrap((checkpoint.note() + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("could not append the audit checkpoint to " + file.getFileName(), e);
    }
  }

  /** The file it appends to. */
  public Path file() {
    return file;
  }
}
