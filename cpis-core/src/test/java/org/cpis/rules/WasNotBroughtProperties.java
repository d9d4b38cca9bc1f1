package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.cpis.model.AccessNotification;
import org.cpis.model.NotificationKind;

/**
 * "Was not brought": routed exactly as an access to the same plans would be, one per owning local
 * authority, of its own kind with the appointment's time; nothing for a child with no visible plan.
 */
class WasNotBroughtProperties {

  @Property(tries = 300)
  @Label("A missed appointment notifies each owning local authority once, routed as an access, of its own kind")
  void routedAsAnAccessOfItsOwnKind(
      @ForAll("accesses") NotificationRoutingProperties.Access access, @ForAll Instant appointmentAt) {
    LocalDate day = access.event.accessedAt().atZone(ZoneOffset.UTC).toLocalDate();
    Instant appointment = appointmentAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    List<AccessNotification> routed = NotificationRouting.notificationsFor(access.event, access.plans, day);

    List<AccessNotification> missed = WasNotBrought.notificationsFor(access.event, appointment, access.plans, day);

    assertThat(missed).hasSameSizeAs(routed);
    for (int i = 0; i < missed.size(); i++) {
      AccessNotification m = missed.get(i);
      assertThat(m.kind()).isEqualTo(NotificationKind.WAS_NOT_BROUGHT);
      assertThat(m.appointmentAt()).contains(appointment);
      assertThat(AccessNotification.builder().from(m).kind(NotificationKind.ACCESS).appointmentAt(java.util.Optional.empty()).build())
          .isEqualTo(routed.get(i));
    }
    if (access.plans.isEmpty()) {
      assertThat(missed).isEmpty();
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<NotificationRoutingProperties.Access> accesses() {
    return new NotificationRoutingProperties().accesses();
  }
}
