package org.cpis.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.NhsNumber;
import org.cpis.store.StoreException;
import org.cpis.store.TransientStoreException;
import org.cpis.testkit.CpisArbitraries;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * How the store turns a SQL failure into a store exception: never with a value from the failing
 * row, and transient exactly when running the work again is safe.
 */
class SqlFailuresProperties {

  @Property(tries = 200)
  void aStoreExceptionNeverQuotesTheDatabasesMessage(
      @ForAll("sqlStates") String state, @ForAll("nhsNumbers") NhsNumber child, @ForAll boolean committing) {
    SQLException e =
        new SQLException(
            "new row violates check constraint; Failing row contains (714, CP-1, " + child.value() + ")",
            state,
            new PSQLException("Detail: " + child.formatted(), PSQLState.UNKNOWN_STATE));
    e.setNextException(new SQLException("Key (subject)=(" + child.value() + ") already exists", state));

    StoreException translated = SqlFailures.translate("run a statement", e, committing);

    String everything = stackTraceOf(translated);
    assertThat(everything).contains("SQLSTATE " + state);
    assertThat(everything).doesNotContain(child.value()).doesNotContain(child.formatted());
  }

  @Property(tries = 200)
  void transientExactlyForConflictsAndForConnectionsLostBeforeCommit(
      @ForAll("sqlStates") String state, @ForAll boolean committing) {
    boolean conflict = state.equals("40001") || state.equals("40P01");
    boolean connectionLost =
        state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");

    StoreException translated = SqlFailures.translate("commit", new SQLException("x", state), committing);

    assertThat(translated instanceof TransientStoreException)
        .as("SQLSTATE %s, committing %s", state, committing)
        .isEqualTo(conflict || (connectionLost && !committing));
  }

  @Property(tries = 50)
  void aPoolTimeoutIsTransientOnlyBeforeCommit(@ForAll boolean committing) {
    StoreException translated =
        SqlFailures.translate(
            "get a connection", new SQLTransientConnectionException("pool timed out"), committing);

    assertThat(translated instanceof TransientStoreException).isEqualTo(!committing);
  }

  @Provide
  Arbitrary<String> sqlStates() {
    return Arbitraries.oneOf(
        Arbitraries.of("40001", "40P01", "08000", "08003", "08006", "57P01", "57P02", "57P03",
            "23505", "23514", "22012", "25P02", "42P01", "57014", "53300"),
        Arbitraries.strings().withChars("0123456789ABCDEFP").ofLength(5));
  }

  @Provide
  Arbitrary<NhsNumber> nhsNumbers() {
    return CpisArbitraries.nhsNumbers();
  }

  private static String stackTraceOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
