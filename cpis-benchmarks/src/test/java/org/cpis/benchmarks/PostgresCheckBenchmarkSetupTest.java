package org.cpis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cpis.CheckResult;
import org.cpis.model.NhsNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The PostgreSQL benchmark measures what it says: its baseline writes the same rows as the
 * engine's check, and its threads are spread over both nodes. Needs a server, so it runs when
 * {@value PostgresCheckBenchmark#URL_VARIABLE} is set (as CI sets it).
 */
@EnabledIfEnvironmentVariable(named = PostgresCheckBenchmark.URL_VARIABLE, matches = ".+")
class PostgresCheckBenchmarkSetupTest {

  private final PostgresCheckBenchmark benchmark = new PostgresCheckBenchmark();
  private final PostgresCheckBenchmark.Nodes nodes = new PostgresCheckBenchmark.Nodes();

  @BeforeEach
  void start() {
    nodes.start();
  }

  @AfterEach
  void stop() throws SQLException {
    nodes.stop();
  }

  @Test
  @DisplayName("The hand-written baseline writes the same access event, notification and audit record as the check")
  void baselineWritesWhatTheCheckWrites() throws SQLException {
    PostgresCheckBenchmark.Caller caller = caller();
    CheckResult checked = benchmark.check(nodes, caller);
    NhsNumber checkedChild = checked.nhsNumber();
    benchmark.baselineJdbc(nodes, caller);
    NhsNumber baselineChild = nodes.requests.get(caller.next).nhsNumber();

    assertThat(checked.hasAlert()).isTrue();
    assertThat(checked.notificationsCreated()).isEqualTo(1);
    assertThat(baselineChild).isNotEqualTo(checkedChild);
    String s = nodes.schema;
    for (String sql :
        List.of(
            "SELECT accessor_user_id, accessor_name, accessor_role, accessor_rbac_activity_code,"
                + " organisation_ods_code, organisation_name, setting, accessed_at FROM " + s
                + ".access_event WHERE subject = ?",
            "SELECT plan_local_authority, plan_type, accessor_user_id, organisation_ods_code, setting,"
                + " accessed_at, assigned_social_worker = p.allocated_social_worker, delivery_status,"
                + " failed_attempts, next_attempt_at, delivered_at, claimant FROM " + s + ".notification n"
                + " JOIN " + s + ".plan p ON (p.local_authority, p.local_reference)"
                + " = (n.plan_local_authority, n.plan_local_reference) WHERE n.subject = ?",
            "SELECT at, action, actor, organisation, setting, sequence FROM " + s
                + ".audit_record WHERE subject = ?")) {
      List<List<Object>> byCheck = rows(sql, checkedChild);
      assertThat(byCheck).as(sql).hasSize(1);
      assertThat(rows(sql, baselineChild)).as(sql).isEqualTo(byCheck);
    }
  }

  @Test
  @DisplayName("Benchmark threads take turns between the two nodes")
  void threadsAreSpreadOverBothNodes() {
    List<Object> seen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      seen.add(caller().node);
    }
    assertThat(seen).containsExactly(nodes.nodeA, nodes.nodeB, nodes.nodeA, nodes.nodeB);
    assertThat(benchmark.checks4Threads(nodes, caller()).hasAlert()).isTrue();
  }

  private PostgresCheckBenchmark.Caller caller() {
    PostgresCheckBenchmark.Caller caller = new PostgresCheckBenchmark.Caller();
    caller.join(nodes);
    return caller;
  }

  private List<List<Object>> rows(String sql, NhsNumber subject) throws SQLException {
    try (Connection c = nodes.poolA.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, subject.value());
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
