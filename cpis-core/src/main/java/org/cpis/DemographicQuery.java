package org.cpis;

import java.time.LocalDate;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.immutables.value.Value;

/**
 * What an upload record says about its subject, for a {@link DemographicsVerifier} to match
 * against the national record (design rule 5). For an unborn plan the subject is the mother.
 */
@Value.Immutable
public abstract class DemographicQuery {

  /** The local authority that sent the record. */
  public abstract OdsCode localAuthority();

  public abstract NhsNumber nhsNumber();

  public abstract Optional<String> givenName();

  public abstract Optional<String> familyName();

  public abstract Optional<LocalDate> dateOfBirth();

  public static ImmutableDemographicQuery.Builder builder() {
    return ImmutableDemographicQuery.builder();
  }
}
