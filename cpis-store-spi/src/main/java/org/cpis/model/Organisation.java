package org.cpis.model;

import org.immutables.value.Value;

/** A health organisation or site, by ODS code and name. */
@Value.Immutable
public abstract class Organisation {

  public abstract OdsCode odsCode();

  public abstract String name();

  public static ImmutableOrganisation.Builder builder() {
    return ImmutableOrganisation.builder();
  }

  public static Organisation of(OdsCode odsCode, String name) {
    return builder().odsCode(odsCode).name(name).build();
  }

  @Value.Check
  protected void check() {
    Records.requireText(name(), "an organisation's name");
  }
}
