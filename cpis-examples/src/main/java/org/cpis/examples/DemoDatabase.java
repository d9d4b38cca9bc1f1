package org.cpis.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.cpis.store.postgres.PostgresCpisStore;

/**
 * The demo's PostgreSQL: a pool on the server the user named, and a schema of the demo's own,
 * new for each run and dropped when it ends, so that the demo starts empty (and prints what it
 * prints on the in-memory store) and leaves the database as it found it.
 */
final class DemoDatabase implements AutoCloseable {

  /** The system property that points the demo at a PostgreSQL server: its JDBC URL. */
  static final String URL_PROPERTY = "cpis.demo.jdbcUrl";

  /**
   * The store logs its schema migration through the JDK's logging; the demo's output is its
   * story, the same on every store, so only the store's warnings are shown. Held here so that the
   * level is not lost with a collected logger.
   */
  private static final java.util.logging.Logger STORE_LOG = java.util.logging.Logger.getLogger("org.cpis.store.postgres");

  private final HikariDataSource pool;
  private final String schema;
  private final PostgresCpisStore store;

  DemoDatabase(String jdbcUrl) {
    STORE_LOG.setLevel(java.util.logging.Level.WARNING);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("cpis-demo");
    config.setMaximumPoolSize(2);
    this.pool = new HikariDataSource(config);
    this.schema = "cpis_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    this.store = new PostgresCpisStore(pool, schema);
  }

  PostgresCpisStore store() {
    return store;
  }

  @Override
  public void close() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the demo's schema " + schema + ": SQLSTATE " + e.getSQLState(), e);
    } finally {
      store.close();
      pool.close();
    }
  }
}
