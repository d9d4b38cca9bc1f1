package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rules 7 and 8, routing: one notification per owning local authority, ordered by ODS
 * code, with a stable id, naming the most relevant plan and going to its social worker or to MASH.
 */
class NotificationRoutingProperties {

  /** An access and the plans it found, all under the accessed child's number. */
  static final class Access {
    final AccessEvent event;
    final List<ProtectionPlan> plans;

    Access(AccessEvent event, List<ProtectionPlan> plans) {
      this.event = event;
      this.plans = plans;
    }

    @Override
    public String toString() {
      return "Access{at=" + event.accessedAt() + ", plans="
          + plans.stream().map(p -> p.id() + " " + p.start() + ".." + p.end().map(Object::toString).orElse("")
              + " " + p.allocatedSocialWorker().orElse("MASH")).collect(Collectors.toList()) + '}';
    }
  }

  @Property(tries = 300)
  @Label("one notification per owning local authority, ordered by ODS code, none without plans")
  void onePerAuthority(@ForAll("accesses") Access access) {
    List<AccessNotification> notifications = NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event));
    List<OdsCode> authorities =
        access.plans.stream().map(ProtectionPlan::localAuthority).distinct().sorted().collect(Collectors.toList());
    assertThat(notifications).extracting(AccessNotification::localAuthority).containsExactlyElementsOf(authorities);
    if (access.plans.isEmpty()) {
      assertThat(notifications).isEmpty();
    }
  }

  @Property(tries = 300)
  @Label("a notification's id is stable: derived from the access and the authority, and distinct per authority")
  void stableIds(@ForAll("accesses") Access access) {
    List<AccessNotification> notifications = NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event));
    for (AccessNotification n : notifications) {
      assertThat(n.id()).isEqualTo(NotificationRouting.notificationId(access.event.id(), n.localAuthority()));
    }
    assertThat(notifications.stream().map(AccessNotification::id).distinct().count()).isEqualTo(notifications.size());
    assertThat(NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event))).isEqualTo(notifications);
  }

  @Property(tries = 300)
  @Label("the order in which plans are found does not matter")
  void orderIndependent(@ForAll("accesses") Access access, @ForAll long seed) {
    List<ProtectionPlan> shuffled = new ArrayList<>(access.plans);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(NotificationRouting.notificationsFor(access.event, shuffled, dayOf(access.event)))
        .isEqualTo(NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event)));
  }

  @Property(tries = 300)
  @Label("a notification names the authority's most relevant plan and goes to the first allocated social worker, or to MASH")
  void routedToSocialWorkerOrMash(@ForAll("accesses") Access access) {
    LocalDate day = dayOf(access.event);
    for (AccessNotification n : NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event))) {
      List<ProtectionPlan> own =
          access.plans.stream()
              .filter(p -> p.localAuthority().equals(n.localAuthority()))
              .sorted(NotificationRouting.relevance(dayOf(access.event)))
              .collect(Collectors.toList());
      ProtectionPlan primary = own.get(0);
      assertThat(n.planId()).isEqualTo(primary.id());
      assertThat(n.planType()).isEqualTo(primary.type());
      boolean anyActive = own.stream().anyMatch(p -> Visibility.isActive(p, day));
      assertThat(Visibility.isActive(primary, day)).isEqualTo(anyActive);
      own.stream()
          .filter(p -> Visibility.isActive(p, day) == anyActive)
          .forEach(p -> assertThat(primary.start()).isAfterOrEqualTo(p.start()));
      Optional<String> firstWorker = own.stream().flatMap(p -> p.allocatedSocialWorker().stream()).findFirst();
      assertThat(n.assignedSocialWorker()).isEqualTo(firstWorker);
      assertThat(n.isForMash()).isEqualTo(own.stream().allMatch(p -> p.allocatedSocialWorker().isEmpty()));
    }
  }

  @Property(tries = 300)
  @Label("a notification carries the access as it happened, pending delivery from the time of access")
  void carriesTheAccess(@ForAll("accesses") Access access) {
    for (AccessNotification n : NotificationRouting.notificationsFor(access.event, access.plans, dayOf(access.event))) {
      assertThat(n.accessEventId()).isEqualTo(access.event.id());
      assertThat(n.subject()).isEqualTo(access.event.subject());
      assertThat(n.organisation()).isEqualTo(access.event.organisation());
      assertThat(n.setting()).isEqualTo(access.event.setting());
      assertThat(n.accessor()).isEqualTo(access.event.accessor());
      assertThat(n.accessedAt()).isEqualTo(access.event.accessedAt());
      assertThat(n.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(n.nextAttemptAt()).isEqualTo(access.event.accessedAt());
      assertThat(n.failedAttempts()).isZero();
      assertThat(n.deliveredAt()).isEmpty();
    }
  }

  @Provide
  Arbitrary<Access> accesses() {
    Arbitrary<OdsCode> fewAuthorities = Arbitraries.of("714", "802", "303", "120").map(OdsCode::of);
    Arbitrary<ProtectionPlan> plans =
        Combinators.combine(CpisArbitraries.plans(), fewAuthorities)
            .as((p, la) -> ProtectionPlan.builder().from(p).id(PlanId.of(la, p.id().localReference())).build());
    return Combinators.combine(CpisArbitraries.accessEvents(), plans.list().ofMaxSize(7))
        .as(
            (event, found) -> {
              List<ProtectionPlan> own = new ArrayList<>();
              for (int i = 0; i < found.size(); i++) {
                ProtectionPlan p = found.get(i);
                own.add(
                    ProtectionPlan.builder()
                        .from(p)
                        .id(PlanId.of(p.localAuthority(), p.id().localReference() + "-" + i))
                        .subject(event.subject())
                        .build());
              }
              return new Access(event, own);
            });
  }

  /** The day of the access, in UTC: these properties hold on any day. */
  private static java.time.LocalDate dayOf(org.cpis.model.AccessEvent event) {
    return event.accessedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }
}
