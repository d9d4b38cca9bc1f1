package org.cpis.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the append-only audit log. Entries are numbered from 1 without gaps and each
 * carries the hash of the entry before it ({@link #previousHash()}, empty text for the first)
 * and its own {@link #hash()}, so a changed or removed entry is detectable.
 */
@Value.Immutable
public abstract class AuditEntry {

  public abstract long sequence();

  public abstract Instant at();

  public abstract AuditAction action();

  /** Who acted: a user id, or a local authority's or system's name. */
  public abstract String actor();

  /** The organisation acting, when there is one. */
  public abstract Optional<OdsCode> organisation();

  public abstract Optional<CareSetting> setting();

  /** The child (or mother) concerned, when there is one. */
  public abstract Optional<NhsNumber> subject();

  /** What happened, e.g. {@code 2 plans visible, 1 notification}; never clinical information. */
  public abstract String detail();

  public abstract String previousHash();

  public abstract String hash();

  public static ImmutableAuditEntry.Builder builder() {
    return ImmutableAuditEntry.builder();
  }

  @Value.Check
  protected void check() {
    Records.require(sequence() >= 1, "audit sequence numbers start at 1");
    Records.requireText(actor(), "an audit actor");
    Records.requireText(hash(), "an audit hash");
  }
}
