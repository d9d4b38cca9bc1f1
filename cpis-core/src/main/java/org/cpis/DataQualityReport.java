package org.cpis;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.immutables.value.Value;

/**
 * The data-quality report (design rules 4 and 5): per registered local authority, the records
 * without an NHS number in its latest upload, its unborn plans whose birth was not recorded, and
 * whether its feed is stale.
 */
@Value.Immutable
public abstract class DataQualityReport {

  public abstract Instant asOf();

  /** One line per registered local authority, ordered by ODS code. */
  public abstract List<LocalAuthorityQuality> localAuthorities();

  /** The local authorities whose feed is stale. */
  public List<OdsCode> staleFeeds() {
    return localAuthorities().stream()
        .filter(LocalAuthorityQuality::stale)
        .map(LocalAuthorityQuality::odsCode)
        .collect(Collectors.toList());
  }

  /** Every unborn plan whose birth was not recorded, in local-authority order. */
  public List<PlanId> birthsNotRecorded() {
    return localAuthorities().stream()
        .flatMap(q -> q.birthsNotRecorded().stream())
        .collect(Collectors.toList());
  }

  /** Records without an NHS number across every local authority's latest upload. */
  public int recordsWithoutNhsNumber() {
    return localAuthorities().stream().mapToInt(LocalAuthorityQuality::recordsWithoutNhsNumber).sum();
  }

  public static ImmutableDataQualityReport.Builder builder() {
    return ImmutableDataQualityReport.builder();
  }
}
