package org.cpis;

import org.cpis.model.OdsCode;

/** No local authority with this ODS code is registered ({@link Cpis#registerLocalAuthority}). */
public final class UnknownLocalAuthorityException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final OdsCode odsCode;

  public UnknownLocalAuthorityException(OdsCode odsCode) {
    super("No local authority is registered with ODS code " + odsCode);
    this.odsCode = odsCode;
  }

  public OdsCode odsCode() {
    return odsCode;
  }
}
