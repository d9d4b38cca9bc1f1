package org.cpis.store.postgres;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cpis.store.CpisStore;
import org.cpis.store.CpisStoreProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Registers the PostgreSQL store with {@link org.cpis.store.CpisStores} as {@value #NAME}.
 * Configuration keys: {@value #URL} (required, a {@code jdbc:postgresql://} URL), {@value #USER},
 * {@value #PASSWORD} and {@value #SCHEMA} (default {@value PostgresCpisStore#DEFAULT_SCHEMA});
 * any other key is refused. Through {@code CpisStores.discover()} they are the system properties
 * {@code cpis.store.url} and so on.
 *
 * <p>The store made this way opens a connection per unit of work from the driver's unpooled
 * {@link PGSimpleDataSource}: fine for a demo or a tool. A server should build its own pool and
 * pass it to {@link PostgresCpisStore#PostgresCpisStore(javax.sql.DataSource, String)}.
 */
public final class PostgresCpisStoreProvider implements CpisStoreProvider {

  public static final String NAME = "postgres";
  public static final String URL = "url";
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String SCHEMA = "schema";

  private static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, SCHEMA);

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A store configured by {@code config}, on an unpooled data source.
   *
   * @throws IllegalArgumentException if a key is unknown, or {@value #URL} is missing or not a
   *     PostgreSQL JDBC URL
   */
  @Override
  public CpisStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    Set<String> unknown = new TreeSet<>(config.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the postgres CP-IS store does not know the configuration key(s) " + unknown
              + "; it reads " + new TreeSet<>(KEYS));
    }
    String url = config.getOrDefault(URL, "").trim();
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the postgres CP-IS store needs '" + URL + "', a jdbc:postgresql:// URL (system property"
              + " cpis.store." + URL + ")");
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    String user = config.getOrDefault(USER, "");
    if (!user.isBlank()) {
      dataSource.setUser(user);
    }
    String password = config.getOrDefault(PASSWORD, "");
    if (!password.isEmpty()) {
      dataSource.setPassword(password);
    }
    String schema = config.getOrDefault(SCHEMA, "").trim();
    return new PostgresCpisStore(dataSource, schema.isEmpty() ? PostgresCpisStore.DEFAULT_SCHEMA : schema);
  }
}
