package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;
import org.cpis.store.Claim;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rule 7 with several nodes on one store: the outbox is shared through claims. */
class MultiNodeDispatchTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  @Test
  @DisplayName("Two nodes dispatching the same outbox at once deliver every notification exactly once")
  void noDuplicateDelivery() throws Exception {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false).dispatchBatchSize(3));
    Cpis other = t.otherNode("node-b", b -> b.dispatchAfterCheck(false).dispatchBatchSize(3));
    List<NhsNumber> children = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      children.add(nhs(i));
    }
    List<org.cpis.rules.UploadRecord> records = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      records.add(cpp(i + 1, "CP-" + i, children.get(i), MAY_1, null));
    }
    t.islington().upload(records);
    for (NhsNumber child : children) {
      t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
      t.cpis.health().check(check(child, ED_NURSE, CareSetting.URGENT_CARE));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DispatchReport>> passes = new ArrayList<>();
      for (Cpis node : List.of(t.cpis, other, t.cpis, other)) {
        passes.add(pool.submit(node::dispatchNotifications));
      }
      int delivered = 0;
      for (Future<DispatchReport> pass : passes) {
        delivered += pass.get(60, TimeUnit.SECONDS).delivered();
      }
      assertThat(delivered).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    List<RecordId> ids = t.notifier.delivered().stream().map(AccessNotification::id).collect(Collectors.toList());
    assertThat(ids).hasSize(40).doesNotHaveDuplicates();
    for (NhsNumber child : children) {
      assertThat(t.notificationsAbout(child)).extracting(AccessNotification::deliveryStatus).containsOnly(DeliveryStatus.DELIVERED);
    }
  }

  @Test
  @DisplayName("Notifications claimed by a node that stopped are delivered by another node once the claim expires, not before")
  void stoppedNodesClaimsExpire() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false));
    Cpis other = t.otherNode("node-b", b -> b.dispatchAfterCheck(false));
    NhsNumber child = nhs(1);
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    Instant now = t.clock.instant();
    List<AccessNotification> taken =
        t.read(tx -> tx.notifications().claimDue(now, new Claim("node-that-died", now.plus(Duration.ofMinutes(1))), 10));
    assertThat(taken).hasSize(1);

    assertThat(other.dispatchNotifications().delivered()).isZero();
    t.clock.advance(Duration.ofSeconds(59));
    assertThat(other.dispatchNotifications().delivered()).isZero();
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(other.dispatchNotifications().delivered()).isEqualTo(1);
    assertThat(t.notifier.delivered()).extracting(AccessNotification::id).containsExactly(taken.get(0).id());
  }

  @Test
  @DisplayName("A check that delivers its own notifications right away inserts them claimed: another node's dispatcher running meanwhile does not deliver them")
  void checkClaimsWhatItDelivers() {
    TestEngine t = new TestEngine();
    NhsNumber child = nhs(1);
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    Cpis other = t.otherNode("node-b", b -> b.dispatchAfterCheck(false));
    List<Integer> deliveredByOtherMeanwhile = new ArrayList<>();
    List<AccessNotification> deliveredByThisNode = new ArrayList<>();
    Cpis node =
        t.otherNode(
            "node-a",
            b ->
                b.notifier(
                    n -> {
                      deliveredByOtherMeanwhile.add(other.dispatchNotifications().delivered());
                      deliveredByThisNode.add(n);
                    }));

    node.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    assertThat(deliveredByThisNode).hasSize(1);
    assertThat(deliveredByOtherMeanwhile).containsExactly(0);
    assertThat(t.notificationsAbout(child)).extracting(AccessNotification::deliveryStatus).containsExactly(DeliveryStatus.DELIVERED);
    t.clock.advance(Duration.ofHours(1));
    assertThat(other.dispatchNotifications().delivered()).isZero();
  }
}
