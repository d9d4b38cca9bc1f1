package org.cpis;

import java.time.Instant;
import org.immutables.value.Value;

/** What one pass of the notification outbox did (design rule 7). */
@Value.Immutable
public abstract class DispatchReport {

  /** When the pass looked for notifications due. */
  public abstract Instant at();

  /** Notifications the notifier accepted and that are now marked delivered. */
  public abstract int delivered();

  /** Notifications whose delivery failed and that wait for their next attempt. */
  public abstract int failed();

  public static ImmutableDispatchReport.Builder builder() {
    return ImmutableDispatchReport.builder();
  }
}
