package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.cpis.model.CareSetting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Design rule 7: silent reads, by example. */
class AccessKindTest {

  @Test
  @DisplayName("An emergency department access under B0168 is unscheduled and notifies")
  void unscheduled() {
    assertThat(AccessKind.of("B0168", CareSetting.EMERGENCY_DEPARTMENT, true)).isEqualTo(AccessKind.UNSCHEDULED);
    assertThat(AccessKind.UNSCHEDULED.notifies()).isTrue();
  }

  @Test
  @DisplayName("An access under RBAC activity B0170 is a silent read")
  void b0170() {
    assertThat(AccessKind.of("B0170", CareSetting.EMERGENCY_DEPARTMENT, true)).isEqualTo(AccessKind.SILENT_READ);
    assertThat(AccessKind.SILENT_READ.notifies()).isFalse();
  }

  @Test
  @DisplayName("An access in a scheduled setting is a silent read")
  void scheduled() {
    assertThat(AccessKind.of("B0168", CareSetting.SCHEDULED, true)).isEqualTo(AccessKind.SILENT_READ);
  }

  @ParameterizedTest
  @EnumSource(CareSetting.class)
  @DisplayName("An access the caller says is not an unscheduled event is a silent read, in any setting")
  void callerSaysNot(CareSetting setting) {
    assertThat(AccessKind.of("B0168", setting, false)).isEqualTo(AccessKind.SILENT_READ);
  }

  @ParameterizedTest
  @EnumSource(value = CareSetting.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("Every unscheduled-care setting of the design notifies: emergency department, maternity, out-of-hours GP, urgent care, minor injuries, paediatric ward, ambulance, 111")
  void everyUnscheduledSettingNotifies(CareSetting setting) {
    assertThat(AccessKind.of("B0168", setting, true)).isEqualTo(AccessKind.UNSCHEDULED);
  }
}
