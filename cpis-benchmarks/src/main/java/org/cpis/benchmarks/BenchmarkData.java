package org.cpis.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.cpis.Cpis;
import org.cpis.model.Accessor;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.AccessKind;
import org.cpis.store.inmemory.InMemoryCpisStore;

/**
 * The fixed data every benchmark starts from: one clock instant, one local authority, NHS numbers
 * and plans generated from their index, and engines whose ids come from a counter. The same
 * parameters always give the same store, so runs are comparable.
 */
final class BenchmarkData {

  /** Every benchmark's "now": a Monday morning. */
  static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The day of {@link #NOW} in Europe/London, the engine's default zone: the day its rules use. */
  static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneId.of("Europe/London"));

  /** Every plan starts on this day, well before {@link #TODAY}, and none has ended. */
  static final LocalDate PLAN_START = LocalDate.of(2024, 1, 15);

  static final OdsCode ISLINGTON_ODS = OdsCode.of("206");

  static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(ISLINGTON_ODS)
          .name("Islington")
          .officeHoursPhone("020 7946 0100")
          .emergencyDutyPhone("020 7946 0199")
          .build();

  static final Organisation ROYAL_FREE = Organisation.of(OdsCode.of("RAL"), "Royal Free Hospital");

  /** An emergency-department nurse: her checks are unscheduled accesses. */
  static final Accessor ED_NURSE =
      Accessor.builder()
          .userId("555000000101")
          .name("Priya Shah")
          .role("Staff Nurse")
          .rbacActivityCode("B0168")
          .build();

  /** The same nurse under the silent-read activity: her checks notify nobody (design rule 7). */
  static final Accessor SILENT_READER =
      Accessor.builder().from(ED_NURSE).rbacActivityCode(AccessKind.SILENT_READ_ACTIVITY).build();

  /** Where the generated NHS numbers start: nine-digit prefixes counted up from here. */
  private static final int FIRST_PREFIX = 943_000_000;

  private BenchmarkData() {}

  /**
   * {@code count} distinct valid NHS numbers, in ascending order: the prefixes counted up from
   * {@value #FIRST_PREFIX} that have a Modulus 11 check digit, each with its check digit.
   */
  static List<NhsNumber> nhsNumbers(int count) {
    List<NhsNumber> numbers = new ArrayList<>(count);
    for (int prefix = FIRST_PREFIX; numbers.size() < count; prefix++) {
      String firstNine = Integer.toString(prefix);
      OptionalInt check = NhsNumber.checkDigit(firstNine);
      if (check.isPresent()) {
        numbers.add(NhsNumber.parse(firstNine + check.getAsInt()));
      }
    }
    return numbers;
  }

  /** A valid NHS number that is not among {@code numbers} (which {@link #nhsNumbers} made). */
  static NhsNumber nhsNumberNotIn(List<NhsNumber> numbers) {
    for (int prefix = FIRST_PREFIX - 1; ; prefix--) {
      String firstNine = Integer.toString(prefix);
      OptionalInt check = NhsNumber.checkDigit(firstNine);
      if (check.isPresent()) {
        NhsNumber n = NhsNumber.parse(firstNine + check.getAsInt());
        if (!numbers.contains(n)) {
          return n;
        }
      }
    }
  }

  /** The local reference of plan {@code index}. */
  static String reference(int index) {
    return "CP-" + index;
  }

  /** An open child protection plan of Islington for {@code child}, visible on {@link #TODAY}. */
  static ProtectionPlan openPlan(int index, NhsNumber child) {
    return ProtectionPlan.builder()
        .id(PlanId.of(ISLINGTON_ODS, reference(index)))
        .subject(child)
        .type(PlanType.CHILD_PROTECTION_PLAN)
        .start(PLAN_START)
        .childDateOfBirth(LocalDate.of(2018, 1, 1).plusDays(index % 2_000))
        .allocatedSocialWorker("sw-" + (index % 40))
        .build();
  }

  /**
   * A store holding Islington and one open plan for each child (plan {@code i} for child {@code
   * i}), written straight through the store in one transaction.
   */
  static InMemoryCpisStore storeWithPlans(List<NhsNumber> children) {
    InMemoryCpisStore store = new InMemoryCpisStore();
    store.runInTransaction(
        tx -> {
          tx.localAuthorities().insert(ISLINGTON);
          for (int i = 0; i < children.size(); i++) {
            tx.plans().insert(openPlan(i, children.get(i)));
          }
        });
    return store;
  }

  /**
   * An engine on {@code store} with the fixed clock, ids from a counter ({@code id-1}, {@code
   * id-2}…) and a notifier that accepts every notification and does nothing with it.
   */
  /**
   * A full collection after a set-up has built a store, so that the collector moves what the
   * set-up made (out of the young generation) before the measured work, not during it.
   */
  static void settle() {
    System.gc();
  }

  static Cpis engine(InMemoryCpisStore store, boolean dispatchAfterCheck) {
    AtomicLong ids = new AtomicLong();
    return Cpis.builder()
        .store(store)
        .notifier(notification -> {})
        .clock(CLOCK)
        .idSupplier(() -> "id-" + ids.incrementAndGet())
        .dispatchAfterCheck(dispatchAfterCheck)
        .build();
  }
}
