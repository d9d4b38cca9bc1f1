package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import org.cpis.AuditVerification;
import org.cpis.CheckResult;
import org.cpis.Cpis;
import org.cpis.TransactionRetryPolicy;
import org.cpis.UploadReport;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.rules.FileOutcome;
import org.cpis.store.postgres.Cluster.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each an engine with its own pool, on one database: for a few seconds
 * both check children, upload their local authority's file and dispatch and seal in the
 * background, as two nodes behind a load balancer do.
 */
class TwoNodesTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final Duration RUN = Duration.ofSeconds(4);
  private static final int CHECKERS_PER_NODE = 2;
  private static final Duration UPLOAD_PAUSE = Duration.ofMillis(200);

  /**
   * The engine's default retry policy (20 attempts, back-off capped at 250 ms): serialization
   * failures between checks (their access-history reads and inserts share B-tree pages, which
   * PostgreSQL locks by page) and uploads are retried until they pass.
   */
  private static final UnaryOperator<Cpis.Builder> PATIENT = b -> b.transactionRetryPolicy(TransactionRetryPolicy.defaults());

  @AfterAll
  static void dropSchema() {
    DATABASE.close();
  }

  @Test
  void checkingUploadingAndDispatchingTogetherFailNoCheckAndDeliverEveryNotificationOnce()
      throws Exception {
    Cluster cluster = new Cluster(DATABASE);
    Node a = cluster.node("cpis-node-a", CHECKERS_PER_NODE + 2, PATIENT);
    Node b = cluster.node("cpis-node-b", CHECKERS_PER_NODE + 2, PATIENT);
    // 714 (uploaded by node a) and 206 (by node b) share 20 children, who notify both.
    List<NhsNumber> children714 = Cluster.children(943_100_000, 100);
    List<NhsNumber> children206 = new ArrayList<>(children714.subList(80, 100));
    children206.addAll(Cluster.children(943_200_000, 80));
    Set<NhsNumber> everyChild = new HashSet<>(children714);
    everyChild.addAll(children206);
    List<NhsNumber> children = List.copyOf(everyChild);
    a.cpis().registerLocalAuthority(Cluster.localAuthority("714"));
    b.cpis().registerLocalAuthority(Cluster.localAuthority("206"));

    Set<RecordId> created = ConcurrentHashMap.newKeySet();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<UploadReport> uploads = new CopyOnWriteArrayList<>();
    AtomicInteger checks = new AtomicInteger();

    ScheduledExecutorService background = Executors.newScheduledThreadPool(4);
    ExecutorService workers = Executors.newFixedThreadPool(2 * CHECKERS_PER_NODE + 2);
    try {
      for (Node node : List.of(a, b)) {
        node.cpis().startDispatcher(background, Duration.ofMillis(50));
        node.cpis().startSealer(background, Duration.ofMillis(100));
      }
      uploads.add(a.cpis().localAuthority(OdsCode.of("714")).upload(Cluster.file(children714, "A", "sw-0")));
      uploads.add(b.cpis().localAuthority(OdsCode.of("206")).upload(Cluster.file(children206, "B", "sw-0")));
      long end = System.nanoTime() + RUN.toNanos();
      for (Node node : List.of(a, b)) {
        for (int t = 0; t < CHECKERS_PER_NODE; t++) {
          workers.submit(
              () -> {
                while (System.nanoTime() < end) {
                  NhsNumber child = children.get(ThreadLocalRandom.current().nextInt(children.size()));
                  try {
                    CheckResult result = node.cpis().health().check(Cluster.check(child));
                    created.addAll(result.notificationIds());
                    checks.incrementAndGet();
                  } catch (RuntimeException e) {
                    failures.add(node.name() + ": " + describe(e));
                  }
                }
              });
        }
      }
      workers.submit(() -> uploadUntil(end, a, "714", children714, "A", uploads, failures));
      workers.submit(() -> uploadUntil(end, b, "206", children206, "B", uploads, failures));
      workers.shutdown();
      assertThat(workers.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
    } finally {
      workers.shutdownNow();
      background.shutdownNow();
      background.awaitTermination(30, TimeUnit.SECONDS);
    }
    double perSecond = checks.get() / (RUN.toMillis() / 1000.0);

    // What the background passes had not reached yet: one more pass of each, on both nodes.
    a.cpis().dispatchNotifications();
    b.cpis().dispatchNotifications();
    while (a.cpis().sealAuditLog().orElse(0) > 0) {
      // seal until nothing is left
    }
    AuditVerification audit = b.cpis().verifyAuditLog();

    assertThat(failures).as("failed checks and uploads").isEmpty();
    assertThat(checks.get()).as("checks done in %s", RUN).isGreaterThan(50);
    assertThat(uploads).hasSizeGreaterThan(6).allMatch(r -> r.fileOutcome() == FileOutcome.SUCCESS);
    List<AccessNotification> stored = a.notificationsOf(children);
    assertThat(stored.stream().map(AccessNotification::id).collect(Collectors.toSet()))
        .as("every notification a check created is stored, and no other")
        .isEqualTo(created);
    assertThat(stored).allMatch(n -> n.deliveryStatus() == DeliveryStatus.DELIVERED, "delivered");
    Map<RecordId, List<String>> twice =
        cluster.deliveries.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(twice).as("notifications delivered more than once").isEmpty();
    assertThat(cluster.deliveries.keySet()).isEqualTo(created);
    assertThat(audit.intact()).as("audit chain intact: %s", audit).isTrue();
    assertThat(audit.entriesChecked())
        .as("every check and upload sealed in the chain")
        .isGreaterThanOrEqualTo(checks.get() + uploads.size())
        .isEqualTo(count("SELECT count(*) FROM " + DATABASE.schema() + ".audit_record"));
    assertThat(count("SELECT count(*) FROM " + DATABASE.schema() + ".audit_record WHERE sequence IS NULL"))
        .isZero();
    System.out.printf(
        "two nodes, %d checker threads each, %s: %d checks (%.0f/s), %d uploads, %d notifications"
            + " delivered, 0 failed, 0 twice, %d audit entries sealed%n",
        CHECKERS_PER_NODE, RUN, checks.get(), perSecond, uploads.size(), created.size(),
        audit.entriesChecked());
  }

  /**
   * Uploads the file again and again until {@code end}, every upload changing every plan's social
   * worker: many times a second, where a local authority uploads daily.
   */
  private static void uploadUntil(
      long end, Node node, String ods, List<NhsNumber> children, String prefix,
      List<UploadReport> uploads, List<String> failures) {
    for (int round = 1; System.nanoTime() < end; round++) {
      try {
        uploads.add(
            node.cpis().localAuthority(OdsCode.of(ods)).upload(Cluster.file(children, prefix, "sw-" + round % 2)));
        Thread.sleep(UPLOAD_PAUSE.toMillis());
      } catch (RuntimeException e) {
        failures.add(node.name() + " upload: " + describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The exception and its causes' messages (the store's never quote a row). */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      text.append(" <- ").append(c);
    }
    return text.toString();
  }

  private static long count(String sql) {
    try (Connection c = DATABASE.admin().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
