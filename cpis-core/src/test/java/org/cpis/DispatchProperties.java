package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;

/**
 * Design rule 7, the outbox: a notifier that fails a number of times and then succeeds gets each
 * notification delivered exactly once, never marked delivered before the notifier accepted it,
 * never tried before its next attempt time, never lost, as the clock moves through the back-off.
 */
class DispatchProperties {

  /** One call of the notifier: what it was given, when, and whether it accepted. */
  private static final class Attempt {
    final AccessNotification notification;
    final Instant at;
    final boolean accepted;

    Attempt(AccessNotification notification, Instant at, boolean accepted) {
      this.notification = notification;
      this.at = at;
      this.accepted = accepted;
    }
  }

  @Property(tries = 60)
  void aNotifierThatFailsNTimesThenSucceedsDeliversEachNotificationExactlyOnce(
      @ForAll @IntRange(min = 0, max = 5) int failures,
      @ForAll @IntRange(min = 1, max = 4) int children,
      @ForAll @IntRange(min = 1, max = 600) int initialSeconds,
      @ForAll @IntRange(min = 1, max = 16) int maxMultiple,
      @ForAll boolean dispatchAfterCheck,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3000) Integer> secondsBetweenPasses) {
    RetryPolicy retry =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofSeconds(initialSeconds))
            .maxBackoff(Duration.ofSeconds((long) initialSeconds * maxMultiple))
            .build();
    List<Attempt> attempts = new ArrayList<>();
    Map<RecordId, Integer> tries = new HashMap<>();
    MutableClock[] clock = new MutableClock[1];
    TestEngine t =
        new TestEngine(
            b ->
                b.retryPolicy(retry)
                    .dispatchAfterCheck(dispatchAfterCheck)
                    .dispatchBatchSize(3)
                    .notifier(
                        n -> {
                          int tried = tries.merge(n.id(), 1, Integer::sum);
                          boolean accept = tried > failures;
                          attempts.add(new Attempt(n, clock[0].instant(), accept));
                          if (!accept) {
                            throw new IllegalStateException("receiver down");
                          }
                        }));
    clock[0] = t.clock;
    List<NhsNumber> checked = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      NhsNumber child = Fixtures.nhs(20 + i);
      checked.add(child);
      t.islington().upload(List.of(Fixtures.cpp(1, "CP-" + i, child, LocalDate.of(2024, 5, 1), null)));
    }
    t.camden().upload(List.of(Fixtures.cpp(1, "LA-0", checked.get(0), LocalDate.of(2024, 5, 1), null)));
    int created = 0;
    for (NhsNumber child : checked) {
      created += t.cpis.health().check(Fixtures.check(child, Fixtures.ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).notificationsCreated();
    }
    assertThat(created).isEqualTo(children + 1);

    List<Integer> steps = new ArrayList<>(secondsBetweenPasses);
    for (int i = 0; i <= failures + 1; i++) {
      steps.add((int) retry.maxBackoff().toSeconds());
    }
    for (int seconds : steps) {
      t.clock.advance(Duration.ofSeconds(seconds));
      t.cpis.dispatchNotifications();
      assertDeliveredExactlyWhenAccepted(t, checked, attempts, created);
    }

    List<AccessNotification> all = stored(t, checked);
    assertThat(all).hasSize(created).allSatisfy(n -> {
      assertThat(n.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(n.failedAttempts()).isEqualTo(failures);
      assertThat(tries.get(n.id())).isEqualTo(failures + 1);
    });
  }

  private static List<AccessNotification> stored(TestEngine t, List<NhsNumber> children) {
    List<AccessNotification> all = new ArrayList<>();
    children.forEach(c -> all.addAll(t.notificationsAbout(c)));
    return all;
  }

  private static void assertDeliveredExactlyWhenAccepted(
      TestEngine t, List<NhsNumber> children, List<Attempt> attempts, int created) {
    List<AccessNotification> all = stored(t, children);
    assertThat(all).as("none lost").hasSize(created);
    for (AccessNotification n : all) {
      long accepted = attempts.stream().filter(a -> a.accepted && a.notification.id().equals(n.id())).count();
      assertThat(accepted).as("accepted at most once").isLessThanOrEqualTo(1);
      assertThat(n.deliveryStatus() == DeliveryStatus.DELIVERED).as("delivered exactly when accepted").isEqualTo(accepted == 1);
    }
    for (Attempt a : attempts) {
      assertThat(a.at).as("never tried before its next attempt").isAfterOrEqualTo(a.notification.nextAttemptAt());
      assertThat(a.notification.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
    }
  }
}
