package org.cpis.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one audited act was: written by the unit of work that did it, in the same transaction,
 * and not yet part of the hash chain. The audit log's sealer later gives it its place in the
 * chain as an {@link AuditEntry}, so that no unit of work reads the chain's tail.
 */
@Value.Immutable
public abstract class AuditRecord {

  /** Stable id, chosen by the engine: a retried write is idempotent. */
  public abstract RecordId id();

  /** When it happened, to the microsecond. */
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

  public static ImmutableAuditRecord.Builder builder() {
    return ImmutableAuditRecord.builder();
  }

  @Value.Check
  protected AuditRecord normalize() {
    Records.requireText(actor(), "an audit actor");
    return Records.isMicros(at()) ? this : ImmutableAuditRecord.copyOf(this).withAt(Records.micros(at()));
  }
}
