package org.cpis.model;

import org.immutables.value.Value;

/**
 * The stable id of a protection plan: the owning local authority's ODS code and the local
 * authority's own reference for the plan ({@code 714/CP-2024-0031}). Uploading the same record
 * again addresses the same plan. The local reference is 1 to 64 printable ASCII characters
 * (U+0021 to U+007E), else {@link InvalidIdentifierException}. Ordered by local authority, then
 * reference: the order of {@link #value()}.
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
    Records.requireIdentifier(localReference(), "a plan's local reference");
  }

  /** {@code ODS/reference}, e.g. {@code 714/CP-2024-0031}. */
  public String value() {
    return localAuthority().value() + '/' + localReference();
  }

  @Override
  public int compareTo(PlanId other) {
    // The order of value(), without building two strings: an ODS code is letters and digits,
    // all after '/', so comparing the codes first orders as the joined text does.
    int byAuthority = localAuthority().compareTo(other.localAuthority());
    return byAuthority != 0 ? byAuthority : localReference().compareTo(other.localReference());
  }

  @Override
  public String toString() {
    return value();
  }
}
