package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.rules.Attendances.NOW;
import static org.cpis.rules.Attendances.access;

import java.time.Duration;
import java.util.List;
import org.cpis.model.AccessEvent;
import org.cpis.model.Attendance;
import org.cpis.model.CareSetting;
import org.cpis.model.RepeatAttendance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Repeat attendances")
class RepeatAttendancesTest {

  private final RepeatAttendancePolicy policy = RepeatAttendancePolicy.defaults();

  @Test
  @DisplayName("Three unscheduled attendances at two organisations within 14 days, this one included, make the pattern")
  void threeAtTwoWithinFourteenDays() {
    List<AccessEvent> history =
        List.of(access("a", 0, NOW.minus(Duration.ofDays(14))), access("b", 1, NOW.minus(Duration.ofDays(3))), access("c", 0, NOW));

    RepeatAttendance pattern = RepeatAttendances.pattern(history, NOW, policy).orElseThrow();

    assertThat(pattern.name()).isEqualTo("Repeat unscheduled attendances");
    assertThat(pattern.attendances()).extracting(Attendance::at)
        .containsExactly(NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(3)), NOW);
    assertThat(pattern.organisations()).isEqualTo(2);
  }

  @Test
  @DisplayName("An attendance a microsecond more than 14 days before this one does not count")
  void olderThanTheWindowDoesNotCount() {
    List<AccessEvent> history =
        List.of(
            access("a", 0, NOW.minus(Duration.ofDays(14)).minusNanos(1_000)),
            access("b", 1, NOW.minus(Duration.ofDays(3))),
            access("c", 0, NOW));

    assertThat(RepeatAttendances.pattern(history, NOW, policy)).isEmpty();
  }

  @Test
  @DisplayName("Any number of attendances at one organisation is not the pattern")
  void oneOrganisationIsNot() {
    List<AccessEvent> history =
        List.of(access("a", 0, NOW.minus(Duration.ofDays(5))), access("b", 0, NOW.minus(Duration.ofDays(3))),
            access("c", 0, NOW.minus(Duration.ofDays(1))), access("d", 0, NOW));

    assertThat(RepeatAttendances.pattern(history, NOW, policy)).isEmpty();
  }

  @Test
  @DisplayName("A nurse, a doctor and a registrar in one visit are one attendance, not three")
  void oneVisitCountsOnce() {
    List<AccessEvent> history =
        List.of(access("a", 1, NOW.minus(Duration.ofDays(2))), access("b", 0, NOW.minus(Duration.ofHours(2))),
            access("c", 0, NOW.minus(Duration.ofHours(1))), access("d", 0, NOW));

    assertThat(RepeatAttendances.attendances(history, policy)).hasSize(2);
    assertThat(RepeatAttendances.pattern(history, NOW, policy)).isEmpty();
  }

  @Test
  @DisplayName("The same organisation in another setting is another attendance")
  void anotherSettingIsAnotherAttendance() {
    List<AccessEvent> history =
        List.of(access("a", 1, NOW.minus(Duration.ofDays(2))),
            access("b", 0, CareSetting.EMERGENCY_DEPARTMENT, NOW.minus(Duration.ofHours(2))),
            access("c", 0, CareSetting.PAEDIATRIC_WARD, NOW));

    assertThat(RepeatAttendances.pattern(history, NOW, policy)).isPresent();
  }
}
