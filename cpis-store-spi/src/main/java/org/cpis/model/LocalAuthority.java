package org.cpis.model;

import org.immutables.value.Value;

/** A local authority that owns plans, with the numbers a health professional calls. */
@Value.Immutable
public abstract class LocalAuthority {

  public abstract OdsCode odsCode();

  public abstract String name();

  /** The children's social care number to call in office hours. */
  public abstract String officeHoursPhone();

  /** The emergency duty team's number, out of office hours. */
  public abstract String emergencyDutyPhone();

  public static ImmutableLocalAuthority.Builder builder() {
    return ImmutableLocalAuthority.builder();
  }

  @Value.Check
  protected void check() {
    Records.requireText(name(), "a local authority's name");
    Records.requireText(officeHoursPhone(), "a local authority's office-hours phone");
    Records.requireText(emergencyDutyPhone(), "a local authority's emergency-duty phone");
  }
}
