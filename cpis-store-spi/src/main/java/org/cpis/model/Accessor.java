package org.cpis.model;

import org.immutables.value.Value;

/** The health professional who looks at a child's record, as their smartcard identifies them. */
@Value.Immutable
public abstract class Accessor {

  public abstract String userId();

  public abstract String name();

  /** The job role, e.g. {@code Staff Nurse}. */
  public abstract String role();

  /** The RBAC activity code under which the record is accessed, e.g. {@code B0168}; {@code B0170} is a silent read. */
  public abstract String rbacActivityCode();

  public static ImmutableAccessor.Builder builder() {
    return ImmutableAccessor.builder();
  }

  @Value.Check
  protected void check() {
    Records.requireText(userId(), "an accessor's user id");
    Records.requireText(name(), "an accessor's name");
    Records.requireText(role(), "an accessor's role");
    Records.requireText(rbacActivityCode(), "an accessor's RBAC activity code");
  }
}
