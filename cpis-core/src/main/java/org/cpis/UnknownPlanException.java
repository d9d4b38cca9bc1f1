package org.cpis;

import org.cpis.model.PlanId;

/** The local authority has no plan with this reference. */
public final class UnknownPlanException extends CpisException {

  private static final long serialVersionUID = 1L;

  private final PlanId planId;

  public UnknownPlanException(PlanId planId) {
    super("No plan " + planId);
    this.planId = planId;
  }

  public PlanId planId() {
    return planId;
  }
}
