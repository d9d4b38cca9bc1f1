package org.cpis.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.NotificationKind;
import org.cpis.model.ProtectionPlan;

/**
 * "Was not brought": a missed scheduled appointment of a child with visible plans notifies each
 * owning local authority once, routed as an access would be ({@link NotificationRouting}: the most
 * relevant plan, its social worker or the MASH queue), as a notification of its own kind ({@link
 * NotificationKind#WAS_NOT_BROUGHT}) carrying the appointment's time. A child with no visible plan
 * gets no notification.
 */
public final class WasNotBrought {

  private WasNotBrought() {}

  /**
   * @param recording the recording of the missed appointment, as who recorded it, where and when
   *     (not an access: it enters no access history)
   */
  public static List<AccessNotification> notificationsFor(
      AccessEvent recording, Instant appointmentAt, List<ProtectionPlan> visiblePlans, LocalDate day) {
    List<AccessNotification> notifications = new ArrayList<>();
    for (AccessNotification n : NotificationRouting.notificationsFor(recording, visiblePlans, day)) {
      notifications.add(
          AccessNotification.builder()
              .from(n)
              .kind(NotificationKind.WAS_NOT_BROUGHT)
              .appointmentAt(appointmentAt)
              .build());
    }
    return notifications;
  }
}
