package org.cpis.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Tells a local authority, once, in its inbox, that an NHS number it holds plans under is no
 * longer in use: inactive, or superseded by {@link #replacement()}, so that it fixes its record
 * and uploads under the new number. A sibling of {@link AccessNotification}: it has no
 * organisation, setting or accessor, so it is not one of its kinds. Acknowledged, not reviewed.
 */
@Value.Immutable
public abstract class NumberChangeNotice {

  /** Stable: the link's id and the local authority's ODS code. */
  public abstract RecordId id();

  /** The {@link NhsNumberLink} it tells of. */
  public abstract RecordId linkId();

  public abstract OdsCode localAuthority();

  /** The number no longer in use, which the authority's plans are recorded under. */
  public abstract NhsNumber number();

  public abstract Optional<NhsNumber> replacement();

  /** The authority's plans recorded under {@link #number()} when the change was recorded. */
  public abstract List<PlanId> plans();

  public abstract Instant recordedAt();

  /** Who at the authority acknowledged it, when it has been. */
  public abstract Optional<String> acknowledgedBy();

  public abstract Optional<Instant> acknowledgedAt();

  public static ImmutableNumberChangeNotice.Builder builder() {
    return ImmutableNumberChangeNotice.builder();
  }

  @Value.Check
  protected NumberChangeNotice normalize() {
    Records.require(
        acknowledgedBy().isPresent() == acknowledgedAt().isPresent(),
        "a notice has an acknowledgement time exactly when someone acknowledged it");
    acknowledgedBy().ifPresent(a -> Records.requireText(a, "who acknowledged a notice"));
    Records.require(!plans().isEmpty(), "a number change notice names at least one plan");
    Records.require(
        plans().stream().allMatch(p -> p.localAuthority().equals(localAuthority())),
        "a number change notice names only its own authority's plans");
    if (Records.isMicros(recordedAt()) && acknowledgedAt().map(Records::isMicros).orElse(true)) {
      return this;
    }
    return ImmutableNumberChangeNotice.copyOf(this)
        .withRecordedAt(Records.micros(recordedAt()))
        .withAcknowledgedAt(acknowledgedAt().map(Records::micros));
  }
}
