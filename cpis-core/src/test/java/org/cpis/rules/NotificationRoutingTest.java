package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rules 7 and 8, routing, by example. */
class NotificationRoutingTest {

  private static final NhsNumber CHILD = NhsNumber.parse("943 476 5919");
  private static final Instant AT = Instant.parse("2024-05-10T21:14:00Z");
  private static final LocalDate TODAY = AT.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();

  private static final AccessEvent EVENT =
      AccessEvent.builder()
          .id(RecordId.of("evt-1"))
          .subject(CHILD)
          .accessor(Accessor.builder().userId("555123456789").name("Sam Taylor").role("Staff Nurse").rbacActivityCode("B0168").build())
          .organisation(Organisation.of(OdsCode.of("RAL01"), "Royal Free Hospital"))
          .setting(CareSetting.EMERGENCY_DEPARTMENT)
          .accessedAt(AT)
          .build();

  private static ProtectionPlan plan(String la, String ref, LocalDate start, String worker) {
    return ProtectionPlan.builder()
        .id(PlanId.of(OdsCode.of(la), ref))
        .subject(CHILD)
        .type(PlanType.CHILD_PROTECTION_PLAN)
        .start(start)
        .allocatedSocialWorker(java.util.Optional.ofNullable(worker))
        .build();
  }

  @Test
  @DisplayName("An access that finds plans of two local authorities notifies each of them once, in ODS code order")
  void oneNotificationPerAuthority() {
    List<AccessNotification> notifications =
        NotificationRouting.notificationsFor(
            EVENT,
            List.of(
                plan("802", "A", LocalDate.of(2023, 1, 1), "kbrown1"),
                plan("714", "B", LocalDate.of(2022, 1, 1), "jsmith42"),
                plan("714", "C", LocalDate.of(2024, 1, 1), null)),
            TODAY);
    assertThat(notifications).extracting(AccessNotification::localAuthority)
        .containsExactly(OdsCode.of("714"), OdsCode.of("802"));
    assertThat(notifications).extracting(AccessNotification::id)
        .containsExactly(RecordId.of("evt-1/714"), RecordId.of("evt-1/802"));
    AccessNotification islington = notifications.get(0);
    assertThat(islington.planId().localReference()).as("the latest active plan").isEqualTo("C");
    assertThat(islington.assignedSocialWorker()).as("the first allocated worker").contains("jsmith42");
  }

  @Test
  @DisplayName("A notification for plans with no allocated social worker goes to the MASH queue")
  void mash() {
    AccessNotification n =
        NotificationRouting.notificationsFor(EVENT, List.of(plan("714", "A", LocalDate.of(2023, 1, 1), null)), TODAY).get(0);
    assertThat(n.isForMash()).isTrue();
  }

  @Test
  @DisplayName("An active plan is preferred to an ended one")
  void activeFirst() {
    ProtectionPlan ended =
        ProtectionPlan.builder().from(plan("714", "NEW", LocalDate.of(2024, 1, 1), null)).end(LocalDate.of(2024, 3, 1)).build();
    ProtectionPlan active = plan("714", "OLD", LocalDate.of(2020, 1, 1), "jsmith42");
    AccessNotification n = NotificationRouting.notificationsFor(EVENT, List.of(ended, active), TODAY).get(0);
    assertThat(n.planId().localReference()).isEqualTo("OLD");
  }

  @Test
  @DisplayName("No plan found, no notification")
  void noPlans() {
    assertThat(NotificationRouting.notificationsFor(EVENT, List.of(), TODAY)).isEmpty();
  }

  @Test
  @DisplayName("Between two active plans of one authority that started the same day, the notification names the lower id")
  void tiesGoToTheLowerId() {
    ProtectionPlan b = plan("714", "B", LocalDate.of(2023, 1, 1), null);
    ProtectionPlan a = plan("714", "A", LocalDate.of(2023, 1, 1), null);

    AccessNotification n = NotificationRouting.notificationsFor(EVENT, List.of(b, a), TODAY).get(0);

    assertThat(n.planId().localReference()).isEqualTo("A");
  }
}
