package org.cpis.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.OdsCode;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;

/**
 * Design rules 7 and 8, routing: an unscheduled access that finds visible plans creates one
 * notification for each owning local authority. It names that authority's most relevant plan
 * (active before ended, then latest start, then id) and goes to the first allocated social
 * worker among its plans in that order, or to the authority's MASH queue when none is
 * allocated.
 */
public final class NotificationRouting {

  private NotificationRouting() {}

  /** The order in which an authority's plans are considered on {@code day}: active first, latest start, id. */
  public static Comparator<ProtectionPlan> relevance(LocalDate day) {
    return Comparator.<ProtectionPlan, Boolean>comparing(p -> !Visibility.isActive(p, day))
        .thenComparing(ProtectionPlan::start, Comparator.reverseOrder())
        .thenComparing(ProtectionPlan::id);
  }

  /** The stable id of the notification to {@code localAuthority} about {@code accessEventId}. */
  public static RecordId notificationId(RecordId accessEventId, OdsCode localAuthority) {
    return RecordId.of(accessEventId.value() + "/" + localAuthority.value());
  }

  /**
   * The notifications an unscheduled access creates, one per owning local authority of the
   * visible plans, ordered by ODS code, pending delivery from the time of access.
   *
   * @param visiblePlans the plans visible to the accessor, all recorded under the event's subject
   * @param day the day of the access in the service's zone, which decides which plans are active
   */
  public static List<AccessNotification> notificationsFor(
      AccessEvent event, List<ProtectionPlan> visiblePlans, LocalDate day) {
    if (visiblePlans.size() == 1) {
      // One plan (most children): it is its authority's most relevant; nothing to sort.
      ProtectionPlan only = visiblePlans.get(0);
      return List.of(notification(event, only.localAuthority(), only, only.allocatedSocialWorker()));
    }
    Map<OdsCode, List<ProtectionPlan>> byAuthority = new LinkedHashMap<>();
    visiblePlans.stream()
        .sorted(Comparator.comparing(ProtectionPlan::localAuthority).thenComparing(relevance(day)))
        .forEach(p -> byAuthority.computeIfAbsent(p.localAuthority(), k -> new ArrayList<>()).add(p));
    List<AccessNotification> notifications = new ArrayList<>(byAuthority.size());
    byAuthority.forEach(
        (authority, plans) -> {
          ProtectionPlan primary = plans.get(0);
          Optional<String> worker =
              plans.stream().flatMap(p -> p.allocatedSocialWorker().stream()).findFirst();
          notifications.add(notification(event, authority, primary, worker));
        });
    return notifications;
  }

  private static AccessNotification notification(
      AccessEvent event, OdsCode authority, ProtectionPlan primary, Optional<String> worker) {
    return AccessNotification.builder()
        .id(notificationId(event.id(), authority))
        .accessEventId(event.id())
        .subject(event.subject())
        .planId(primary.id())
        .planType(primary.type())
        .organisation(event.organisation())
        .setting(event.setting())
        .accessor(event.accessor())
        .accessedAt(event.accessedAt())
        .assignedSocialWorker(worker)
        .deliveryStatus(DeliveryStatus.PENDING)
        .nextAttemptAt(event.accessedAt())
        .build();
  }
}
