package org.cpis.model;

import org.immutables.value.Value;

/**
 * The stable id of a protection plan: the owning local authority's ODS code and the local
 * authority's own reference for the plan ({@code 714/CP-2024-0031}). Uploading the same record
 * again addresses the same plan.
 */
@Value.Immutable(builder = false, copy = false)
public abstract class PlanId implements Comparable<PlanId> {

  @Value.Parameter
  public abstract OdsCode localAuthority();

  @Value.Parameter
  public abstract String localReference();

  public static PlanId of(OdsCode localAuthority, String localReference) {
    return ImmutablePlanId.of(localAuthority, localReference);
  }

  @Value.Check
  protected void check() {
    Records.requireText(localReference(), "a plan's local reference");
  }

  /** {@code ODS/reference}, e.g. {@code 714/CP-2024-0031}. */
  public String value() {
    return localAuthority().value() + '/' + localReference();
  }

  @Override
  public int compareTo(PlanId other) {
    return value().compareTo(other.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
