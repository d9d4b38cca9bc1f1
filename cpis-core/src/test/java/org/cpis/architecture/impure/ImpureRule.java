package org.cpis.architecture.impure;

import java.time.LocalDate;
import org.cpis.Cpis;
import org.cpis.store.PlanStore;

/** A rule as the architecture forbids it, which {@code ArchitectureTest} must catch. */
final class ImpureRule {

  private ImpureRule() {}

  static boolean breaksEveryRule(PlanStore store, Cpis cpis) {
    org.slf4j.LoggerFactory.getLogger(ImpureRule.class).info("{}", System.getenv("HOME"));
    return store != null && cpis != null && LocalDate.now().getYear() > System.currentTimeMillis();
  }
}
