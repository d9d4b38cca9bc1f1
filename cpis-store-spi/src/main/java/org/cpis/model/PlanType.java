package org.cpis.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of plan CP-IS shares, with their CP-IS message codes and the SNOMED CT concepts by
 * which the national FHIR API names them.
 */
public enum PlanType {
  /** Child protection plan. */
  CHILD_PROTECTION_PLAN("CPPI", "342191000000101", "Child protection plan"),
  /** Looked-after child: s31 care order, s38 interim care order or s20 voluntary accommodation. */
  LOOKED_AFTER_CHILD("LACI", "764841000000100", "Looked-after child"),
  /** Unborn child protection plan, recorded under the mother's NHS number. */
  UNBORN_CHILD_PROTECTION_PLAN("UCPI", "818901000000100", "Unborn child protection plan");

  private final String code;
  private final String snomedConceptId;
  private final String displayName;

  PlanType(String code, String snomedConceptId, String displayName) {
    this.code = code;
    this.snomedConceptId = snomedConceptId;
    this.displayName = displayName;
  }

  /** The CP-IS message code: {@code CPPI}, {@code LACI} or {@code UCPI}. */
  public String code() {
    return code;
  }

  /** The SNOMED CT concept id used by the national FHIR API. */
  public String snomedConceptId() {
    return snomedConceptId;
  }

  public String displayName() {
    return displayName;
  }

  public boolean isUnborn() {
    return this == UNBORN_CHILD_PROTECTION_PLAN;
  }

  /** {@link #values()} once: every upload record looks its type up. */
  private static final PlanType[] VALUES = values();

  /** The plan type with this CP-IS code (case-insensitive), if there is one. */
  public static Optional<PlanType> fromCode(String code) {
    String trimmed = code == null ? "" : code.trim();
    for (PlanType t : VALUES) {
      if (t.code.equalsIgnoreCase(trimmed)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The plan type with this SNOMED CT concept id, if there is one. */
  public static Optional<PlanType> fromSnomedConceptId(String conceptId) {
    return Arrays.stream(values()).filter(t -> t.snomedConceptId.equals(conceptId)).findFirst();
  }
}
