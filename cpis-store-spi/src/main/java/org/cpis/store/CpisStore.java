package org.cpis.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where CP-IS keeps its records. All access goes through a transaction: the store applies
 * everything the work did, or, if the work throws, nothing, and rethrows what it threw. A
 * transaction's stores may only be used inside its unit of work: used after it has ended, they
 * throw {@link IllegalStateException}.
 *
 * <h2>Isolation</h2>
 *
 * Transactions are <b>serializable</b>: the outcome of concurrent transactions is that of some
 * order of running them one at a time. Snapshot isolation is not enough: the engine's units of
 * work decide what to write from what they read (an upload reconciles against the plans it read,
 * a deletion forgets a child's history when it read that no plan is left), so two of them whose
 * reads overlap and whose writes do not must not both commit (write skew). A store that cannot
 * order two transactions throws {@link TransientStoreException} from one of them, and the
 * engine runs that one again. The conformance kit's isolation contracts prove this.
 *
 * <h2>Failures</h2>
 *
 * <ul>
 *   <li>A refusal, {@link DuplicateRecordException} or {@link RecordNotFoundException}, leaves the
 *       transaction usable: the work may catch it and carry on, and what it did before and after
 *       is committed.
 *   <li>Any other {@link StoreException} dooms the transaction: even if the work catches it and
 *       returns, nothing is applied and {@code inTransaction} throws.
 *   <li>{@link TransientStoreException}: nothing was applied and running the same work again is
 *       safe. The store runs the work once per call; retrying is the caller's choice (the
 *       engine retries).
 * </ul>
 *
 * A store is closed with {@link #close()} when the host shuts down; it never closes what the host
 * gave it (such as a {@code DataSource}).
 */
public interface CpisStore extends AutoCloseable {

  /**
   * Runs {@code work} in one transaction and returns its result.
   *
   * @throws RuntimeException whatever {@code work} threw, after rolling back all of its writes
   * @throws TransientStoreException if the transaction could not be completed but may be on
   *     another try; nothing was applied
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

  /** Releases what the store holds (threads, caches); the default holds nothing. */
  @Override
  default void close() {}
}
