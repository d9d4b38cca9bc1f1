package org.cpis.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the national demographics service (PDS) says of a number that is no longer in use: it is
 * inactive, and superseded by {@link #replacement()} when it has one (after an adoption, or when
 * duplicate records were merged). A number has at most one link.
 */
@Value.Immutable
public abstract class NhsNumberLink {

  public abstract RecordId id();

  /** The number no longer in use. */
  public abstract NhsNumber number();

  /** The number that replaces it; empty when it is inactive with no replacement. */
  public abstract Optional<NhsNumber> replacement();

  /** Who told cpis (the host's actor, e.g. its PDS synchronisation). */
  public abstract String reportedBy();

  public abstract Instant recordedAt();

  /** Whether the number is superseded by another, rather than inactive with no replacement. */
  public boolean isSuperseded() {
    return replacement().isPresent();
  }

  public static ImmutableNhsNumberLink.Builder builder() {
    return ImmutableNhsNumberLink.builder();
  }

  @Value.Check
  protected NhsNumberLink normalize() {
    Records.requireText(reportedBy(), "who reported a number change");
    Records.require(!replacement().equals(Optional.of(number())), "a number cannot replace itself");
    return Records.isMicros(recordedAt())
        ? this
        : ImmutableNhsNumberLink.copyOf(this).withRecordedAt(Records.micros(recordedAt()));
  }
}
