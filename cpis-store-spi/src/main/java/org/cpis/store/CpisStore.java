package org.cpis.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where CP-IS keeps its records. All access goes through a transaction: the store applies
 * everything the work did, or, if the work throws, nothing, and rethrows what it threw.
 * Transactions are serializable: a unit of work sees no other unit's partial writes. A
 * transaction's stores may only be used inside its unit of work: used after it has ended, they
 * throw {@link IllegalStateException}.
 */
public interface CpisStore {

  /**
   * Runs {@code work} in one transaction and returns its result.
   *
   * @throws RuntimeException whatever {@code work} threw, after rolling back all of its writes
   * @throws StoreException if the store itself failed; nothing was applied
   */
  <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work);

  /**
   * Runs {@code work}, which returns nothing, in one transaction, as {@link
   * #inTransaction(Function)}. (A separate name, so that a lambda is never ambiguous between the
   * two.)
   */
  default void runInTransaction(Consumer<? super StoreTransaction> work) {
    inTransaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }
}
