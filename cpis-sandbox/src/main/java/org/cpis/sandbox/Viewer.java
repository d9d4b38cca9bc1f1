package org.cpis.sandbox;

import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.Organisation;
import org.immutables.value.Value;

/**
 * Whom a bearer token identifies, as the national service learns it from the smartcard session:
 * the health professional (user id, name, role, RBAC activity), the organisation and the care
 * setting they work in.
 */
@Value.Immutable
public abstract class Viewer {

  public abstract Accessor accessor();

  public abstract Organisation organisation();

  public abstract CareSetting setting();

  public static ImmutableViewer.Builder builder() {
    return ImmutableViewer.builder();
  }
}
