package org.cpis.store.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cpis.store.StoreException;

/**
 * Creates and migrates the store's schema at start-up. Each migration is a numbered list of
 * statements, applied once and recorded in {@code cpis_schema_version}; a store that finds its
 * schema up to date does nothing. The whole migration runs in one transaction under an advisory
 * lock on the schema's name, so two nodes starting together apply each migration once; a
 * database migrated by a newer version of the store is refused rather than used.
 */
final class Migrations {

  private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

  /** A PostgreSQL identifier the store can use unquoted: lower case, at most 63 characters. */
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The first key of the two-key advisory lock the store takes to migrate ("CPIS" in ASCII). */
  private static final int LOCK_CLASS = 0x43504953;

  /** Every migration, in order; version n is {@code MIGRATIONS.get(n - 1)}. Never edit a released one. */
  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "records of the CP-IS store SPI",
              List.of(
                  "CREATE TABLE {s}.local_authority ("
                      + " ods_code text COLLATE \"C\" PRIMARY KEY CHECK (ods_code ~ '^[A-Z0-9]{3,10}$'),"
                      + " name text NOT NULL,"
                      + " office_hours_phone text NOT NULL,"
                      + " emergency_duty_phone text NOT NULL)",
                  "CREATE TABLE {s}.plan ("
                      + " local_authority text COLLATE \"C\" NOT NULL CHECK (local_authority ~ '^[A-Z0-9]{3,10}$'),"
                      + " local_reference text COLLATE \"C\" NOT NULL,"
                      + " subject char(10) NOT NULL CHECK (subject ~ '^[0-9]{10}$'),"
                      + " type char(4) NOT NULL CHECK (type IN ('CPPI', 'LACI', 'UCPI')),"
                      + " start_date date NOT NULL,"
                      + " end_date date CHECK (end_date >= start_date),"
                      + " expected_delivery_date date CHECK ((type = 'UCPI') = (expected_delivery_date IS NOT NULL)),"
                      + " child_date_of_birth date,"
                      + " allocated_social_worker text,"
                      + " linked_unborn_local_authority text COLLATE \"C\","
                      + " linked_unborn_local_reference text COLLATE \"C\","
                      + " PRIMARY KEY (local_authority, local_reference),"
                      + " CHECK ((linked_unborn_local_authority IS NULL) = (linked_unborn_local_reference IS NULL)))",
                  "CREATE INDEX plan_by_subject ON {s}.plan (subject, local_authority, local_reference)",
                  "CREATE INDEX plan_by_type_and_end ON {s}.plan (type, end_date) WHERE end_date IS NOT NULL",
                  "CREATE INDEX plan_open_by_expected_delivery ON {s}.plan (expected_delivery_date)"
                      + " WHERE end_date IS NULL AND expected_delivery_date IS NOT NULL",
                  "CREATE INDEX plan_by_child_date_of_birth ON {s}.plan (child_date_of_birth)"
                      + " WHERE child_date_of_birth IS NOT NULL",
                  "CREATE TABLE {s}.access_event ("
                      + " id text COLLATE \"C\" PRIMARY KEY,"
                      + " subject char(10) NOT NULL CHECK (subject ~ '^[0-9]{10}$'),"
                      + " accessor_user_id text NOT NULL,"
                      + " accessor_name text NOT NULL,"
                      + " accessor_role text NOT NULL,"
                      + " accessor_rbac_activity_code text NOT NULL,"
                      + " organisation_ods_code text COLLATE \"C\" NOT NULL,"
                      + " organisation_name text NOT NULL,"
                      + " setting text NOT NULL,"
                      + " accessed_at timestamptz NOT NULL)",
                  "CREATE INDEX access_event_recent_by_subject ON {s}.access_event (subject, accessed_at DESC, id DESC)",
                  "CREATE TABLE {s}.notification ("
                      + " id text COLLATE \"C\" PRIMARY KEY,"
                      + " access_event_id text COLLATE \"C\" NOT NULL,"
                      + " subject char(10) NOT NULL CHECK (subject ~ '^[0-9]{10}$'),"
                      + " plan_local_authority text COLLATE \"C\" NOT NULL,"
                      + " plan_local_reference text COLLATE \"C\" NOT NULL,"
                      + " plan_type char(4) NOT NULL CHECK (plan_type IN ('CPPI', 'LACI', 'UCPI')),"
                      + " organisation_ods_code text COLLATE \"C\" NOT NULL,"
                      + " organisation_name text NOT NULL,"
                      + " setting text NOT NULL,"
                      + " accessor_user_id text NOT NULL,"
                      + " accessor_name text NOT NULL,"
                      + " accessor_role text NOT NULL,"
                      + " accessor_rbac_activity_code text NOT NULL,"
                      + " accessed_at timestamptz NOT NULL,"
                      + " assigned_social_worker text,"
                      + " delivery_status text NOT NULL CHECK (delivery_status IN ('PENDING', 'DELIVERED')),"
                      + " failed_attempts integer NOT NULL CHECK (failed_attempts >= 0),"
                      + " next_attempt_at timestamptz NOT NULL,"
                      + " delivered_at timestamptz,"
                      + " claimant text,"
                      + " claimed_until timestamptz,"
                      + " CHECK ((delivery_status = 'DELIVERED') = (delivered_at IS NOT NULL)),"
                      + " CHECK ((claimant IS NULL) = (claimed_until IS NULL)))",
                  "CREATE INDEX notification_pending_due ON {s}.notification (next_attempt_at, id)"
                      + " WHERE delivery_status = 'PENDING'",
                  "CREATE INDEX notification_by_subject ON {s}.notification (subject, accessed_at, id)",
                  "CREATE INDEX notification_by_local_authority ON {s}.notification"
                      + " (plan_local_authority, accessed_at, id)",
                  "CREATE TABLE {s}.review ("
                      + " notification_id text COLLATE \"C\" PRIMARY KEY"
                      + "   REFERENCES {s}.notification (id) ON DELETE CASCADE,"
                      + " local_authority text COLLATE \"C\" NOT NULL,"
                      + " reviewer text NOT NULL,"
                      + " outcome text NOT NULL,"
                      + " recorded_on_case_record boolean NOT NULL,"
                      + " reviewed_at timestamptz NOT NULL)",
                  "CREATE INDEX review_by_local_authority ON {s}.review (local_authority, reviewed_at, notification_id)",
                  "CREATE TABLE {s}.audit_record ("
                      + " id text COLLATE \"C\" PRIMARY KEY,"
                      + " at timestamptz NOT NULL,"
                      + " action text NOT NULL,"
                      + " actor text NOT NULL,"
                      + " organisation text COLLATE \"C\","
                      + " setting text,"
                      + " subject char(10) CHECK (subject ~ '^[0-9]{10}$'),"
                      + " detail text NOT NULL,"
                      + " sequence bigint UNIQUE CHECK (sequence >= 1),"
                      + " previous_hash text,"
                      + " hash text,"
                      + " CHECK ((sequence IS NULL) = (hash IS NULL) AND (sequence IS NULL) = (previous_hash IS NULL)))",
                  "CREATE INDEX audit_record_unsealed ON {s}.audit_record (at, id) WHERE sequence IS NULL",
                  "CREATE TABLE {s}.lease ("
                      + " name text COLLATE \"C\" PRIMARY KEY,"
                      + " holder text NOT NULL,"
                      + " expires_at timestamptz NOT NULL)",
                  "CREATE TABLE {s}.upload_receipt ("
                      + " id text COLLATE \"C\" PRIMARY KEY,"
                      + " local_authority text COLLATE \"C\" NOT NULL,"
                      + " received_at timestamptz NOT NULL,"
                      + " accepted integer NOT NULL CHECK (accepted >= 0),"
                      + " unchanged integer NOT NULL CHECK (unchanged >= 0),"
                      + " rejected integer NOT NULL CHECK (rejected >= 0),"
                      + " without_nhs_number integer NOT NULL CHECK (without_nhs_number BETWEEN 0 AND rejected))",
                  "CREATE INDEX upload_receipt_latest ON {s}.upload_receipt (local_authority, received_at DESC, id DESC)")),
          new Migration(
              2,
              "the audit log's Merkle tree and signed checkpoints",
              List.of(
                  "CREATE TABLE {s}.audit_tree_node ("
                      + " level integer NOT NULL CHECK (level BETWEEN 0 AND 63),"
                      + " idx bigint NOT NULL CHECK (idx >= 0),"
                      + " hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),"
                      + " PRIMARY KEY (level, idx))",
                  "CREATE TABLE {s}.audit_checkpoint ("
                      + " tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),"
                      + " note text NOT NULL)")),
          new Migration(
              3,
              "superseded numbers, repeat attendances, attendance episodes, was-not-brought notifications",
              List.of(
                  "ALTER TABLE {s}.notification"
                      + " ADD COLUMN kind text NOT NULL DEFAULT 'ACCESS' CHECK (kind IN ('ACCESS', 'WAS_NOT_BROUGHT')),"
                      + " ADD COLUMN further_accesses text[] NOT NULL DEFAULT '{}',"
                      + " ADD COLUMN repeat_attendances text[],"
                      + " ADD COLUMN appointment_at timestamptz,"
                      + " ADD COLUMN plan_held_under char(10) CHECK (plan_held_under ~ '^[0-9]{10}$'),"
                      + " ADD CHECK ((kind = 'WAS_NOT_BROUGHT') = (appointment_at IS NOT NULL))",
                  "CREATE TABLE {s}.nhs_number_link ("
                      + " number char(10) PRIMARY KEY CHECK (number ~ '^[0-9]{10}$'),"
                      + " id text COLLATE \"C\" NOT NULL UNIQUE,"
                      + " replacement char(10) CHECK (replacement ~ '^[0-9]{10}$' AND replacement <> number),"
                      + " reported_by text NOT NULL,"
                      + " recorded_at timestamptz NOT NULL)",
                  "CREATE INDEX nhs_number_link_by_replacement ON {s}.nhs_number_link (replacement)"
                      + " WHERE replacement IS NOT NULL",
                  "CREATE TABLE {s}.number_change_notice ("
                      + " id text COLLATE \"C\" PRIMARY KEY,"
                      + " link_id text COLLATE \"C\" NOT NULL,"
                      + " local_authority text COLLATE \"C\" NOT NULL,"
                      + " number char(10) NOT NULL CHECK (number ~ '^[0-9]{10}$'),"
                      + " replacement char(10) CHECK (replacement ~ '^[0-9]{10}$'),"
                      + " plans text[] NOT NULL,"
                      + " recorded_at timestamptz NOT NULL,"
                      + " acknowledged_by text,"
                      + " acknowledged_at timestamptz,"
                      + " CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)))",
                  "CREATE INDEX number_change_notice_by_local_authority ON {s}.number_change_notice"
                      + " (local_authority, recorded_at, id)")));

  /** The tables that hold records (not the version table), children before parents. */
  static final List<String> RECORD_TABLES =
      List.of(
          "review",
          "number_change_notice",
          "nhs_number_link",
          "notification",
          "access_event",
          "plan",
          "local_authority",
          "audit_record",
          "audit_tree_node",
          "audit_checkpoint",
          "lease",
          "upload_receipt");

  private Migrations() {}

  /** The schema name, checked. */
  static String requireSchemaName(String schema) {
    if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "a CP-IS schema name is 1 to 63 lower-case letters, digits or underscores, not starting"
              + " with a digit; got '" + schema + "'");
    }
    return schema;
  }

  /** The latest version this store knows. */
  static int latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }

  /**
   * Brings {@code schema} up to the latest version; returns the version it found (0 when the
   * schema was new).
   */
  static int migrate(DataSource dataSource, String schema) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        int found = migrate(c, schema);
        c.commit();
        if (found < latestVersion()) {
          LOG.log(
              Level.INFO,
              "CP-IS schema {0} migrated from version {1} to {2}",
              schema,
              found,
              latestVersion());
        }
        return found;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SqlFailures.translate("migrate schema " + schema, e, false);
    }
  }

  private static int migrate(Connection c, String schema) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setString(2, schema);
      lock.execute();
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      s.execute(
          "CREATE TABLE IF NOT EXISTS " + schema + ".cpis_schema_version ("
              + " version integer PRIMARY KEY,"
              + " description text NOT NULL,"
              + " applied_at timestamptz NOT NULL DEFAULT now())");
      int found;
      try (ResultSet rs =
          s.executeQuery("SELECT coalesce(max(version), 0) FROM " + schema + ".cpis_schema_version")) {
        rs.next();
        found = rs.getInt(1);
      }
      if (found > latestVersion()) {
        throw new StoreException(
            "CP-IS schema " + schema + " is at version " + found + ", newer than this store's "
                + latestVersion() + ": upgrade cpis-store-postgres");
      }
      for (Migration m : MIGRATIONS.subList(found, MIGRATIONS.size())) {
        for (String statement : m.statements()) {
          s.execute(statement.replace("{s}", schema));
        }
        try (PreparedStatement done =
            c.prepareStatement(
                "INSERT INTO " + schema + ".cpis_schema_version (version, description) VALUES (?, ?)")) {
          done.setInt(1, m.version());
          done.setString(2, m.description());
          done.executeUpdate();
        }
      }
      return found;
    }
  }

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is gone or broken; the server rolls back what it had.
    }
  }

  /** One numbered step of the schema. */
  record Migration(int version, String description, List<String> statements) {}
}
