package org.cpis.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispatcher's hold on a pending notification: until {@code until}, no other claimant is given
 * it by {@link NotificationStore#claimDue}. A claim is a lease, not a lock: a claimant that dies
 * simply lets it expire.
 *
 * @param claimant who holds it: a dispatcher's id, unique across the nodes sharing the store
 * @param until when it expires
 */
public record Claim(String claimant, Instant until) {

  public Claim {
    Objects.requireNonNull(claimant, "claimant");
    Objects.requireNonNull(until, "until");
    if (claimant.isBlank()) {
      throw new IllegalArgumentException("a claimant must not be blank");
    }
  }
}
