package org.cpis;

import org.cpis.model.PlanId;
import org.cpis.rules.BirthRejection;

/** A birth cannot be recorded against the plan (design rule 4); nothing was changed. */
public final class BirthRejectedException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final PlanId planId;
  private final BirthRejection reason;

  public BirthRejectedException(PlanId planId, BirthRejection reason) {
    super("A birth cannot be recorded against plan " + planId + ": " + reason);
    this.planId = planId;
    this.reason = reason;
  }

  public PlanId planId() {
    return planId;
  }

  public BirthRejection reason() {
    return reason;
  }
}
