package org.cpis;

import org.cpis.store.StoreException;
import org.cpis.store.TransientStoreException;

/**
 * The store failed a unit of work transiently on every attempt that the {@link
 * TransactionRetryPolicy} allows. Nothing of it was applied; the cause is the last failure.
 */
public final class TransactionRetriesExhaustedException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  TransactionRetriesExhaustedException(int attempts, TransientStoreException last) {
    super(
        "The CP-IS store failed the unit of work transiently " + attempts
            + (attempts == 1 ? " time" : " times") + "; nothing was applied",
        last);
    this.attempts = attempts;
  }

  /** How many times the unit of work was run. */
  public int attempts() {
    return attempts;
  }
}
