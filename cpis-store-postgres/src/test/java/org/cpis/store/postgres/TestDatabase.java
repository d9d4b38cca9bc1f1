package org.cpis.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for tests. With the environment variable {@value #URL_VARIABLE} set (CI sets
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) it is that server; otherwise an
 * embedded PostgreSQL (zonky), started once per JVM and stopped when the JVM ends (it refuses to
 * run as root, which is why CI passes a URL).
 *
 * <p>Each {@code TestDatabase} is a fresh schema of its own, dropped by {@link #close()} or, at
 * the latest, when the JVM ends. Pools made by {@link #pool} are closed with it.
 */
public final class TestDatabase implements AutoCloseable {

  static final String URL_VARIABLE = "CPIS_TEST_JDBC_URL";

  private static String url;
  private static EmbeddedPostgres embedded;

  private final String schema;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final HikariDataSource admin;
  private boolean closed;

  private TestDatabase() {
    this.schema = "cpis_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    this.admin = newPool("cpis-test-admin", 2, 10_000);
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "drop " + schema));
  }

  /** A fresh schema on the test server. */
  static TestDatabase create() {
    return new TestDatabase();
  }

  /** The schema, not yet created: the store creates it. */
  String schema() {
    return schema;
  }

  /** A connection pool for the store, with its own name (shown as the backends' application_name). */
  synchronized HikariDataSource pool(String name, int size) {
    return pool(name, size, 10_000);
  }

  /** As {@link #pool(String, int)}, waiting at most {@code timeoutMillis} for a free connection. */
  synchronized HikariDataSource pool(String name, int size, long timeoutMillis) {
    HikariDataSource pool = newPool(name, size, timeoutMillis);
    pools.add(pool);
    return pool;
  }

  /** A pool for checking and killing backends, outside the store's pools. */
  DataSource admin() {
    return admin;
  }

  /** A new store in this schema on {@code dataSource}. */
  PostgresCpisStore store(DataSource dataSource) {
    return new PostgresCpisStore(dataSource, schema);
  }

  /** Deletes every record, leaving the schema and its version in place. */
  void emptyAllTables() {
    execute("DELETE FROM " + String.join("; DELETE FROM ", qualified(Migrations.RECORD_TABLES)));
  }

  void execute(String sql) {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database statement failed: " + e.getMessage(), e);
    }
  }

  private List<String> qualified(List<String> tables) {
    List<String> names = new ArrayList<>();
    tables.forEach(t -> names.add(schema + "." + t));
    return names;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pools.forEach(HikariDataSource::close);
    try {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } finally {
      admin.close();
    }
  }

  private static HikariDataSource newPool(String name, int size, long timeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(timeoutMillis);
    config.addDataSourceProperty("ApplicationName", name);
    return new HikariDataSource(config);
  }

  /** The server's JDBC URL: the environment's, or the embedded server's, started on first use. */
  public static synchronized String url() {
    if (url == null) {
      String given = System.getenv(URL_VARIABLE);
      url = given != null && !given.isBlank() ? given.trim() : startEmbedded();
    }
    return url;
  }

  private static String startEmbedded() {
    try {
      embedded = EmbeddedPostgres.builder().start();
    } catch (IOException | RuntimeException e) {
      // initdb refuses to run as root, and says so only in its own output.
      throw new IllegalStateException(
          "could not start an embedded PostgreSQL for the tests (it refuses to run as root): run"
              + " them as another user, or set " + URL_VARIABLE + " to a running server's JDBC URL,"
              + " e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    embedded.close();
                  } catch (IOException ignored) {
                    // The JVM is ending; the server's directory is temporary.
                  }
                },
                "stop embedded PostgreSQL"));
    return embedded.getJdbcUrl("postgres", "postgres");
  }
}
