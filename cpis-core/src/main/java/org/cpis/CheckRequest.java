package org.cpis;

import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.Organisation;
import org.immutables.value.Value;

/**
 * A health-side check of a child (design rule 6): whose record, who is looking, from which
 * organisation, in which care setting. It has no field for clinical information or the reason
 * for the visit, by design. The time comes from the engine's clock.
 */
@Value.Immutable
public abstract class CheckRequest {

  /** The child's NHS number, or a pregnant woman's. */
  public abstract NhsNumber nhsNumber();

  public abstract Accessor accessor();

  public abstract Organisation organisation();

  public abstract CareSetting setting();

  /**
   * Whether the caller treats the access as an unscheduled event; {@code false} makes it a
   * silent read (design rule 7). Defaults to {@code true}.
   */
  @Value.Default
  public boolean unscheduled() {
    return true;
  }

  public static ImmutableCheckRequest.Builder builder() {
    return ImmutableCheckRequest.builder();
  }
}
