package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.store.CpisStore;
import org.cpis.store.CpisStores;
import org.cpis.store.StoreException;
import org.cpis.store.TransientStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL store promises beyond the kit: its schema's migration, its exceptions
 * (transient or not, never quoting a value), and its registration with {@link CpisStores}.
 */
class PostgresCpisStoreTest {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final DataSource POOL = DATABASE.pool("cpis-store-test", 4);
  private static final PostgresCpisStore STORE = DATABASE.store(POOL);
  private static final NhsNumber CHILD = NhsNumber.parse("9434765919");
  private static final ProtectionPlan PLAN =
      ProtectionPlan.builder()
          .id(PlanId.of(OdsCode.of("714"), "CP-1"))
          .subject(CHILD)
          .type(PlanType.CHILD_PROTECTION_PLAN)
          .start(LocalDate.of(2025, 3, 1))
          .build();

  @AfterAll
  static void dropSchema() {
    DATABASE.close();
  }

  @BeforeEach
  void empty() {
    DATABASE.emptyAllTables();
  }

  @Test
  void aStoreStartedOnAnUpToDateSchemaChangesNothing() {
    STORE.runInTransaction(tx -> tx.plans().insert(PLAN));
    int found = Migrations.migrate(POOL, DATABASE.schema());
    assertThat(found).isEqualTo(Migrations.latestVersion());
    assertThat(versions(DATABASE.schema())).isEqualTo(Migrations.latestVersion());
    assertThat(stored()).contains(PLAN);
  }

  @Test
  void nodesStartingTogetherOnANewSchemaMigrateItOnce() throws Exception {
    String schema = DATABASE.schema() + "_race";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> starts =
          List.of(
              () -> Migrations.migrate(POOL, schema),
              () -> Migrations.migrate(POOL, schema),
              () -> Migrations.migrate(POOL, schema),
              () -> Migrations.migrate(POOL, schema));
      List<Integer> found = pool.invokeAll(starts).stream().map(PostgresCpisStoreTest::get).toList();
      assertThat(found).containsOnly(0, Migrations.latestVersion()).containsOnlyOnce(0);
      assertThat(versions(schema)).isEqualTo(Migrations.latestVersion());
    } finally {
      pool.shutdownNow();
      DATABASE.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aSchemaMigratedByANewerStoreIsRefused() {
    String schema = DATABASE.schema() + "_newer";
    try {
      Migrations.migrate(POOL, schema);
      int newer = Migrations.latestVersion() + 1;
      DATABASE.execute(
          "INSERT INTO " + schema + ".cpis_schema_version (version, description) VALUES (" + newer
              + ", 'from the future')");
      assertThatThrownBy(() -> new PostgresCpisStore(POOL, schema))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("version " + newer);
    } finally {
      DATABASE.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
    assertThatThrownBy(() -> new PostgresCpisStore(POOL, "cpis; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PostgresCpisStore(POOL, "Cpis")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedStatementNeverQuotesTheRowAndDoomsTheTransaction() {
    // A constraint the records cannot break, added here so that PostgreSQL reports a failing row.
    DATABASE.execute(
        "ALTER TABLE " + DATABASE.schema() + ".plan ADD CONSTRAINT no_such_child CHECK (subject <> '"
            + CHILD.value() + "')");
    try {
      StoreException[] caught = new StoreException[1];
      assertThatThrownBy(
              () ->
                  STORE.runInTransaction(
                      tx -> {
                        try {
                          tx.plans().insert(PLAN);
                        } catch (StoreException e) {
                          caught[0] = e; // caught and ignored: the transaction is doomed anyway
                        }
                      }))
          .isSameAs(caught[0])
          .isNotInstanceOf(TransientStoreException.class);
      assertThat(stackTraceOf(caught[0]))
          .contains("23514")
          .contains("no_such_child")
          .doesNotContain(CHILD.value());
      assertThat(stored()).isEmpty();
    } finally {
      DATABASE.execute("ALTER TABLE " + DATABASE.schema() + ".plan DROP CONSTRAINT no_such_child");
    }
  }

  @Test
  void aConnectionKilledMidTransactionIsTransientAndAppliesNothing() {
    assertThatThrownBy(
            () ->
                STORE.runInTransaction(
                    tx -> {
                      tx.plans().insert(PLAN);
                      terminateTransactionsOf("cpis-store-test");
                      tx.plans().find(PLAN.id());
                    }))
        .isInstanceOf(TransientStoreException.class);
    assertThat(stored()).isEmpty();
    STORE.runInTransaction(tx -> tx.plans().insert(PLAN)); // the pool has replaced the connection
    assertThat(stored()).contains(PLAN);
  }

  @Test
  void aPoolWithNoConnectionFreeInTimeIsTransient() throws Exception {
    PostgresCpisStore store = DATABASE.store(DATABASE.pool("cpis-store-test-one", 1, 250));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder =
          other.submit(
              () ->
                  store.runInTransaction(
                      tx -> {
                        holding.countDown();
                        awaitQuietly(done);
                      }));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> store.runInTransaction(tx -> tx.plans().find(PLAN.id())))
          .isInstanceOf(TransientStoreException.class);
      done.countDown();
      holder.get(30, TimeUnit.SECONDS);
    } finally {
      done.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void discoveredAsPostgresWithTheDocumentedKeys() {
    String url = TestDatabase.url();
    try (CpisStore store =
        CpisStores.named("postgres", Map.of("url", url, "schema", DATABASE.schema()))) {
      store.runInTransaction(tx -> tx.plans().insert(PLAN));
    }
    assertThat(stored()).contains(PLAN);
    assertThatThrownBy(() -> new PostgresCpisStoreProvider().create(Map.of("url", url, "shema", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shema");
    assertThatThrownBy(() -> new PostgresCpisStoreProvider().create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
  }

  @Test
  void aClosedStoreRefusesWorkAndLeavesTheHostsPoolOpen() {
    PostgresCpisStore store = DATABASE.store(POOL);
    store.close();
    assertThatThrownBy(() -> store.inTransaction(tx -> tx.plans().find(PLAN.id())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stored()).isEmpty();
  }

  @Test
  void aNestedTransactionIsRefused() {
    assertThatThrownBy(() -> STORE.inTransaction(tx -> STORE.inTransaction(inner -> Optional.empty())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nested");
  }

  /**
   * Ends, from another connection, the backends of the pool named {@code applicationName} that are
   * inside a transaction.
   */
  static void terminateTransactionsOf(String applicationName) {
    try (Connection c = DATABASE.admin().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
              + applicationName + "' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<ProtectionPlan> stored() {
    return STORE.inTransaction(tx -> tx.plans().find(PLAN.id()));
  }

  private static int versions(String schema) {
    try (Connection c = DATABASE.admin().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*), max(version) FROM " + schema + ".cpis_schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).as("one row per version").isEqualTo(rs.getInt(2));
      return rs.getInt(2);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stackTraceOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
