package org.cpis.hl7v3;

import java.util.List;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.immutables.value.Value;

/** The organisation that sent an upload {@code File}: the local authority, with its telephones. */
@Value.Immutable
public abstract class SendingOrganisation {

  public abstract OdsCode odsCode();

  public abstract String name();

  /** One or two; exactly one is the emergency ({@code EC}) number. */
  public abstract List<Telecom> telecoms();

  /** The emergency ({@code EC}) number. */
  public Optional<Telecom> emergencyTelecom() {
    return telecoms().stream().filter(Telecom::isEmergency).findFirst();
  }

  /** The number for office hours: the first that is not the emergency number, else that one. */
  public Optional<Telecom> officeHoursTelecom() {
    return telecoms().stream()
        .filter(t -> !t.isEmergency())
        .findFirst()
        .or(this::emergencyTelecom);
  }

  public static ImmutableSendingOrganisation.Builder builder() {
    return ImmutableSendingOrganisation.builder();
  }
}
