package org.cpis.rules;

import java.util.Optional;
import org.cpis.model.ProtectionPlan;

/**
 * Design rule 5, reconciliation: what applying a valid upload record does to the stored plan.
 * Applying the same record twice changes nothing the second time.
 */
public enum Reconciliation {
  INSERT,
  UPDATE,
  DELETE,
  UNCHANGED;

  /** What {@code change} does to {@code stored}, the plan with the same id if there is one. */
  public static Reconciliation of(Optional<ProtectionPlan> stored, PlanChange change) {
    if (change.isDelete()) {
      return stored.isPresent() ? DELETE : UNCHANGED;
    }
    if (stored.isEmpty()) {
      return INSERT;
    }
    return stored.get().equals(change.plan().get()) ? UNCHANGED : UPDATE;
  }

  /** Whether the store changes. */
  public boolean changesStore() {
    return this != UNCHANGED;
  }
}
