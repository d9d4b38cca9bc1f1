package org.cpis.model;

import java.time.Instant;
import org.immutables.value.Value;

/** What the service kept of one upload from a local authority: when, and how it went. */
@Value.Immutable
public abstract class UploadReceipt {

  public abstract RecordId id();

  public abstract OdsCode localAuthority();

  public abstract Instant receivedAt();

  public abstract int accepted();

  public abstract int unchanged();

  public abstract int rejected();

  /** Records that came without an NHS number (counted for the data-quality report). */
  public abstract int withoutNhsNumber();

  public static ImmutableUploadReceipt.Builder builder() {
    return ImmutableUploadReceipt.builder();
  }

  /** Checks the counts; instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected UploadReceipt normalize() {
    Records.require(
        accepted() >= 0 && unchanged() >= 0 && rejected() >= 0 && withoutNhsNumber() >= 0,
        "upload counts cannot be negative");
    Records.require(withoutNhsNumber() <= rejected(), "a record without an NHS number is rejected");
    return Records.isMicros(receivedAt())
        ? this
        : ImmutableUploadReceipt.copyOf(this).withReceivedAt(Records.micros(receivedAt()));
  }
}
