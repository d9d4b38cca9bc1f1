package org.cpis.rules;

import org.immutables.value.Value;

/**
 * How long plans stay visible to health settings (design rule 3). The defaults are the national
 * ones; a deployment may configure others, never below zero.
 */
@Value.Immutable
public abstract class RetentionPolicy {

  /** Days a child protection plan or looked-after episode stays visible after its end date: 364. */
  @Value.Default
  public int endedPlanDays() {
    return 364;
  }

  /** Days an unborn child protection plan stays visible after its end date: 28. */
  @Value.Default
  public int endedUnbornPlanDays() {
    return 28;
  }

  /** Days an open unborn plan stays visible after the expected delivery date: 28. */
  @Value.Default
  public int openUnbornPlanDaysAfterExpectedDelivery() {
    return 28;
  }

  /** The age at which a child's plans stop being visible: 18. */
  @Value.Default
  public int ageOfMajority() {
    return 18;
  }

  /** The national defaults. */
  public static RetentionPolicy defaults() {
    return builder().build();
  }

  public static ImmutableRetentionPolicy.Builder builder() {
    return ImmutableRetentionPolicy.builder();
  }

  @Value.Check
  protected void check() {
    if (endedPlanDays() < 0
        || endedUnbornPlanDays() < 0
        || openUnbornPlanDaysAfterExpectedDelivery() < 0
        || ageOfMajority() < 1) {
      throw new IllegalArgumentException("retention periods cannot be negative: " + this);
    }
  }
}
