package org.cpis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.immutables.value.Value;

/** One local authority's line of the {@link DataQualityReport} (design rules 4 and 5). */
@Value.Immutable
public abstract class LocalAuthorityQuality {

  public abstract OdsCode odsCode();

  public abstract String name();

  /** When its latest upload was received; empty if it never uploaded. */
  public abstract Optional<Instant> latestUpload();

  /** Whether its feed is stale: no upload within the service level's maximum age. */
  public abstract boolean stale();

  /** Records without an NHS number in its latest upload. */
  public abstract int recordsWithoutNhsNumber();

  /** Its unborn plans still open too long after the expected delivery date, by plan id. */
  public abstract List<PlanId> birthsNotRecorded();

  public static ImmutableLocalAuthorityQuality.Builder builder() {
    return ImmutableLocalAuthorityQuality.builder();
  }
}
