package org.cpis.store.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.cpis.store.StoreException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a {@link SQLException} into a {@link StoreException} whose message and cause never carry
 * a value: PostgreSQL's messages quote failing rows (an NHS number among them) in their detail and
 * sometimes in their text, so only the SQLSTATE and the names of the schema objects involved are
 * kept, with the original stack trace.
 */
final class SqlFailures {

  private SqlFailures() {}

  /** Serialization failure and deadlock: the transaction was rolled back; running it again is safe. */
  static boolean isConflict(String sqlState) {
    return "40001".equals(sqlState) || "40P01".equals(sqlState);
  }

  /**
   * The connection was lost or the server ended the session (class 08, and 57P01..57P03:
   * administrator command such as {@code pg_terminate_backend}, crash, server starting up).
   */
  static boolean isConnectionLoss(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || "57P01".equals(sqlState)
            || "57P02".equals(sqlState)
            || "57P03".equals(sqlState));
  }

  /**
   * Whether nothing the transaction did can have been applied and it may simply run again: a
   * conflict, or, before the commit was sent, a lost connection or a failure the driver or pool
   * calls transient (such as a pool that had no connection free in time).
   */
  static boolean isTransient(SQLException e, boolean committing) {
    String state = e.getSQLState();
    return isConflict(state)
        || (!committing && (isConnectionLoss(state) || e instanceof SQLTransientException));
  }

  /** A store exception for a failure while doing {@code what}, safe to log. */
  static StoreException translate(String what, SQLException e, boolean committing) {
    SQLException safe = sanitized(e);
    String message = "PostgreSQL store could not " + what + ": " + safe.getMessage();
    if (isTransient(e, committing)) {
      return Failures.transientFailure(message, safe);
    }
    if (committing && isConnectionLoss(e.getSQLState())) {
      return new StoreException(
          message + " (the connection was lost during commit: the outcome is unknown)", safe);
    }
    return new StoreException(message, safe);
  }

  /** A copy of {@code e} with its SQLSTATE, the names of the objects involved and its stack, no values. */
  static SQLException sanitized(SQLException e) {
    StringBuilder text = new StringBuilder("SQLSTATE ").append(e.getSQLState());
    if (e instanceof PSQLException && ((PSQLException) e).getServerErrorMessage() != null) {
      ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
      append(text, "table", server.getTable());
      append(text, "column", server.getColumn());
      append(text, "constraint", server.getConstraint());
    }
    SQLException copy = new SQLException(text.toString(), e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    SQLException next = e.getNextException();
    if (next != null && next != e) {
      copy.setNextException(sanitized(next));
    }
    return copy;
  }

  private static void append(StringBuilder text, String what, String name) {
    if (name != null && !name.isEmpty()) {
      text.append(", ").append(what).append(' ').append(name);
    }
  }
}
