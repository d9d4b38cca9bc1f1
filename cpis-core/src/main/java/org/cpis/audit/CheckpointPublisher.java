package org.cpis.audit;

/**
 * Sends each signed checkpoint out of the database, where whoever can rewrite the audit tables
 * cannot reach it: a file on other storage, a witness, a transparency service. The sealer calls it
 * after the batch it covers has committed, on the sealer's thread; a publisher that throws is
 * logged and the next batch's checkpoint (which covers this one) is published as usual.
 */
@FunctionalInterface
public interface CheckpointPublisher {

  /** Publishes one checkpoint; checkpoints come in growing tree size. */
  void publish(SignedCheckpoint checkpoint);

  /** A publisher that keeps checkpoints nowhere but in the store. */
  static CheckpointPublisher none() {
    return checkpoint -> {};
  }
}
