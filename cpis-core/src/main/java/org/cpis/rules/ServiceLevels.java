package org.cpis.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The service's operating limits: how fresh a feed must be, how long after the expected delivery
 * date an open unborn plan is reported, how soon a notification must be reviewed, how many past
 * accesses a check shows.
 */
@Value.Immutable
public abstract class ServiceLevels {

  /** A local authority whose last upload is older than this is stale: 24 hours. */
  @Value.Default
  public Duration feedMaxAge() {
    return Duration.ofHours(24);
  }

  /** An open unborn plan this many days past its expected delivery date is "birth not recorded": 14. */
  @Value.Default
  public int birthNotRecordedAfterDays() {
    return 14;
  }

  /** A notification not reviewed this long after the access is overdue: 3 days. */
  @Value.Default
  public Duration reviewDeadline() {
    return Duration.ofDays(3);
  }

  /** How many recent unscheduled accesses a check shows: 25. */
  @Value.Default
  public int accessHistoryLimit() {
    return 25;
  }

  public static ServiceLevels defaults() {
    return builder().build();
  }

  public static ImmutableServiceLevels.Builder builder() {
    return ImmutableServiceLevels.builder();
  }

  @Value.Check
  protected void check() {
    if (feedMaxAge().isNegative()
        || reviewDeadline().isNegative()
        || birthNotRecordedAfterDays() < 0
        || accessHistoryLimit() < 0) {
      throw new IllegalArgumentException("service levels cannot be negative: " + this);
    }
  }
}
