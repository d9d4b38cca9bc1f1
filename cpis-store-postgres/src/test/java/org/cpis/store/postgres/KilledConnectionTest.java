package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cpis.TransactionRetriesExhaustedException;
import org.cpis.TransactionRetryPolicy;
import org.cpis.UploadReport;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.UploadReceipt;
import org.cpis.rules.FileOutcome;
import org.cpis.rules.UploadRecord;
import org.cpis.store.TransientStoreException;
import org.cpis.store.postgres.Cluster.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A database connection killed from another connection ({@code pg_terminate_backend}, as an
 * administrator, a failover or a network cut would) in the middle of an upload's transaction.
 */
class KilledConnectionTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final OdsCode ISLINGTON = OdsCode.of("206");
  private static final List<NhsNumber> CHILDREN = Cluster.children(943_300_000, 1_500);
  private static final List<UploadRecord> FILE = Cluster.file(CHILDREN, "CP", "sw-1");

  @AfterAll
  static void dropSchema() {
    DATABASE.close();
  }

  @Test
  void aConnectionKilledMidUploadLeavesNothingOfItAndTheEnginesRetrySucceeds() throws Exception {
    Cluster cluster = new Cluster(DATABASE);
    Node once = cluster.node("cpis-no-retry", 2, b -> b.transactionRetryPolicy(TransactionRetryPolicy.none()));
    Node retrying = cluster.node("cpis-retrying", 2, b -> b);
    once.cpis().registerLocalAuthority(Cluster.localAuthority(ISLINGTON.value()));

    CompletableFuture<Integer> killed = killFirstWritingTransactionOf(once.name());
    assertThatThrownBy(() -> once.cpis().localAuthority(ISLINGTON).upload(FILE))
        .isInstanceOf(TransactionRetriesExhaustedException.class)
        .hasCauseInstanceOf(TransientStoreException.class);
    assertThat(killed.get(30, TimeUnit.SECONDS)).as("backends killed mid-upload").isEqualTo(1);
    assertThat(plansOf(once)).as("plans kept of the killed upload").isZero();
    assertThat(latestReceipt(once)).as("receipt of the killed upload").isEmpty();

    killed = killFirstWritingTransactionOf(retrying.name());
    UploadReport report = retrying.cpis().localAuthority(ISLINGTON).upload(FILE);
    assertThat(killed.get(30, TimeUnit.SECONDS)).as("backends killed mid-upload").isEqualTo(1);
    assertThat(report.fileOutcome()).isEqualTo(FileOutcome.SUCCESS);
    assertThat(report.accepted()).isEqualTo(CHILDREN.size());
    assertThat(plansOf(retrying)).isEqualTo(CHILDREN.size());
    assertThat(latestReceipt(retrying)).map(UploadReceipt::accepted).contains(CHILDREN.size());
  }

  private static int plansOf(Node node) {
    return node.store().inTransaction(tx -> tx.plans().findByLocalAuthority(ISLINGTON).size());
  }

  private static Optional<UploadReceipt> latestReceipt(Node node) {
    return node.store().inTransaction(tx -> tx.uploads().findLatest(ISLINGTON));
  }

  /**
   * From the admin pool, waits for a backend of the pool {@code applicationName} to be in a
   * transaction that has written (it has a transaction id), and terminates it; completes with how
   * many it terminated.
   */
  private static CompletableFuture<Integer> killFirstWritingTransactionOf(String applicationName) {
    return CompletableFuture.supplyAsync(
        () -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          try (Connection c = DATABASE.admin().getConnection();
              PreparedStatement kill =
                  c.prepareStatement(
                      "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                          + " WHERE application_name = ? AND backend_xid IS NOT NULL")) {
            kill.setString(1, applicationName);
            while (System.nanoTime() < deadline) {
              try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                  return rs.getInt(1);
                }
              }
              Thread.sleep(1);
            }
            return 0;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
          }
        });
  }
}
