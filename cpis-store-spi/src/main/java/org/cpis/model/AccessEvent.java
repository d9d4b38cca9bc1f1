package org.cpis.model;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * An unscheduled access to a child's record: who looked, from where, in which setting, when.
 * Holds no clinical information and no reason for the visit, by design.
 */
@Value.Immutable
public abstract class AccessEvent {

  public abstract RecordId id();

  public abstract NhsNumber subject();

  public abstract Accessor accessor();

  public abstract Organisation organisation();

  public abstract CareSetting setting();

  public abstract Instant accessedAt();

  public static ImmutableAccessEvent.Builder builder() {
    return ImmutableAccessEvent.builder();
  }

  /** Instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected AccessEvent normalize() {
    return Records.isMicros(accessedAt())
        ? this
        : ImmutableAccessEvent.copyOf(this).withAccessedAt(Records.micros(accessedAt()));
  }
}
