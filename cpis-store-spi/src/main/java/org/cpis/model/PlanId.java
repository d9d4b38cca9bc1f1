package org.cpis.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stable id of a protection plan: the owning local authority's ODS code and the local
 * authority's own reference for the plan ({@code 714/CP-2024-0031}). Uploading the same record
 * again addresses the same plan. The local reference is 1 to 64 printable ASCII characters
 * (U+0021 to U+007E), else {@link InvalidIdentifierException}. Ordered by local authority, then
 * reference: the order of {@link #value()}.
 *
 * <p>A value written by hand rather than by Immutables: a store holds one per plan, so the
 * reference is kept as its ASCII bytes (one array, no {@code String} object around it), and
 * {@link #localReference()} makes the text when asked.
 */
public final class PlanId implements Comparable<PlanId> {

  private final OdsCode localAuthority;
  /** The local reference's characters, each one byte (they are printable ASCII). */
  private final byte[] reference;

  private PlanId(OdsCode localAuthority, byte[] reference) {
    this.localAuthority = localAuthority;
    this.reference = reference;
  }

  /**
   * @throws NullPointerException naming the argument that is null
   * @throws InvalidIdentifierException if the reference is not 1 to 64 printable ASCII characters
   */
  public static PlanId of(OdsCode localAuthority, String localReference) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    Objects.requireNonNull(localReference, "localReference");
    Records.requireIdentifier(localReference, "a plan's local reference");
    return new PlanId(localAuthority, localReference.getBytes(StandardCharsets.US_ASCII));
  }

  public OdsCode localAuthority() {
    return localAuthority;
  }

  public String localReference() {
    return new String(reference, StandardCharsets.US_ASCII);
  }

  /** {@code ODS/reference}, e.g. {@code 714/CP-2024-0031}. */
  public String value() {
    return localAuthority.value() + '/' + localReference();
  }

  @Override
  public int compareTo(PlanId other) {
    // The order of value(): an ODS code is letters and digits, all after '/', so comparing the
    // codes first orders as the joined text does; the references' bytes compare as their text.
    int byAuthority = localAuthority.compareTo(other.localAuthority);
    return byAuthority != 0 ? byAuthority : Arrays.compare(reference, other.reference);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof PlanId
            && ((PlanId) other).localAuthority.equals(localAuthority)
            && Arrays.equals(((PlanId) other).reference, reference));
  }

  @Override
  public int hashCode() {
    return 31 * localAuthority.hashCode() + Arrays.hashCode(reference);
  }

  @Override
  public String toString() {
    return value();
  }
}
