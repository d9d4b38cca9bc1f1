package org.cpis;

import java.time.Instant;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.Organisation;
import org.immutables.value.Value;

/**
 * A scheduled setting's record that a child was not brought to an appointment ("was not
 * brought"): whose, who records it, at which organisation and setting, and the appointment's date
 * and time. It has no field for a reason or any clinical detail, by design, as a check request
 * has none.
 */
@Value.Immutable
public abstract class MissedAppointment {

  /** The child's NHS number. */
  public abstract NhsNumber nhsNumber();

  /** Who records it, as their smartcard identifies them. */
  public abstract Accessor recordedBy();

  public abstract Organisation organisation();

  /** A scheduled setting ({@link CareSetting#isUnscheduled()} is false). */
  public abstract CareSetting setting();

  /** When the appointment was. */
  public abstract Instant appointmentAt();

  public static ImmutableMissedAppointment.Builder builder() {
    return ImmutableMissedAppointment.builder();
  }

  @Value.Check
  protected void check() {
    if (setting().isUnscheduled()) {
      throw new IllegalArgumentException(
          "a missed appointment is recorded by a scheduled setting, not " + setting().displayName());
    }
  }
}
