package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ED_NURSE;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ROYAL_FREE;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cpis.CheckRequest;
import org.cpis.CheckResult;
import org.cpis.Cpis;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.store.postgres.PostgresCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The health check on the PostgreSQL store, on the server named by the environment variable
 * {@value #URL_VARIABLE} (for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}),
 * in a schema of its own that the trial creates and drops. The store holds Islington and {@value
 * #CHILDREN} children with one open plan each; every check is an emergency-department nurse's
 * unscheduled access to a child with a visible plan, so it writes an access event, a notification
 * and an audit record.
 *
 * <ul>
 *   <li>{@link #check} against {@link #baselineJdbc}, one thread: the engine's check ({@code
 *       dispatchAfterCheck} off, so exactly one transaction) beside hand-written JDBC that runs the
 *       same statements, with the same parameters, in one SERIALIZABLE transaction on the same
 *       pool: what the engine, the store and its mapping add to the database's own cost.
 *   <li>{@link #checks1Thread}, {@link #checks2Threads}, {@link #checks4Threads}: checks per
 *       second with 1, 2 and 4 threads over two engines ("nodes"), each with its own pool, thread
 *       {@code i} on node {@code i mod 2}, as a host runs them (notifications delivered right
 *       after the check to a no-op notifier). A check that fails makes JMH report the benchmark
 *       as failed: a result means zero failed checks.
 * </ul>
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresCheckBenchmark {

  static final String URL_VARIABLE = "CPIS_TEST_JDBC_URL";
  static final int CHILDREN = 1_000;

  /** Two nodes on one database, a schema of their own, and the children to check. */
  @State(Scope.Benchmark)
  public static class Nodes {

    String schema;
    HikariDataSource poolA;
    HikariDataSource poolB;
    Cpis nodeA;
    Cpis nodeB;
    /** Node a with delivery left to the outbox: a check is one transaction. */
    Cpis nodeAOneTransaction;
    List<CheckRequest> requests;
    final AtomicInteger threads = new AtomicInteger();
    final AtomicLong baselineIds = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
      String url = System.getenv(URL_VARIABLE);
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            "set " + URL_VARIABLE + " to a PostgreSQL JDBC URL, e.g."
                + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
      }
      schema = "cpis_bench_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
      poolA = pool(url, "cpis-bench-a");
      poolB = pool(url, "cpis-bench-b");
      PostgresCpisStore storeA = new PostgresCpisStore(poolA, schema);
      PostgresCpisStore storeB = new PostgresCpisStore(poolB, schema);
      List<NhsNumber> children = BenchmarkData.nhsNumbers(CHILDREN);
      storeA.runInTransaction(
          tx -> {
            tx.localAuthorities().insert(ISLINGTON);
            for (int i = 0; i < children.size(); i++) {
              tx.plans().insert(BenchmarkData.openPlan(i, children.get(i)));
            }
          });
      nodeA = engine(storeA, "a", true);
      nodeB = engine(storeB, "b", true);
      nodeAOneTransaction = engine(storeA, "a1", false);
      requests =
          children.stream()
              .map(
                  child ->
                      (CheckRequest) CheckRequest.builder()
                          .nhsNumber(child)
                          .accessor(ED_NURSE)
                          .organisation(ROYAL_FREE)
                          .setting(CareSetting.EMERGENCY_DEPARTMENT)
                          .build())
              .toList();
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
      try (Connection c = poolA.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } finally {
        poolA.close();
        poolB.close();
      }
    }

    /** An engine named {@code node} among the nodes, with the fixed clock and ids {@code node-1}, {@code node-2}… */
    private static Cpis engine(PostgresCpisStore store, String node, boolean dispatchAfterCheck) {
      AtomicLong ids = new AtomicLong();
      return Cpis.builder()
          .store(store)
          .notifier(notification -> {})
          .clock(BenchmarkData.CLOCK)
          .nodeId("node-" + node)
          .idSupplier(() -> node + "-" + ids.incrementAndGet())
          .dispatchAfterCheck(dispatchAfterCheck)
          .build();
    }

    private static HikariDataSource pool(String url, String name) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setPoolName(name);
      config.setMaximumPoolSize(4);
      config.addDataSourceProperty("ApplicationName", name);
      return new HikariDataSource(config);
    }
  }

  /** One benchmark thread: its node (thread i on node i mod 2) and its place among the children. */
  @State(Scope.Thread)
  public static class Caller {

    Cpis node;
    int next;

    @Setup(Level.Trial)
    public void join(Nodes nodes) {
      int index = nodes.threads.getAndIncrement();
      node = index % 2 == 0 ? nodes.nodeA : nodes.nodeB;
      next = index * 97;
    }

    CheckRequest nextRequest(Nodes nodes) {
      next = (next + 1) % CHILDREN;
      return nodes.requests.get(next);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public CheckResult check(Nodes nodes, Caller caller) {
    return nodes.nodeAOneTransaction.health().check(caller.nextRequest(nodes));
  }

  /**
   * The statements of {@link #check}, as the PostgreSQL store sends them, written by hand: the
   * child's plans, the recent accesses, the access event, the notification, the audit record and
   * the local authority, in one SERIALIZABLE transaction.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int baselineJdbc(Nodes nodes, Caller caller) throws SQLException {
    CheckRequest request = caller.nextRequest(nodes);
    String child = request.nhsNumber().value();
    String s = nodes.schema;
    String id = "base-" + nodes.baselineIds.incrementAndGet();
    OffsetDateTime now = OffsetDateTime.ofInstant(BenchmarkData.NOW, ZoneOffset.UTC);
    int rows = 0;
    try (Connection c = nodes.poolA.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement begin = c.createStatement()) {
          begin.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        }
        String planRef = null;
        String worker = null;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT local_authority, local_reference, subject, type, start_date, end_date,"
                    + " expected_delivery_date, child_date_of_birth, allocated_social_worker,"
                    + " linked_unborn_local_authority, linked_unborn_local_reference FROM " + s
                    + ".plan WHERE subject = ? ORDER BY local_authority, local_reference")) {
          ps.setString(1, child);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              planRef = rs.getString(2);
              worker = rs.getString(9);
              rows += rs.getString(1).length() + worker.length();
              rs.getObject(5, java.time.LocalDate.class);
              rs.getObject(8, java.time.LocalDate.class);
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, subject, accessor_user_id, accessor_name, accessor_role,"
                    + " accessor_rbac_activity_code, organisation_ods_code, organisation_name, setting,"
                    + " accessed_at FROM " + s + ".access_event WHERE subject = ?"
                    + " ORDER BY accessed_at DESC, id DESC LIMIT ?")) {
          ps.setString(1, child);
          ps.setInt(2, 25);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows += rs.getString(1).length();
              rs.getObject(10, OffsetDateTime.class);
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + s + ".access_event (id, subject, accessor_user_id, accessor_name,"
                    + " accessor_role, accessor_rbac_activity_code, organisation_ods_code,"
                    + " organisation_name, setting, accessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
          ps.setString(1, id);
          ps.setString(2, child);
          ps.setString(3, ED_NURSE.userId());
          ps.setString(4, ED_NURSE.name());
          ps.setString(5, ED_NURSE.role());
          ps.setString(6, ED_NURSE.rbacActivityCode());
          ps.setString(7, ROYAL_FREE.odsCode().value());
          ps.setString(8, ROYAL_FREE.name());
          ps.setString(9, CareSetting.EMERGENCY_DEPARTMENT.name());
          ps.setObject(10, now);
          rows += ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + s + ".notification (id, access_event_id, subject, plan_local_authority,"
                    + " plan_local_reference, plan_type, accessor_user_id, accessor_name, accessor_role,"
                    + " accessor_rbac_activity_code, organisation_ods_code, organisation_name, setting,"
                    + " accessed_at, assigned_social_worker, delivery_status, failed_attempts,"
                    + " next_attempt_at, delivered_at, claimant, claimed_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
          ps.setString(1, id + "/" + ISLINGTON.odsCode().value());
          ps.setString(2, id);
          ps.setString(3, child);
          ps.setString(4, ISLINGTON.odsCode().value());
          ps.setString(5, planRef);
          ps.setString(6, "CPPI");
          ps.setString(7, ED_NURSE.userId());
          ps.setString(8, ED_NURSE.name());
          ps.setString(9, ED_NURSE.role());
          ps.setString(10, ED_NURSE.rbacActivityCode());
          ps.setString(11, ROYAL_FREE.odsCode().value());
          ps.setString(12, ROYAL_FREE.name());
          ps.setString(13, CareSetting.EMERGENCY_DEPARTMENT.name());
          ps.setObject(14, now);
          ps.setString(15, worker);
          ps.setString(16, "PENDING");
          ps.setInt(17, 0);
          ps.setObject(18, now);
          ps.setObject(19, null);
          ps.setObject(20, null);
          ps.setObject(21, null);
          rows += ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + s + ".audit_record (id, at, action, actor, organisation, setting,"
                    + " subject, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
          ps.setString(1, id + "-audit");
          ps.setObject(2, now);
          ps.setString(3, "CHECK");
          ps.setString(4, ED_NURSE.userId());
          ps.setString(5, ROYAL_FREE.odsCode().value());
          ps.setString(6, CareSetting.EMERGENCY_DEPARTMENT.name());
          ps.setString(7, child);
          ps.setString(8, "UNSCHEDULED by Staff Nurse (B0168): 1 plans visible, 1 notifications, access " + id);
          rows += ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT ods_code, name, office_hours_phone, emergency_duty_phone FROM " + s
                    + ".local_authority WHERE ods_code = ?")) {
          ps.setString(1, ISLINGTON.odsCode().value());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows += rs.getString(2).length();
            }
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return rows;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public CheckResult checks1Thread(Nodes nodes, Caller caller) {
    return caller.node.health().check(caller.nextRequest(nodes));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public CheckResult checks2Threads(Nodes nodes, Caller caller) {
    return caller.node.health().check(caller.nextRequest(nodes));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public CheckResult checks4Threads(Nodes nodes, Caller caller) {
    return caller.node.health().check(caller.nextRequest(nodes));
  }
}
