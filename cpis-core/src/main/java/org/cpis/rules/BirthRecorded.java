package org.cpis.rules;

import java.util.Optional;
import org.cpis.model.ProtectionPlan;
import org.immutables.value.Value;

/** The effect of recording a birth: the unborn plan, ended, and the baby's new plan if one starts. */
@Value.Immutable
public abstract class BirthRecorded {

  @Value.Parameter
  public abstract ProtectionPlan endedUnbornPlan();

  @Value.Parameter
  public abstract Optional<ProtectionPlan> babyPlan();
}
