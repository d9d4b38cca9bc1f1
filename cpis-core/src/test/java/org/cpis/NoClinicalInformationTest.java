package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.Organisation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Design rule 7: the request and notification types have no field that could carry clinical
 * information or the reason for the visit. Each type's attributes are pinned to this list, so a
 * new field is a deliberate decision reviewed against the rule, never an accident.
 */
@DisplayName("No clinical information")
class NoClinicalInformationTest {

  @Test
  @DisplayName("A check request holds who looks, from where, in which setting, and whether it is unscheduled: nothing more")
  void checkRequest() {
    assertThat(attributes(CheckRequest.class))
        .containsExactlyInAnyOrder("nhsNumber", "accessor", "organisation", "setting", "unscheduled");
  }

  @Test
  @DisplayName("A notification holds the child, the plan, who looked, where and when, and its delivery: nothing more")
  void accessNotification() {
    assertThat(attributes(AccessNotification.class))
        .containsExactlyInAnyOrder(
            "id", "accessEventId", "subject", "planId", "planType", "organisation", "setting",
            "accessor", "accessedAt", "assignedSocialWorker", "deliveryStatus", "failedAttempts",
            "nextAttemptAt", "deliveredAt", "localAuthority", "kind", "furtherAccesses",
            "repeatAttendance", "appointmentAt", "planHeldUnder", "accessCount");
  }

  @Test
  @DisplayName("A missed appointment holds whose, who records it, where, and the appointment's time: no reason, nothing clinical")
  void missedAppointment() {
    assertThat(attributes(MissedAppointment.class))
        .containsExactlyInAnyOrder("nhsNumber", "recordedBy", "organisation", "setting", "appointmentAt");
  }

  @Test
  @DisplayName("A gathered access and an attendance of a pattern hold who looked, where and when: nothing more")
  void episodeAccessAndAttendance() {
    assertThat(attributes(org.cpis.model.EpisodeAccess.class))
        .containsExactlyInAnyOrder("accessEventId", "accessor", "accessedAt");
    assertThat(attributes(org.cpis.model.Attendance.class)).containsExactlyInAnyOrder("organisation", "setting", "at");
    assertThat(attributes(org.cpis.model.RepeatAttendance.class))
        .containsExactlyInAnyOrder("attendances", "organisations", "name");
  }

  @Test
  @DisplayName("An access event, an accessor and an organisation hold identities, places and times: nothing more")
  void accessEventAndWhoLooked() {
    assertThat(attributes(AccessEvent.class))
        .containsExactlyInAnyOrder("id", "subject", "accessor", "organisation", "setting", "accessedAt");
    assertThat(attributes(Accessor.class)).containsExactlyInAnyOrder("userId", "name", "role", "rbacActivityCode");
    assertThat(attributes(Organisation.class)).containsExactlyInAnyOrder("odsCode", "name");
  }

  /** The record's attributes: its public, no-argument, non-static accessors declared on the type. */
  private static Set<String> attributes(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
        .filter(m -> !m.getReturnType().equals(boolean.class) || !m.getName().startsWith("is"))
        .map(Method::getName)
        .filter(name -> !Set.of("toString", "hashCode").contains(name))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
