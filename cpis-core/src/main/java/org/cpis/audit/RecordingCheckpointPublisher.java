package org.cpis.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Keeps every checkpoint it is given, in memory, in order: for tests and for hosts that poll. */
public final class RecordingCheckpointPublisher implements CheckpointPublisher {

  private final List<SignedCheckpoint> published = new ArrayList<>();

  @Override
  public synchronized void publish(SignedCheckpoint checkpoint) {
    published.add(Objects.requireNonNull(checkpoint, "checkpoint"));
  }

  /** Every checkpoint published so far, oldest first. */
  public synchronized List<SignedCheckpoint> published() {
    return List.copyOf(published);
  }

  /** The newest checkpoint, if any. */
  public synchronized Optional<SignedCheckpoint> latest() {
    return published.isEmpty() ? Optional.empty() : Optional.of(published.get(published.size() - 1));
  }
}
