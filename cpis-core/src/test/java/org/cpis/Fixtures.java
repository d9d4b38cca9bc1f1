package org.cpis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.rules.AccessKind;
import org.cpis.rules.UploadRecord;
import org.cpis.store.inmemory.InMemoryCpisStore;

/** The people, places and records the engine tests use, and an engine on a test clock. */
final class Fixtures {

  /** 10:00 in London on Saturday 1 June 2024. */
  static final Instant START = Instant.parse("2024-06-01T09:00:00Z");

  static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(OdsCode.of("714"))
          .name("London Borough of Islington")
          .officeHoursPhone("020 7527 7400")
          .emergencyDutyPhone("020 7226 0992")
          .build();

  static final LocalAuthority CAMDEN =
      LocalAuthority.builder()
          .odsCode(OdsCode.of("702"))
          .name("London Borough of Camden")
          .officeHoursPhone("020 7974 3317")
          .emergencyDutyPhone("020 7387 4900")
          .build();

  static final Organisation ROYAL_FREE = Organisation.of(OdsCode.of("RAL01"), "Royal Free Hospital");

  static final Accessor ED_NURSE =
      Accessor.builder()
          .userId("555000111222")
          .name("Sam Patel")
          .role("Staff Nurse")
          .rbacActivityCode("B0168")
          .build();

  static final Accessor SILENT_READER =
      Accessor.builder()
          .userId("555000333444")
          .name("Dr Ann Lee")
          .role("General Practitioner")
          .rbacActivityCode(AccessKind.SILENT_READ_ACTIVITY)
          .build();

  private Fixtures() {}

  /** The {@code i}-th valid NHS number of the test range (prefix 999), for {@code i >= 0}. */
  static NhsNumber nhs(int i) {
    for (int n = i * 2; ; n++) {
      String firstNine = String.format("999%06d", n);
      OptionalInt check = NhsNumber.checkDigit(firstNine);
      if (check.isPresent()) {
        NhsNumber number = NhsNumber.parse(firstNine + check.getAsInt());
        return number;
      }
    }
  }

  /** A child protection plan record, open unless {@code end} is given. */
  static UploadRecord cpp(int line, String reference, NhsNumber child, LocalDate start, LocalDate end) {
    return UploadRecord.builder()
        .lineNumber(line)
        .localReference(reference)
        .nhsNumber(child.value())
        .givenName("Alex")
        .familyName("Smith")
        .dateOfBirth("2018-03-04")
        .planType("CPPI")
        .startDate(start.toString())
        .endDate(java.util.Optional.ofNullable(end).map(LocalDate::toString))
        .allocatedSocialWorker("sw-jones")
        .build();
  }

  /** An open unborn child protection plan record under the mother's number. */
  static UploadRecord ucpp(int line, String reference, NhsNumber mother, LocalDate start, LocalDate edd) {
    return UploadRecord.builder()
        .lineNumber(line)
        .localReference(reference)
        .nhsNumber(mother.value())
        .givenName("Jo")
        .familyName("Smith")
        .dateOfBirth("1998-07-09")
        .planType("UCPI")
        .startDate(start.toString())
        .expectedDeliveryDate(edd.toString())
        .allocatedSocialWorker("sw-jones")
        .build();
  }

  static CheckRequest check(NhsNumber child, Accessor accessor, CareSetting setting) {
    return CheckRequest.builder()
        .nhsNumber(child)
        .accessor(accessor)
        .organisation(ROYAL_FREE)
        .setting(setting)
        .build();
  }

  /** An engine on an in-memory store, a test clock, a recording notifier and counted ids. */
  static final class TestEngine {
    final MutableClock clock = new MutableClock(START);
    final RecordingNotifier notifier = new RecordingNotifier();
    /** The in-memory store, which a test may make fail with {@link FaultyStore#intercept}. */
    final FaultyStore store = new FaultyStore(new InMemoryCpisStore());
    final AtomicInteger ids = new AtomicInteger();
    final Cpis cpis;

    TestEngine() {
      this(b -> b);
    }

    TestEngine(java.util.function.UnaryOperator<Cpis.Builder> configure) {
      cpis =
          configure
              .apply(
                  Cpis.builder()
                      .store(store)
                      .notifier(notifier)
                      .clock(clock)
                      .idSupplier(() -> "id-" + ids.incrementAndGet()))
              .build();
      cpis.registerLocalAuthority(ISLINGTON);
      cpis.registerLocalAuthority(CAMDEN);
    }

    /**
     * Another node: an engine of its own on the same store, clock, notifier and id source, under
     * {@code nodeId}, as a second application server behind a load balancer would be.
     */
    Cpis otherNode(String nodeId, java.util.function.UnaryOperator<Cpis.Builder> configure) {
      return configure
          .apply(
              Cpis.builder()
                  .store(store)
                  .notifier(notifier)
                  .clock(clock)
                  .nodeId(nodeId)
                  .idSupplier(() -> "id-" + ids.incrementAndGet()))
          .build();
    }

    LocalAuthorityDesk islington() {
      return cpis.localAuthority(ISLINGTON.odsCode());
    }

    LocalAuthorityDesk camden() {
      return cpis.localAuthority(CAMDEN.odsCode());
    }

    LocalDate today() {
      return cpis.today();
    }

    /** Reads the store directly, around the engine. */
    <T> T read(java.util.function.Function<org.cpis.store.StoreTransaction, T> query) {
      return store.inTransaction(query);
    }

    java.util.List<org.cpis.model.AuditRecord> unsealed() {
      return read(tx -> tx.audit().findUnsealed(Integer.MAX_VALUE));
    }

    java.util.Optional<org.cpis.model.AuditEntry> lastSealed() {
      return read(tx -> tx.audit().last());
    }

    java.util.Optional<String> leaseHolder(String name) {
      return read(tx -> tx.leases().holder(name, clock.instant()));
    }

    java.util.List<org.cpis.model.AccessEvent> accessesTo(NhsNumber subject) {
      return read(tx -> tx.accessEvents().findRecentBySubject(subject, Integer.MAX_VALUE));
    }

    java.util.List<org.cpis.model.AccessNotification> notificationsAbout(NhsNumber subject) {
      return read(tx -> tx.notifications().findBySubject(subject));
    }
  }
}
