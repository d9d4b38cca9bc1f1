package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;

/**
 * Design rule 7, the outbox: a notifier that fails a number of times and then succeeds gets each
 * notification delivered exactly once, never marked delivered before the notifier accepted it,
 * never tried before its next attempt time, never lost, as the clock moves through the back-off.
 */
class DispatchProperties {

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
    TestEngine t =
        new TestEngine(b -> b.retryPolicy(retry).dispatchAfterCheck(dispatchAfterCheck).dispatchBatchSize(3));
    t.notifier.failingFirst(failures);
    // The clock stands still during a check or an outbox pass, so each attempt's time is the
    // clock's time when it appears among the notifier's attempts.
    List<Instant> attemptedAt = new ArrayList<>();
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
      stamp(t, attemptedAt);
    }
    assertThat(created).isEqualTo(children + 1);

    List<Integer> steps = new ArrayList<>(secondsBetweenPasses);
    for (int i = 0; i <= failures + 1; i++) {
      steps.add((int) retry.maxBackoff().toSeconds());
    }
    for (int seconds : steps) {
      t.clock.advance(Duration.ofSeconds(seconds));
      t.cpis.dispatchNotifications();
      stamp(t, attemptedAt);
      assertDeliveredExactlyWhenAccepted(t, checked, attemptedAt, created);
    }

    List<AccessNotification> all = stored(t, checked);
    assertThat(all).hasSize(created).allSatisfy(n -> {
      assertThat(n.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(n.failedAttempts()).isEqualTo(failures);
      assertThat(t.notifier.attempts()).filteredOn(a -> a.id().equals(n.id())).hasSize(failures + 1);
    });
  }

  private static List<AccessNotification> stored(TestEngine t, List<NhsNumber> children) {
    List<AccessNotification> all = new ArrayList<>();
    children.forEach(c -> all.addAll(t.notificationsAbout(c)));
    return all;
  }

  /** Records the clock's time for the attempts made since the last stamp. */
  private static void stamp(TestEngine t, List<Instant> attemptedAt) {
    while (attemptedAt.size() < t.notifier.attempts().size()) {
      attemptedAt.add(t.clock.instant());
    }
  }

  private static void assertDeliveredExactlyWhenAccepted(
      TestEngine t, List<NhsNumber> children, List<Instant> attemptedAt, int created) {
    List<AccessNotification> all = stored(t, children);
    assertThat(all).as("none lost").hasSize(created);
    for (AccessNotification n : all) {
      long accepted = t.notifier.delivered().stream().filter(d -> d.id().equals(n.id())).count();
      assertThat(accepted).as("accepted at most once").isLessThanOrEqualTo(1);
      assertThat(n.deliveryStatus() == DeliveryStatus.DELIVERED).as("delivered exactly when accepted").isEqualTo(accepted == 1);
    }
    List<AccessNotification> attempts = t.notifier.attempts();
    for (int i = 0; i < attempts.size(); i++) {
      assertThat(attemptedAt.get(i)).as("never tried before its next attempt").isAfterOrEqualTo(attempts.get(i).nextAttemptAt());
      assertThat(attempts.get(i).deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
    }
  }
}
