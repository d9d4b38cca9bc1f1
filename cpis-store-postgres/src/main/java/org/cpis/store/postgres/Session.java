package org.cpis.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.StoreException;

/**
 * One unit of work's connection, in an open SERIALIZABLE transaction. Statements are written with
 * {@code {s}} for the store's schema. Every SQL failure dooms the transaction (PostgreSQL aborts
 * it anyway): the store rolls it back even if the work catches the exception. Refusals (a
 * duplicate id, a missing key) are told by row counts, never by a failed statement, so they leave
 * the transaction usable.
 */
final class Session {

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final Function<String, String> sql;
  private final Thread owner = Thread.currentThread();
  private boolean open = true;
  private StoreException doom;

  Session(Connection connection, Function<String, String> sql) {
    this.connection = connection;
    this.sql = sql;
  }

  /** Throws unless used inside its unit of work, on its thread. */
  void checkOpen() {
    if (!open || Thread.currentThread() != owner) {
      throw new IllegalStateException("a CP-IS store transaction was used outside its unit of work");
    }
  }

  void close() {
    open = false;
  }

  /** The failure that doomed the transaction, if any. */
  Optional<StoreException> doom() {
    return Optional.ofNullable(doom);
  }

  /** Runs an insert, update or delete; returns how many rows it touched. */
  int update(String template, Object... parameters) {
    checkOpen();
    try (PreparedStatement ps = prepare(template, parameters)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw doomed(e);
    }
  }

  /**
   * Runs an insert that refuses a duplicate by its row count: appends {@code ON CONFLICT DO
   * NOTHING} to the statement and, if no row was inserted, throws the refusal. A conflict thus
   * never becomes a failed statement and leaves the transaction usable. The refusal's message
   * names the id, never an NHS number.
   */
  void insertNew(Supplier<DuplicateRecordException> duplicate, String template, Object... parameters) {
    if (update(template + " ON CONFLICT DO NOTHING", parameters) == 0) {
      throw duplicate.get();
    }
  }

  /** Runs a query; returns its rows, in its order. */
  <T> List<T> query(String template, Row<T> row, Object... parameters) {
    checkOpen();
    try (PreparedStatement ps = prepare(template, parameters);
        ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw doomed(e);
    }
  }

  /** Runs a query that returns at most one row. */
  <T> Optional<T> queryOne(String template, Row<T> row, Object... parameters) {
    List<T> rows = query(template, row, parameters);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Whether the query returns a row. */
  boolean exists(String template, Object... parameters) {
    return queryOne(template, rs -> Boolean.TRUE, parameters).isPresent();
  }

  private PreparedStatement prepare(String template, Object... parameters) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql.apply(template));
    try {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, toSql(parameters[i]));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private StoreException doomed(SQLException e) {
    StoreException failure = SqlFailures.translate("run a statement", e, false);
    if (doom == null) {
      doom = failure;
    }
    return failure;
  }

  /** {@code ?, ?, ?} for {@code count} parameters. */
  static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** {@code a = ?, b = ?} for the columns. */
  static String assignments(List<String> columns) {
    return String.join(" = ?, ", columns) + " = ?";
  }

  /** The parameters in order, each list's elements in its place. */
  static Object[] parameters(Object... values) {
    List<Object> flat = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof List) {
        flat.addAll((List<?>) v);
      } else {
        flat.add(v);
      }
    }
    return flat.toArray();
  }

  /** The JDBC value of a record field: identifiers as their text, instants in UTC to the microsecond. */
  static Object toSql(Object value) {
    if (value instanceof Optional) {
      return toSql(((Optional<?>) value).orElse(null));
    }
    if (value instanceof NhsNumber) {
      return ((NhsNumber) value).value();
    }
    if (value instanceof OdsCode) {
      return ((OdsCode) value).value();
    }
    if (value instanceof RecordId) {
      return ((RecordId) value).value();
    }
    if (value instanceof PlanType) {
      return ((PlanType) value).code();
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    if (value instanceof Instant) {
      return OffsetDateTime.ofInstant(((Instant) value).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
    return value;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(instant(rs, column));
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(date(rs, column));
  }

  static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static NhsNumber nhsNumber(ResultSet rs, String column) throws SQLException {
    return NhsNumber.parse(rs.getString(column));
  }

  static OdsCode odsCode(ResultSet rs, String column) throws SQLException {
    return OdsCode.of(rs.getString(column));
  }

  static RecordId recordId(ResultSet rs, String column) throws SQLException {
    return RecordId.of(rs.getString(column));
  }

  static PlanType planType(ResultSet rs, String column) throws SQLException {
    String code = rs.getString(column);
    return PlanType.fromCode(code)
        .orElseThrow(() -> new IllegalStateException("unknown plan type code in the store: " + code));
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column) throws SQLException {
    return Enum.valueOf(type, rs.getString(column));
  }
}
