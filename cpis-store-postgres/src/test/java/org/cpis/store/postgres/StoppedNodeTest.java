package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.cpis.Cpis;
import org.cpis.DispatchReport;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.store.postgres.Cluster.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A node that stops in the middle of a dispatch pass, holding claims on the outbox. */
class StoppedNodeTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final Duration LEASE = Duration.ofSeconds(1);

  @AfterAll
  static void dropSchema() {
    DATABASE.close();
  }

  @Test
  void aNodeStoppedMidDispatchLeavesItsClaimsToTheOtherNodeOnceTheyExpire() throws Exception {
    Cluster cluster = new Cluster(DATABASE);
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    UnaryOperator<Cpis.Builder> outboxOnly = b -> b.dispatchAfterCheck(false).leaseDuration(LEASE);
    // Node a hangs in its notifier on the first notification it delivers: it never returns (and
    // once the test is over, its notifier fails fast, so that its thread can end).
    Node a =
        cluster.node(
            "cpis-node-a",
            2,
            outboxOnly,
            notification -> {
              if (stopped.get()) {
                throw new IllegalStateException("node a has stopped");
              }
              delivering.countDown();
              never.await();
            });
    Node b = cluster.node("cpis-node-b", 2, outboxOnly);
    b.cpis().registerLocalAuthority(Cluster.localAuthority("714"));
    List<NhsNumber> children = Cluster.children(943_400_000, 20);
    b.cpis().localAuthority(OdsCode.of("714")).upload(Cluster.file(children, "CP", "sw-1"));
    children.forEach(child -> b.cpis().health().check(Cluster.check(child)));
    List<RecordId> pending = b.notificationsOf(children).stream().map(AccessNotification::id).toList();
    assertThat(pending).hasSize(children.size());

    ExecutorService nodeA = Executors.newSingleThreadExecutor();
    try {
      nodeA.submit(() -> a.cpis().dispatchNotifications());
      assertThat(delivering.await(30, TimeUnit.SECONDS)).as("node a started delivering").isTrue();
      a.pool().close(); // node a is gone: no connection, and its notifier never returns

      DispatchReport whileClaimed = b.cpis().dispatchNotifications();
      assertThat(whileClaimed.delivered()).as("delivered by b while a's claims run").isZero();
      assertThat(cluster.deliveries).isEmpty();

      Thread.sleep(LEASE.plusMillis(200).toMillis());
      DispatchReport afterExpiry = b.cpis().dispatchNotifications();

      assertThat(afterExpiry.delivered()).isEqualTo(children.size());
      assertThat(cluster.deliveries.keySet()).containsExactlyInAnyOrderElementsOf(pending);
      assertThat(cluster.deliveries.values()).allMatch(nodes -> nodes.equals(List.of("cpis-node-b")));
      assertThat(b.notificationsOf(children)).allMatch(n -> n.deliveryStatus() == DeliveryStatus.DELIVERED);
    } finally {
      stopped.set(true);
      nodeA.shutdownNow();
      nodeA.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
