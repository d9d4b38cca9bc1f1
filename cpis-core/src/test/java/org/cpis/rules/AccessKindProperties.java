package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.CareSetting;

/** Design rule 7: an access is a silent read exactly when B0170, a scheduled setting, or the caller says so. */
class AccessKindProperties {

  @Property
  @Label("silent exactly for activity B0170, a scheduled setting, or a caller who says it is not unscheduled")
  void silentReadRule(
      @ForAll("activities") String activity, @ForAll CareSetting setting, @ForAll boolean callerSaysUnscheduled) {
    boolean silent =
        activity.trim().equalsIgnoreCase("B0170") || setting == CareSetting.SCHEDULED || !callerSaysUnscheduled;
    AccessKind kind = AccessKind.of(activity, setting, callerSaysUnscheduled);
    assertThat(kind).isEqualTo(silent ? AccessKind.SILENT_READ : AccessKind.UNSCHEDULED);
    assertThat(kind.notifies()).isEqualTo(!silent);
  }

  @Provide
  Arbitrary<String> activities() {
    return Arbitraries.oneOf(
        java.util.List.of(
            Arbitraries.of("B0170", "b0170", " B0170 ", "B0168", "B0264", "B0380", "B01700", "B017"),
            Arbitraries.strings().withChars("B0178 ").ofMinLength(1).ofMaxLength(6)));
  }
}
