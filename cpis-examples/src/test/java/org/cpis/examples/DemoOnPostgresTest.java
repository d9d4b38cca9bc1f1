package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cpis.store.postgres.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo on a real PostgreSQL (the server in {@code CPIS_TEST_JDBC_URL}, or an embedded one)
 * tells the same story, to the character, as on the in-memory store: the store is a choice of the
 * host, not of the rules.
 */
class DemoOnPostgresTest {

  @Test
  @DisplayName("The demo on PostgreSQL prints exactly what it prints on the in-memory store, and leaves no schema behind")
  void sameStory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String schema;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        DemoDatabase database = new DemoDatabase(TestDatabase.url())) {
      schema = database.store().schema();
      new Demo(out, database.store()).run();
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(DemoOutput.text());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabase.url());
        java.sql.ResultSet rs =
            c.getMetaData().getSchemas(null, schema)) {
      assertThat(rs.next()).as("the demo's schema %s is dropped", schema).isFalse();
    }
  }
}
