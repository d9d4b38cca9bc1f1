package org.cpis.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Named leases, so that work done by one node at a time (sealing the audit log) has one holder,
 * and another node takes it over when the holder stops renewing. One row per name.
 */
public interface LeaseStore {

  /**
   * Takes the lease {@code name} for {@code holder} until {@code until}, if nobody holds it, its
   * holder's lease expired at or before {@code now}, or {@code holder} already holds it (which
   * renews it). On a relational database, one statement:
   * {@code INSERT ... ON CONFLICT (name) DO UPDATE ... WHERE expires_at <= now OR holder = holder}.
   *
   * @return whether {@code holder} holds the lease now
   */
  boolean acquire(String name, String holder, Instant now, Instant until);

  /** Gives the lease up if {@code holder} holds it; does nothing otherwise. */
  void release(String name, String holder);

  /** The current holder of the lease, if it has not expired at {@code now}. */
  Optional<String> holder(String name, Instant now);
}
