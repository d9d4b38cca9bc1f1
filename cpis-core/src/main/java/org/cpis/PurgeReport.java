package org.cpis;

import java.time.LocalDate;
import org.immutables.value.Value;

/** What a purge removed (design rule 9: data minimisation). */
@Value.Immutable
public abstract class PurgeReport {

  /** The day, in the engine's zone, whose visibility rules decided the purge. */
  public abstract LocalDate purgedOn();

  public abstract int plansPurged();

  /** Access events removed with the last plan of their subject. */
  public abstract int accessEventsPurged();

  /** Notifications (with their reviews) removed with the last plan of their subject. */
  public abstract int notificationsPurged();

  public static ImmutablePurgeReport.Builder builder() {
    return ImmutablePurgeReport.builder();
  }
}
