package org.cpis.rules;

import org.cpis.model.CareSetting;

/**
 * Design rule 7: whether an access is an unscheduled event that notifies, or a silent read.
 * A silent read (RBAC activity {@value #SILENT_READ_ACTIVITY}, a scheduled setting, or the caller
 * saying the access is not an unscheduled event) shows the alert, notifies nobody and does not
 * enter the access history. An access is unscheduled unless the caller says otherwise.
 */
public enum AccessKind {
  UNSCHEDULED,
  SILENT_READ;

  /** The RBAC activity code of a silent read. */
  public static final String SILENT_READ_ACTIVITY = "B0170";

  public static AccessKind of(
      String rbacActivityCode, CareSetting setting, boolean callerSaysUnscheduled) {
    boolean silent =
        SILENT_READ_ACTIVITY.equalsIgnoreCase(rbacActivityCode.trim())
            || !setting.isUnscheduled()
            || !callerSaysUnscheduled;
    return silent ? SILENT_READ : UNSCHEDULED;
  }

  public boolean notifies() {
    return this == UNSCHEDULED;
  }
}
