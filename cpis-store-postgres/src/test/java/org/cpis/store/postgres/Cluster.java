package org.cpis.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.cpis.CheckRequest;
import org.cpis.Cpis;
import org.cpis.Notifier;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.cpis.rules.UploadRecord;

/**
 * Several engines ("nodes") on one PostgreSQL database, each with a pool of its own, as a
 * hospital trust runs them behind a load balancer; and the data they share: local authorities,
 * children with open plans, and every delivery each node's notifier was given.
 */
final class Cluster {

  static final Organisation ROYAL_FREE = Organisation.of(OdsCode.of("RAL01"), "Royal Free Hospital");
  static final Accessor ED_NURSE =
      Accessor.builder()
          .userId("555123456789")
          .name("Sam Nurse")
          .role("Staff Nurse")
          .rbacActivityCode("B0168")
          .build();

  private final TestDatabase database;
  /** Every delivery, by notification id: the nodes that delivered it, in order. */
  final Map<RecordId, List<String>> deliveries = new ConcurrentHashMap<>();

  Cluster(TestDatabase database) {
    this.database = database;
  }

  /** One application node: its pool, its store on that pool, and its engine. */
  record Node(String name, HikariDataSource pool, PostgresCpisStore store, Cpis cpis) {

    /** Every notification about these children, as stored. */
    List<AccessNotification> notificationsOf(List<NhsNumber> children) {
      return store.inTransaction(
          tx -> children.stream().flatMap(c -> tx.notifications().findBySubject(c).stream()).toList());
    }
  }

  /** A node: an engine named {@code name} on a pool of {@code poolSize} connections of its own. */
  Node node(String name, int poolSize, UnaryOperator<Cpis.Builder> options) {
    return node(name, poolSize, options, notification -> {});
  }

  /** A node whose notifier does {@code before} with each notification, then records the delivery. */
  Node node(String name, int poolSize, UnaryOperator<Cpis.Builder> options, Notifier before) {
    HikariDataSource pool = database.pool(name, poolSize);
    PostgresCpisStore store = database.store(pool);
    Notifier recording =
        notification -> {
          before.deliver(notification);
          deliveries.computeIfAbsent(notification.id(), id -> new CopyOnWriteArrayList<>()).add(name);
        };
    Cpis cpis =
        options
        .apply(
            Cpis.builder()
                .store(store)
                .notifier(recording)
                // Episodes off: these tests count deliveries per access; a gathered episode is
                // delivered again by design (AttendanceEpisodesProperties in cpis-core covers it).
                .episodePolicy(org.cpis.rules.EpisodePolicy.off())
                .clock(Clock.systemUTC())
                .nodeId(name)
                .leaseDuration(Duration.ofSeconds(30)))
        .build();
    return new Node(name, pool, store, cpis);
  }

  static LocalAuthority localAuthority(String ods) {
    return LocalAuthority.builder()
        .odsCode(OdsCode.of(ods))
        .name("Local authority " + ods)
        .officeHoursPhone("020 7527 0001")
        .emergencyDutyPhone("020 7226 0992")
        .build();
  }

  /** {@code count} distinct valid NHS numbers from the nine-digit prefix {@code from}. */
  static List<NhsNumber> children(int from, int count) {
    List<NhsNumber> children = new ArrayList<>();
    for (int prefix = from; children.size() < count; prefix++) {
      String nine = Integer.toString(prefix);
      NhsNumber.checkDigit(nine).ifPresent(c -> children.add(NhsNumber.parse(nine + c)));
    }
    return children;
  }

  /**
   * An upload file: an open child protection plan for each child, started a year ago, reference
   * {@code prefix-i}, allocated to social worker {@code worker}.
   */
  static List<UploadRecord> file(List<NhsNumber> children, String prefix, String worker) {
    List<UploadRecord> records = new ArrayList<>();
    LocalDate start = LocalDate.now(Clock.systemUTC()).minusYears(1);
    for (int i = 0; i < children.size(); i++) {
      records.add(
          UploadRecord.builder()
              .lineNumber(i + 1)
              .localReference(prefix + "-" + i)
              .nhsNumber(children.get(i).value())
              .givenName("Child")
              .familyName("Number" + i)
              .planType("CPPI")
              .startDate(start.toString())
              .allocatedSocialWorker(worker)
              .build());
    }
    return records;
  }

  static CheckRequest check(NhsNumber child) {
    return CheckRequest.builder()
        .nhsNumber(child)
        .accessor(ED_NURSE)
        .organisation(ROYAL_FREE)
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .build();
  }
}
