package org.cpis.model;

/** Where a health professional checks a child. Only unscheduled settings notify. */
public enum CareSetting {
  EMERGENCY_DEPARTMENT("Emergency department", true),
  MATERNITY("Maternity", true),
  OUT_OF_HOURS_GP("Out-of-hours GP", true),
  URGENT_CARE("Urgent care or walk-in centre", true),
  MINOR_INJURIES("Minor injuries unit", true),
  PAEDIATRIC_WARD("Paediatric ward", true),
  AMBULANCE("Ambulance service", true),
  NHS_111("NHS 111", true),
  /** A scheduled setting, such as a GP practice in hours or an outpatient clinic. */
  SCHEDULED("Scheduled care", false);

  private final String displayName;
  private final boolean unscheduled;

  CareSetting(String displayName, boolean unscheduled) {
    this.displayName = displayName;
    this.unscheduled = unscheduled;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether care here is unscheduled, so that an access notifies the local authority. */
  public boolean isUnscheduled() {
    return unscheduled;
  }
}
