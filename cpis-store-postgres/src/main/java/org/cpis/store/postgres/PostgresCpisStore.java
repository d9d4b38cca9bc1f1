package org.cpis.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cpis.store.AccessEventStore;
import org.cpis.store.AttendanceStore;
import org.cpis.store.NhsNumberLinkStore;
import org.cpis.store.AuditLog;
import org.cpis.store.AuditTreeStore;
import org.cpis.store.CpisStore;
import org.cpis.store.LeaseStore;
import org.cpis.store.LocalAuthorityStore;
import org.cpis.store.NotificationStore;
import org.cpis.store.PlanStore;
import org.cpis.store.ReviewStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;
import org.cpis.store.UploadReceiptStore;

/**
 * A CP-IS store in a PostgreSQL schema, on a {@link DataSource} the host supplies (a pool such as
 * HikariCP; the store owns none and never closes it). Safe for several application nodes on one
 * database.
 *
 * <p>The constructor creates the schema, or migrates it to this version, under an advisory lock
 * ({@link Migrations}). Each unit of work runs on one connection in one SERIALIZABLE transaction.
 * A serialization failure, a deadlock, or a connection lost before the commit rolls the work back
 * and is reported as transient: running the same work again is safe. A refusal (a duplicate id, a
 * missing key) is found from a row count, so it leaves the transaction usable; any other failure
 * dooms the transaction, which is rolled back even if the work catches the exception. Exception
 * messages carry SQLSTATEs and object names, never a value from a row.
 */
public final class PostgresCpisStore implements CpisStore {

  /** The schema used when none is named. */
  public static final String DEFAULT_SCHEMA = "cpis";

  private final DataSource dataSource;
  private final String schema;
  private final Map<String, String> statements = new ConcurrentHashMap<>();
  private final ThreadLocal<Boolean> inWork = new ThreadLocal<>();
  private volatile boolean closed;

  /** A store in the schema {@value #DEFAULT_SCHEMA}. */
  public PostgresCpisStore(DataSource dataSource) {
    this(dataSource, DEFAULT_SCHEMA);
  }

  /**
   * A store in {@code schema} (lower-case letters, digits and underscores), created or migrated
   * now.
   *
   * @throws StoreException if the schema cannot be migrated, or was migrated by a newer store
   */
  public PostgresCpisStore(DataSource dataSource, String schema) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schema = Migrations.requireSchemaName(schema);
    Migrations.migrate(dataSource, schema);
  }

  /** The schema this store keeps its tables in. */
  public String schema() {
    return schema;
  }

  @Override
  public <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    Objects.requireNonNull(work, "work");
    if (closed) {
      throw new IllegalStateException("this CP-IS store is closed");
    }
    if (inWork.get() != null) {
      throw new IllegalStateException("CP-IS store transactions cannot be nested");
    }
    inWork.set(Boolean.TRUE);
    try {
      Connection c = open();
      try {
        return run(c, work);
      } finally {
        closeQuietly(c);
      }
    } finally {
      inWork.remove();
    }
  }

  /** Gives the connection back; the transaction has ended, so a failure here changes nothing. */
  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // A broken connection: the pool discards it.
    }
  }

  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlFailures.translate("get a connection", e, false);
    }
  }

  private <T> T run(Connection c, Function<? super StoreTransaction, ? extends T> work) {
    Session session = new Session(c, this::sql);
    boolean autoCommit;
    try {
      autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      }
    } catch (SQLException e) {
      Migrations.rollbackQuietly(c);
      throw SqlFailures.translate("begin a transaction", e, false);
    }
    try {
      T result;
      try {
        result = work.apply(new Transaction(session));
      } catch (Throwable t) {
        session.close();
        Migrations.rollbackQuietly(c);
        throw t;
      }
      session.close();
      if (session.doom().isPresent()) {
        Migrations.rollbackQuietly(c);
        throw session.doom().get();
      }
      try {
        c.commit();
      } catch (SQLException e) {
        Migrations.rollbackQuietly(c);
        throw SqlFailures.translate("commit", e, true);
      }
      return result;
    } finally {
      try {
        c.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // A broken connection; the pool discards it.
      }
    }
  }

  private String sql(String template) {
    return statements.computeIfAbsent(template, t -> t.replace("{s}", schema));
  }

  /** Ends this store's use; the host's {@link DataSource} stays open. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "PostgresCpisStore[schema=" + schema + "]";
  }

  /** The stores of one unit of work, all on its session. */
  static final class Transaction implements StoreTransaction {

    private final Session session;
    private final LocalAuthorityStore localAuthorities;
    private final PlanStore plans;
    private final AccessEventStore accessEvents;
    private final NotificationStore notifications;
    private final ReviewStore reviews;
    private final AuditLog audit;
    private final UploadReceiptStore uploads;
    private final LeaseStore leases;
    private final AuditTreeStore auditTree;
    private final AttendanceStore attendances;
    private final NhsNumberLinkStore numberLinks;

    Transaction(Session session) {
      this.session = session;
      this.localAuthorities = new PgLocalAuthorities(session);
      this.plans = new PgPlans(session);
      this.accessEvents = new PgAccessEvents(session);
      this.notifications = new PgNotifications(session);
      this.reviews = new PgReviews(session);
      this.audit = new PgAudit(session);
      this.uploads = new PgUploads(session);
      this.leases = new PgLeases(session);
      this.auditTree = new PgAuditTree(session);
      this.attendances = new PgAttendances(session);
      this.numberLinks = new PgNumberLinks(session);
    }

    /** The unit of work's connection, for tests that must make a statement fail. */
    Session session() {
      return session;
    }

    @Override
    public LocalAuthorityStore localAuthorities() {
      session.checkOpen();
      return localAuthorities;
    }

    @Override
    public PlanStore plans() {
      session.checkOpen();
      return plans;
    }

    @Override
    public AccessEventStore accessEvents() {
      session.checkOpen();
      return accessEvents;
    }

    @Override
    public NotificationStore notifications() {
      session.checkOpen();
      return notifications;
    }

    @Override
    public ReviewStore reviews() {
      session.checkOpen();
      return reviews;
    }

    @Override
    public AuditLog audit() {
      session.checkOpen();
      return audit;
    }

    @Override
    public AuditTreeStore auditTree() {
      session.checkOpen();
      return auditTree;
    }

    @Override
    public UploadReceiptStore uploads() {
      session.checkOpen();
      return uploads;
    }

    @Override
    public LeaseStore leases() {
      session.checkOpen();
      return leases;
    }

    @Override
    public AttendanceStore attendances() {
      session.checkOpen();
      return attendances;
    }

    @Override
    public NhsNumberLinkStore numberLinks() {
      session.checkOpen();
      return numberLinks;
    }
  }
}
