package org.cpis.rules;

import java.time.Instant;
import java.util.Optional;
import org.cpis.model.UploadReceipt;

/**
 * Design rule 5: each local authority uploads at least every 24 hours; one whose last upload is
 * older than that (or that never uploaded) is stale.
 */
public final class FeedFreshness {

  private FeedFreshness() {}

  public static boolean isStale(
      Optional<UploadReceipt> latest, Instant now, ServiceLevels levels) {
    return latest
        .map(r -> r.receivedAt().plus(levels.feedMaxAge()).isBefore(now))
        .orElse(true);
  }
}
