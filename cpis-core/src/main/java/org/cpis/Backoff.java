package org.cpis;

import java.time.Duration;

/** Exponential back-off, shared by the outbox's and the transactions' retry policies. */
final class Backoff {

  private Backoff() {}

  /**
   * {@code initial * 2^(failedAttempts - 1)}, at most {@code max}.
   *
   * @throws IllegalArgumentException if {@code failedAttempts} is below 1
   */
  static Duration doubling(Duration initial, Duration max, int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("a back-off follows at least one failed attempt");
    }
    Duration wait = initial;
    for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
