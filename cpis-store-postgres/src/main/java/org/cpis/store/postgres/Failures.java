package org.cpis.store.postgres;

import org.cpis.store.StoreException;
import org.cpis.store.TransientStoreException;

/** Where the store's exceptions are made, so that the transient kind is chosen in one place. */
final class Failures {

  private Failures() {}

  /** Nothing was applied; running the same work again is safe. */
  static StoreException transientFailure(String message, Throwable cause) {
    return new TransientStoreException(message, cause);
  }
}
