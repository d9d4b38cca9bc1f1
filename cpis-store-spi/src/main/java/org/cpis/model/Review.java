package org.cpis.model;

import java.time.Instant;
import org.immutables.value.Value;

/** A social worker's review of an access notification. At most one per notification. */
@Value.Immutable
public abstract class Review {

  public abstract RecordId notificationId();

  /** The owning local authority of the reviewed notification. */
  public abstract OdsCode localAuthority();

  /** The reviewer's user id. */
  public abstract String reviewer();

  public abstract ReviewOutcome outcome();

  /** Whether the reviewer confirmed the access was recorded on the child's case record. */
  public abstract boolean recordedOnCaseRecord();

  public abstract Instant reviewedAt();

  public static ImmutableReview.Builder builder() {
    return ImmutableReview.builder();
  }

  /** Checks the reviewer; instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected Review normalize() {
    Records.requireText(reviewer(), "a reviewer");
    return Records.isMicros(reviewedAt())
        ? this
        : ImmutableReview.copyOf(this).withReviewedAt(Records.micros(reviewedAt()));
  }
}
