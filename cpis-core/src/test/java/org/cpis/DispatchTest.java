package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.store.StoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("The notification outbox")
class DispatchTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private static final RetryPolicy RETRY =
      RetryPolicy.builder().initialBackoff(Duration.ofMinutes(1)).maxBackoff(Duration.ofMinutes(5)).build();

  private final NhsNumber child = nhs(1);
  private final NhsNumber otherChild = nhs(2);

  @Test
  @DisplayName("A notification is marked delivered only after the notifier returns, outside any store transaction")
  void markedDeliveredAfterTheNotifierReturns() {
    List<DeliveryStatus> seenByNotifier = new ArrayList<>();
    TestEngine[] holder = new TestEngine[1];
    TestEngine t =
        new TestEngine(
            b ->
                b.dispatchAfterCheck(false)
                    .notifier(
                        n -> seenByNotifier.add(
                            // reading the store here proves no transaction is open (it would nest)
                            holder[0].notificationsAbout(n.subject()).get(0).deliveryStatus())));
    holder[0] = t;
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    assertThat(t.notificationsAbout(child).get(0).deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);

    DispatchReport report = t.cpis.dispatchNotifications();

    assertThat(seenByNotifier).containsExactly(DeliveryStatus.PENDING);
    assertThat(report.delivered()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    AccessNotification stored = t.notificationsAbout(child).get(0);
    assertThat(stored.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(stored.deliveredAt()).contains(t.clock.instant());
    assertThat(t.cpis.dispatchNotifications().delivered()).isZero();
  }

  @Test
  @DisplayName("A failed delivery is tried again after an exponential back-off, and delivered once it succeeds")
  void failedDeliveryBacksOff() {
    TestEngine t = new TestEngine(b -> b.retryPolicy(RETRY));
    t.notifier.failingFirst(3);
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)); // attempt 1 fails

    assertThat(t.cpis.dispatchNotifications().failed()).isZero(); // not due yet
    t.clock.advance(Duration.ofMinutes(1));
    assertThat(t.cpis.dispatchNotifications().failed()).isEqualTo(1); // attempt 2
    assertThat(t.notificationsAbout(child).get(0).nextAttemptAt()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(2)));
    t.clock.advance(Duration.ofMinutes(2).minusSeconds(1));
    assertThat(t.cpis.dispatchNotifications().failed()).isZero();
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(t.cpis.dispatchNotifications().failed()).isEqualTo(1); // attempt 3
    t.clock.advance(Duration.ofMinutes(4));
    DispatchReport fourth = t.cpis.dispatchNotifications();

    assertThat(fourth.delivered()).isEqualTo(1);
    assertThat(t.notifier.attempts()).hasSize(4);
    assertThat(t.notifier.delivered()).hasSize(1);
    AccessNotification stored = t.notificationsAbout(child).get(0);
    assertThat(stored.failedAttempts()).isEqualTo(3);
    assertThat(stored.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  @DisplayName("If marking a delivery fails, the pass goes on, the notification stays pending and is delivered again once its claim expires: never lost")
  void markingFailureKeepsItPending() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", otherChild, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.cpis.health().check(check(otherChild, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.store.intercept(FaultyStore.failOnCall("notifications", "release", 1));

    DispatchReport first = t.cpis.dispatchNotifications();
    t.store.heal();

    assertThat(first.delivered()).as("the notifier took both; the pass was not aborted").isEqualTo(2);
    List<AccessNotification> both =
        List.of(t.notificationsAbout(child).get(0), t.notificationsAbout(otherChild).get(0));
    assertThat(both).extracting(AccessNotification::deliveryStatus)
        .containsExactlyInAnyOrder(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED);
    AccessNotification unmarked =
        both.stream().filter(n -> n.deliveryStatus() == DeliveryStatus.PENDING).findFirst().orElseThrow();
    assertThat(t.cpis.dispatchNotifications().delivered()).as("still claimed").isZero();
    t.clock.advance(Duration.ofMinutes(1));
    DispatchReport again = t.cpis.dispatchNotifications();

    assertThat(again.delivered()).isEqualTo(1);
    assertThat(t.notifier.delivered()).hasSize(3);
    assertThat(t.notifier.delivered().get(2).id()).isEqualTo(unmarked.id());
    assertThat(t.notificationsAbout(child).get(0).deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(t.notificationsAbout(otherChild).get(0).deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  @DisplayName("The background dispatcher runs an outbox pass on the executor's schedule")
  void backgroundDispatcher() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    ScheduledExecutorService executor = mock(ScheduledExecutorService.class);

    t.cpis.startDispatcher(executor, Duration.ofSeconds(30));

    ArgumentCaptor<Runnable> pass = ArgumentCaptor.forClass(Runnable.class);
    verify(executor).scheduleWithFixedDelay(pass.capture(), eq(0L), eq(Duration.ofSeconds(30).toNanos()), eq(TimeUnit.NANOSECONDS));
    assertThat(t.notifier.delivered()).isEmpty();
    pass.getValue().run();
    assertThat(t.notifier.delivered()).hasSize(1);
  }

  @Test
  @DisplayName("A pass delivers every due notification, however many batches it takes")
  void deliversInBatches() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false).dispatchBatchSize(2));
    for (int i = 0; i < 5; i++) {
      t.islington().upload(List.of(cpp(1, "CP-" + i, nhs(10 + i), MAY_1, null)));
      t.cpis.health().check(check(nhs(10 + i), ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    }

    assertThat(t.cpis.dispatchNotifications().delivered()).isEqualTo(5);
    assertThat(t.notifier.delivered()).extracting(AccessNotification::id).doesNotHaveDuplicates().hasSize(5);
  }
}
