package org.cpis;

/**
 * Matches an upload record's NHS number, name and date of birth against the national record
 * (design rule 5, such as a Personal Demographics Service lookup). A record that does not match
 * is rejected as {@link org.cpis.rules.RejectionReason#NO_DEMOGRAPHIC_MATCH}. Called outside any
 * store transaction, once per valid added or updated record (never for a delete).
 */
@FunctionalInterface
public interface DemographicsVerifier {

  /** Whether the record's demographics match the national record. */
  boolean matches(DemographicQuery query);

  /** A verifier that accepts every record: the default when none is configured. */
  static DemographicsVerifier acceptAll() {
    return AcceptAll.INSTANCE;
  }
}
