package org.cpis.store;

/**
 * The store could not complete a transaction for a reason that may pass (a serialization
 * conflict with another transaction, a deadlock, a lost connection before commit). Nothing of the
 * transaction was applied, so running the same unit of work again is safe; the engine does so a
 * bounded number of times. A store throws it only when it knows that nothing was committed.
 */
public class TransientStoreException extends StoreException {

  private static final long serialVersionUID = 1L;

  public TransientStoreException(String message) {
    super(message);
  }

  public TransientStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
