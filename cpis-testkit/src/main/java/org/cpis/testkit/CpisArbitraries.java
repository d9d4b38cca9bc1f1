package org.cpis.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.ImmutableAuditRecord;
import org.cpis.model.AuditRecord;
import org.cpis.model.InvalidNhsNumberException;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.model.UploadReceipt;

/**
 * jqwik generators for every CP-IS identifier and record ({@code org.cpis.model}), and for upload
 * files with deliberately bad rows. Every generated record satisfies its type's invariants; every
 * generated NHS number is valid (design rule 1) unless the method says otherwise.
 *
 * <p>Use them from a provider method ({@code @Provide Arbitrary<ProtectionPlan> plans() { return
 * CpisArbitraries.plans(); }}) or inject by type with {@code @Domain(CpisDomain.class)}.
 */
public final class CpisArbitraries {

  /** The first day {@link #dates()} generates. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

  /** The last day {@link #dates()} generates. */
  public static final LocalDate LAST_DAY = LocalDate.of(2040, 12, 31);

  /** The upper bound of a generated child's age at a plan's start, in days: under 18 years. */
  private static final int MAX_AGE_AT_START_DAYS = 18 * 365 - 1;

  private static final String HEX = "0123456789abcdef";

  /** Characters that are neither an ASCII digit nor a group separator (space, hyphen). */
  private static final char[] NON_DIGITS = {
    'a', 'O', 'l', 'X', '/', '.', '+', '_', '#', '\t', '\u00A0', '\u0663', '\uFF13', '\u00BD'
  };

  private CpisArbitraries() {}

  /** The three ways an NHS number may be written (design rule 1). */
  public enum NhsNumberForm {
    /** Ten digits: {@code 9434765919}. */
    DIGITS,
    /** 3-3-4 groups separated by single spaces: {@code 943 476 5919}. */
    SPACES,
    /** 3-3-4 groups separated by single hyphens: {@code 943-476-5919}. */
    HYPHENS;

    /** The number written in this form. */
    public String write(NhsNumber number) {
      return write(number.value());
    }

    /** Ten digits, valid or not, written in this form. */
    public String write(String tenDigits) {
      if (this == DIGITS) {
        return tenDigits;
      }
      char separator = this == SPACES ? ' ' : '-';
      return tenDigits.substring(0, 3)
          + separator
          + tenDigits.substring(3, 6)
          + separator
          + tenDigits.substring(6);
    }
  }

  // ---------------------------------------------------------------- NHS numbers (rule 1)

  /** Valid NHS numbers: any nine digits that have a Modulus 11 check digit, and that digit. */
  public static Arbitrary<NhsNumber> nhsNumbers() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(9)
        .filter(prefix -> NhsNumber.checkDigit(prefix).isPresent())
        .map(prefix -> NhsNumber.parse(prefix + NhsNumber.checkDigit(prefix).getAsInt()));
  }

  /** Valid NHS numbers as text, in all three written forms. */
  public static Arbitrary<String> nhsNumberTexts() {
    return Combinators.combine(nhsNumbers(), Arbitraries.of(NhsNumberForm.class))
        .as((number, form) -> form.write(number));
  }

  /** Valid NHS numbers as text, in one written form. */
  public static Arbitrary<String> nhsNumberTexts(NhsNumberForm form) {
    return nhsNumbers().map(form::write);
  }

  /** Texts that {@link NhsNumber#parse(String)} rejects, for any reason. Never null. */
  public static Arbitrary<String> invalidNhsNumberTexts() {
    return Arbitraries.of(InvalidNhsNumberException.Reason.class)
        .flatMap(CpisArbitraries::invalidNhsNumberTexts);
  }

  /**
   * Texts that {@link NhsNumber#parse(String)} rejects with exactly {@code reason}. Never null
   * ({@code parse(null)} fails as {@link InvalidNhsNumberException.Reason#EMPTY} too).
   *
   * <ul>
   *   <li>EMPTY: empty or white space only;
   *   <li>NON_DIGIT: holds a character that is neither an ASCII digit nor a space or hyphen
   *       (letters, punctuation, tabs, no-break spaces, non-ASCII digits);
   *   <li>LENGTH: digits and separators, but not ten digits;
   *   <li>GROUPING: ten digits with separators placed other than as 3-3-4 groups with one kind of
   *       single separator;
   *   <li>CHECK_DIGIT: a wrong tenth digit, including nine digits whose check digit would be 10
   *       (no tenth digit is valid), in every written form.
   * </ul>
   */
  public static Arbitrary<String> invalidNhsNumberTexts(InvalidNhsNumberException.Reason reason) {
    switch (reason) {
      case EMPTY:
        return Arbitraries.strings()
            .withChars(' ', '\t', '\n', '\r', '\f', '\u000B', '\u2003')
            .ofMaxLength(12);
      case NON_DIGIT:
        return nonDigitTexts();
      case LENGTH:
        return Combinators.combine(
                Arbitraries.integers()
                    .between(0, 20)
                    .filter(n -> n != 10)
                    .flatMap(n -> Arbitraries.strings().numeric().ofLength(n)),
                separatorInsertions(0))
            .as(CpisArbitraries::insertAll)
            .filter(text -> !text.isBlank());
      case GROUPING:
        return Combinators.combine(
                Arbitraries.strings().numeric().ofLength(10), separatorInsertions(1))
            .as(CpisArbitraries::insertAll)
            .filter(text -> !isThreeThreeFour(text));
      case CHECK_DIGIT:
        return Combinators.combine(wrongCheckDigitNumbers(), Arbitraries.of(NhsNumberForm.class))
            .as((digits, form) -> form.write(digits));
      default:
        throw new IllegalArgumentException("no generator for " + reason);
    }
  }

  private static Arbitrary<String> nonDigitTexts() {
    Arbitrary<String> base =
        Arbitraries.oneOf(
            List.of(
                nhsNumberTexts(),
                Arbitraries.strings().withChars("0123456789 -").ofMaxLength(14)));
    return Combinators.combine(
            base,
            Arbitraries.of(NON_DIGITS),
            Arbitraries.integers().between(0, 20),
            Arbitraries.of(true, false))
        .as(
            (text, bad, position, replace) -> {
              if (replace && !text.isEmpty()) {
                int at = position % text.length();
                return text.substring(0, at) + bad + text.substring(at + 1);
              }
              int at = position % (text.length() + 1);
              return text.substring(0, at) + bad + text.substring(at);
            })
        .filter(text -> !text.isBlank());
  }

  /** Ten digits whose tenth is not the check digit, or whose first nine have no check digit. */
  private static Arbitrary<String> wrongCheckDigitNumbers() {
    Arbitrary<String> wrongDigit =
        Arbitraries.strings()
            .numeric()
            .ofLength(9)
            .flatMap(
                prefix -> {
                  OptionalInt check = NhsNumber.checkDigit(prefix);
                  return Arbitraries.integers()
                      .between(0, 9)
                      .filter(d -> check.isEmpty() || d != check.getAsInt())
                      .map(d -> prefix + d);
                });
    Arbitrary<String> noCheckDigit =
        Combinators.combine(
                Arbitraries.strings()
                    .numeric()
                    .ofLength(9)
                    .filter(prefix -> NhsNumber.checkDigit(prefix).isEmpty()),
                Arbitraries.integers().between(0, 9))
            .as((prefix, d) -> prefix + d);
    return Arbitraries.frequencyOf(List.of(Tuple.of(3, wrongDigit), Tuple.of(1, noCheckDigit)));
  }

  private static Arbitrary<List<Tuple2<Integer, Character>>> separatorInsertions(int atLeast) {
    return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.of(' ', '-'))
        .as(Tuple::of)
        .list()
        .ofMinSize(atLeast)
        .ofMaxSize(atLeast + 3);
  }

  private static String insertAll(String text, List<Tuple2<Integer, Character>> insertions) {
    StringBuilder s = new StringBuilder(text);
    for (Tuple2<Integer, Character> insertion : insertions) {
      s.insert(insertion.get1() % (s.length() + 1), insertion.get2().charValue());
    }
    return s.toString();
  }

  /** Whether the text is twelve characters with the same separator at positions 3 and 7. */
  private static boolean isThreeThreeFour(String text) {
    return text.length() == 12
        && (text.charAt(3) == ' ' || text.charAt(3) == '-')
        && text.charAt(7) == text.charAt(3);
  }

  // ---------------------------------------------------------------- identifiers

  /** ODS codes of local authorities, health organisations and sites. */
  public static Arbitrary<OdsCode> odsCodes() {
    return Arbitraries.oneOf(
        List.of(
            localAuthorityCodes(),
            organisationCodes(),
            Arbitraries.strings()
                .withCharRange('A', 'Z')
                .numeric()
                .ofMinLength(3)
                .ofMaxLength(10)
                .map(OdsCode::of)));
  }

  /** Local authority ODS codes: three digits, like {@code 714}. */
  public static Arbitrary<OdsCode> localAuthorityCodes() {
    return Arbitraries.integers().between(100, 999).map(n -> OdsCode.of(Integer.toString(n)));
  }

  /** Health organisation and site ODS codes, like {@code RAL} or {@code RAL01}. */
  public static Arbitrary<OdsCode> organisationCodes() {
    return Combinators.combine(
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
            Arbitraries.integers().between(0, 99).optional(0.6))
        .as((letters, site) -> OdsCode.of("R" + letters + site.map(n -> String.format("%02d", n)).orElse("")));
  }

  /** Local authorities with a three-digit ODS code, a name and both phone numbers. */
  public static Arbitrary<LocalAuthority> localAuthorities() {
    return Combinators.combine(
            localAuthorityCodes(),
            Arbitraries.of(
                "Islington", "Camden", "Hackney", "Leeds", "Manchester", "Cornwall", "Kent",
                "Norfolk", "Bristol", "Cumbria"),
            phones(),
            phones())
        .as(
            (code, place, office, emergency) ->
                LocalAuthority.builder()
                    .odsCode(code)
                    .name(place + " Council")
                    .officeHoursPhone(office)
                    .emergencyDutyPhone(emergency)
                    .build());
  }

  private static Arbitrary<String> phones() {
    return Combinators.combine(
            Arbitraries.of("020", "0113", "0161", "01872", "03000"),
            Arbitraries.strings().numeric().ofLength(3),
            Arbitraries.strings().numeric().ofLength(4))
        .as((area, a, b) -> area + " " + a + " " + b);
  }

  /** A local authority's own plan references, like {@code CP-2024-0031}: non-blank, no spaces. */
  public static Arbitrary<String> localReferences() {
    Arbitrary<String> structured =
        Combinators.combine(
                Arbitraries.of("CP", "LAC", "UCP", "REF"),
                Arbitraries.integers().between(2000, 2040),
                Arbitraries.integers().between(1, 9999))
            .as((prefix, year, n) -> String.format("%s-%d-%04d", prefix, year, n));
    Arbitrary<String> free =
        Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(20);
    return Arbitraries.frequencyOf(List.of(Tuple.of(3, structured), Tuple.of(1, free)));
  }

  /** Plan ids: a local authority code and a local reference. */
  public static Arbitrary<PlanId> planIds() {
    return Combinators.combine(localAuthorityCodes(), localReferences()).as(PlanId::of);
  }

  /** Record ids of access events and notifications, mostly UUIDs. */
  public static Arbitrary<RecordId> recordIds() {
    Arbitrary<String> uuids =
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
            .as((high, low) -> new UUID(high, low).toString());
    Arbitrary<String> short_ = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    return Arbitraries.frequencyOf(List.of(Tuple.of(3, uuids), Tuple.of(1, short_)))
        .map(RecordId::of);
  }

  /** Social workers' user ids, like {@code jsmith42}. */
  public static Arbitrary<String> socialWorkers() {
    return Combinators.combine(
            Arbitraries.of("jsmith", "apatel", "mokafor", "lnguyen", "rkhan", "ebrown"),
            Arbitraries.integers().between(1, 999))
        .as((name, n) -> name + n);
  }

  // ---------------------------------------------------------------- dates and times

  /**
   * Days from {@link #FIRST_DAY} to {@link #LAST_DAY}, with extra weight on leap days (29
   * February), the days before them, and year ends.
   */
  public static Arbitrary<LocalDate> dates() {
    return dates(FIRST_DAY, LAST_DAY);
  }

  /** Days from {@code from} to {@code to}, both included, with extra weight on leap days. */
  public static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range of dates ends before it starts");
    }
    Arbitrary<LocalDate> uniform =
        Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
    List<LocalDate> special =
        IntStream.rangeClosed(from.getYear(), to.getYear())
            .boxed()
            .flatMap(
                year ->
                    java.util.stream.Stream.of(
                        LocalDate.of(year, 2, 28),
                        LocalDate.of(year, 12, 31),
                        LocalDate.of(year, 1, 1),
                        java.time.Year.isLeap(year) ? LocalDate.of(year, 2, 29) : null))
            .filter(d -> d != null && !d.isBefore(from) && !d.isAfter(to))
            .collect(Collectors.toList());
    if (special.isEmpty()) {
      return uniform;
    }
    return Arbitraries.frequencyOf(
        List.of(Tuple.of(4, uniform), Tuple.of(1, Arbitraries.of(special))));
  }

  /** Leap days (29 February) from {@link #FIRST_DAY} to {@link #LAST_DAY}. */
  public static Arbitrary<LocalDate> leapDays() {
    return Arbitraries.of(
        IntStream.rangeClosed(FIRST_DAY.getYear(), LAST_DAY.getYear())
            .filter(java.time.Year::isLeap)
            .mapToObj(year -> LocalDate.of(year, 2, 29))
            .collect(Collectors.toList()));
  }

  /** Instants from the start of {@link #FIRST_DAY} to the end of {@link #LAST_DAY}, mostly to the millisecond, some to the nanosecond. */
  public static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
            LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1)
        .flatMap(
            millis ->
                Arbitraries.frequencyOf(
                    List.of(
                        Tuple.of(3, Arbitraries.just(0)),
                        // finer than a store keeps: records truncate to the microsecond
                        Tuple.of(1, Arbitraries.integers().between(0, 999_999))))
                    .map(nanos -> Instant.ofEpochMilli(millis).plusNanos(nanos)));
  }

  // ---------------------------------------------------------------- plans (rules 2-4)

  /** Plans of every type, each satisfying {@link ProtectionPlan}'s invariants. */
  public static Arbitrary<ProtectionPlan> plans() {
    return Arbitraries.oneOf(
        List.of(
            plans(PlanType.CHILD_PROTECTION_PLAN),
            plans(PlanType.LOOKED_AFTER_CHILD),
            plans(PlanType.UNBORN_CHILD_PROTECTION_PLAN)));
  }

  /**
   * Plans of one type. The start is one of {@link #dates()}; the end, when there is one, is on or
   * after the start. An unborn plan has an expected delivery date after its start and no date of
   * birth; other plans sometimes have a date of birth before the start (the child is under 18 at
   * the start) and a child protection plan sometimes comes from an unborn plan of the same local
   * authority.
   */
  public static Arbitrary<ProtectionPlan> plans(PlanType type) {
    boolean unborn = type.isUnborn();
    return Combinators.combine(
            planIds(),
            nhsNumbers(),
            dates(),
            Arbitraries.integers().between(0, unborn ? 300 : 3000).optional(0.6),
            Arbitraries.integers().between(0, MAX_AGE_AT_START_DAYS).optional(unborn ? 0 : 0.7),
            socialWorkers().optional(0.7),
            localReferences().optional(type == PlanType.CHILD_PROTECTION_PLAN ? 0.15 : 0),
            Arbitraries.integers().between(1, 280))
        .as(
            (id, subject, start, length, age, worker, linked, untilDelivery) ->
                ProtectionPlan.builder()
                    .id(id)
                    .subject(subject)
                    .type(type)
                    .start(start)
                    .end(length.map(start::plusDays))
                    .expectedDeliveryDate(
                        unborn ? Optional.of(start.plusDays(untilDelivery)) : Optional.empty())
                    .childDateOfBirth(age.map(start::minusDays))
                    .allocatedSocialWorker(worker)
                    .linkedUnbornPlan(linked.map(ref -> PlanId.of(id.localAuthority(), ref)))
                    .build());
  }

  /** Plans of one type that have no end date. */
  public static Arbitrary<ProtectionPlan> openPlans(PlanType type) {
    return plans(type).map(p -> ProtectionPlan.builder().from(p).end(Optional.empty()).build());
  }

  /** Unborn child protection plans, each with an expected delivery date; some ended. */
  public static Arbitrary<ProtectionPlan> unbornPlans() {
    return plans(PlanType.UNBORN_CHILD_PROTECTION_PLAN);
  }

  // ---------------------------------------------------------------- access (rules 6-8)

  /** Health professionals; about one in five reads silently (RBAC activity {@code B0170}). */
  public static Arbitrary<Accessor> accessors() {
    return Arbitraries.frequencyOf(
        List.of(Tuple.of(4, nonSilentAccessors()), Tuple.of(1, silentReadAccessors())));
  }

  /** Health professionals whose RBAC activity is not a silent read. */
  public static Arbitrary<Accessor> nonSilentAccessors() {
    return accessors(Arbitraries.of("B0168", "B0264", "B0380", "B0825", "B1611"));
  }

  /** Health professionals reading silently, under RBAC activity {@code B0170}. */
  public static Arbitrary<Accessor> silentReadAccessors() {
    return accessors(Arbitraries.just("B0170"));
  }

  private static Arbitrary<Accessor> accessors(Arbitrary<String> activities) {
    return Combinators.combine(
            Arbitraries.strings().numeric().ofLength(12),
            Arbitraries.of("Alex Morgan", "Sam Taylor", "Priya Shah", "Chidi Okeke", "Jo Evans"),
            Arbitraries.of("Staff Nurse", "Midwife", "Paramedic", "ED Consultant", "GP", "Call Handler"),
            activities)
        .as(
            (userId, name, role, activity) ->
                Accessor.builder()
                    .userId(userId)
                    .name(name)
                    .role(role)
                    .rbacActivityCode(activity)
                    .build());
  }

  /** Health organisations and sites. */
  public static Arbitrary<Organisation> organisations() {
    return Combinators.combine(
            organisationCodes(),
            Arbitraries.of(
                "Royal Free Hospital", "Leeds General Infirmary", "North West Ambulance Service",
                "Whittington Hospital", "Royal Cornwall Hospital"))
        .as(Organisation::of);
  }

  /** Every care setting, scheduled or not. */
  public static Arbitrary<CareSetting> careSettings() {
    return Arbitraries.of(CareSetting.class);
  }

  /** Access events in any setting, by any accessor. */
  public static Arbitrary<AccessEvent> accessEvents() {
    return Combinators.combine(
            recordIds(), nhsNumbers(), accessors(), organisations(), careSettings(), instants())
        .as(
            (id, subject, accessor, organisation, setting, at) ->
                AccessEvent.builder()
                    .id(id)
                    .subject(subject)
                    .accessor(accessor)
                    .organisation(organisation)
                    .setting(setting)
                    .accessedAt(at)
                    .build());
  }

  /**
   * Notifications, pending or delivered, each about one generated access event: delivered ones
   * have a delivery time, pending ones none; next attempt and delivery are after the access.
   */
  public static Arbitrary<AccessNotification> accessNotifications() {
    return Combinators.combine(
            accessEvents(),
            planIds(),
            Arbitraries.of(PlanType.class),
            socialWorkers().optional(0.7),
            Arbitraries.of(DeliveryStatus.class),
            Arbitraries.integers().between(0, 20),
            Arbitraries.longs().between(0, Duration.ofDays(7).toSeconds()),
            Arbitraries.longs().between(0, Duration.ofDays(7).toSeconds()))
        .as(
            (event, planId, planType, worker, status, failures, retryDelay, deliveryDelay) ->
                AccessNotification.builder()
                    .id(RecordId.of(event.id().value() + "/" + planId.localAuthority().value()))
                    .accessEventId(event.id())
                    .subject(event.subject())
                    .planId(planId)
                    .planType(planType)
                    .organisation(event.organisation())
                    .setting(event.setting())
                    .accessor(event.accessor())
                    .accessedAt(event.accessedAt())
                    .assignedSocialWorker(worker)
                    .deliveryStatus(status)
                    .failedAttempts(failures)
                    .nextAttemptAt(event.accessedAt().plusSeconds(retryDelay))
                    .deliveredAt(
                        status == DeliveryStatus.DELIVERED
                            ? Optional.of(event.accessedAt().plusSeconds(deliveryDelay))
                            : Optional.empty())
                    .build());
  }

  /** Reviews of notifications, with every outcome. */
  public static Arbitrary<Review> reviews() {
    return Combinators.combine(
            recordIds(),
            localAuthorityCodes(),
            socialWorkers(),
            Arbitraries.of(ReviewOutcome.class),
            Arbitraries.of(true, false),
            instants())
        .as(
            (notification, authority, reviewer, outcome, recorded, at) ->
                Review.builder()
                    .notificationId(notification)
                    .localAuthority(authority)
                    .reviewer(reviewer)
                    .outcome(outcome)
                    .recordedOnCaseRecord(recorded)
                    .reviewedAt(at)
                    .build());
  }

  // ---------------------------------------------------------------- audit and uploads (rules 5, 9)

  /** Unsealed audit records, as a unit of work appends them. */
  public static Arbitrary<AuditRecord> auditRecords() {
    return Builders.withBuilder(AuditRecord::builder)
        .use(recordIds()).in(ImmutableAuditRecord.Builder::id)
        .use(instants()).in(ImmutableAuditRecord.Builder::at)
        .use(Arbitraries.of(AuditAction.class)).in(ImmutableAuditRecord.Builder::action)
        .use(Arbitraries.oneOf(List.of(socialWorkers(), Arbitraries.strings().numeric().ofLength(12))))
        .in(ImmutableAuditRecord.Builder::actor)
        .use(odsCodes().optional()).in(ImmutableAuditRecord.Builder::organisation)
        .use(careSettings().optional()).in(ImmutableAuditRecord.Builder::setting)
        .use(nhsNumbers().optional()).in(ImmutableAuditRecord.Builder::subject)
        .use(Arbitraries.of("1 plan visible, 1 notification", "no plan visible", "3 accepted, 1 rejected", "purged 2 plans"))
        .in(ImmutableAuditRecord.Builder::detail)
        .build(builder -> (AuditRecord) builder.build());
  }

  /**
   * Single sealed audit entries with arbitrary 64-digit hex hashes (the first entry's previous
   * hash is empty). They are not chained: the hash function lives in cpis-core, whose tests build
   * valid chains with {@code AuditChain}.
   */
  public static Arbitrary<AuditEntry> auditEntries() {
    Arbitrary<String> hashes = Arbitraries.strings().withChars(HEX).ofLength(64);
    return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), auditRecords(), hashes, hashes)
        .as(
            (sequence, record, previous, hash) ->
                (AuditEntry)
                    AuditEntry.builder()
                        .sequence(sequence)
                        .record(record)
                        .previousHash(sequence == 1 ? "" : previous)
                        .hash(hash)
                        .build());
  }

  /** Upload receipts; the records without an NHS number are among the rejected ones. */
  public static Arbitrary<UploadReceipt> uploadReceipts() {
    return Combinators.combine(
            recordIds(),
            localAuthorityCodes(),
            instants(),
            Arbitraries.integers().between(0, 500),
            Arbitraries.integers().between(0, 500),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 100))
        .as(
            (id, authority, at, accepted, unchanged, rejected, without) ->
                UploadReceipt.builder()
                    .id(id)
                    .localAuthority(authority)
                    .receivedAt(at)
                    .accepted(accepted)
                    .unchanged(unchanged)
                    .rejected(rejected)
                    .withoutNhsNumber(without % (rejected + 1))
                    .build());
  }

  /** The names of the rejection reasons that {@link #uploadRows(double)} breaks rows for. */
  public static final List<String> ROW_PROBLEMS =
      List.of(
          "MISSING_LOCAL_REFERENCE",
          "MISSING_NHS_NUMBER",
          "INVALID_NHS_NUMBER",
          "MISSING_PLAN_TYPE",
          "UNKNOWN_PLAN_TYPE",
          "MISSING_START_DATE",
          "INVALID_DATE",
          "END_BEFORE_START",
          "UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE",
          "EXPECTED_DELIVERY_DATE_ON_BORN_CHILD",
          "UNKNOWN_ACTION");

  /** The rejection reason of a row that repeats an earlier accepted row's local reference. */
  public static final String DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE";

  /**
   * Single upload rows (line number 1): about {@code badShare} of them broken in exactly one way
   * (one of {@link #ROW_PROBLEMS}, named by {@link UploadRow#expectedProblem()}), the others good:
   * a plan written as the upload writes it (NHS number in any written form), or now and then a
   * {@code DELETE}.
   *
   * @param badShare from 0 (all good) to 1 (all bad)
   */
  public static Arbitrary<UploadRow> uploadRows(double badShare) {
    if (!(badShare >= 0 && badShare <= 1)) {
      throw new IllegalArgumentException("the share of bad rows is between 0 and 1");
    }
    int bad = (int) Math.round(badShare * 1000);
    if (bad == 0) {
      return goodRows();
    }
    if (bad == 1000) {
      return badRows();
    }
    return Arbitraries.frequencyOf(List.of(Tuple.of(1000 - bad, goodRows()), Tuple.of(bad, badRows())));
  }

  /**
   * Upload files of up to {@code maxSize} rows, numbered from line 1. About {@code badShare} of
   * the rows are bad as in {@link #uploadRows(double)}, and some bad rows are instead a good row
   * that repeats the local reference of an earlier good row ({@value #DUPLICATE_IN_FILE}). Apart
   * from those, local references are unique within a file.
   */
  public static Arbitrary<List<UploadRow>> uploadFiles(int maxSize, double badShare) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("a file cannot have fewer than 0 rows");
    }
    return Combinators.combine(
            uploadRows(badShare), goodRows(), Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 999))
        .as(FileSlot::new)
        .list()
        .ofMaxSize(maxSize)
        .map(CpisArbitraries::assembleFile);
  }

  private static final class FileSlot {
    final UploadRow row;
    final UploadRow duplicate;
    final boolean wantsDuplicate;
    final int pick;

    FileSlot(UploadRow row, UploadRow duplicate, int die, int pick) {
      this.row = row;
      this.duplicate = duplicate;
      this.wantsDuplicate = !row.isGood() && die == 0;
      this.pick = pick;
    }
  }

  private static List<UploadRow> assembleFile(List<FileSlot> slots) {
    List<UploadRow> file = new ArrayList<>(slots.size());
    Set<String> references = new HashSet<>();
    List<String> goodReferences = new ArrayList<>();
    for (FileSlot slot : slots) {
      int line = file.size() + 1;
      if (slot.wantsDuplicate && !goodReferences.isEmpty()) {
        String repeated = goodReferences.get(slot.pick % goodReferences.size());
        file.add(
            ImmutableUploadRow.copyOf(slot.duplicate)
                .withLineNumber(line)
                .withLocalReference(repeated)
                .withExpectedProblem(DUPLICATE_IN_FILE));
        continue;
      }
      UploadRow row = ImmutableUploadRow.copyOf(slot.row).withLineNumber(line);
      Optional<String> reference = row.localReference().map(String::trim).filter(r -> !r.isEmpty());
      if (reference.isPresent()) {
        String unique = reference.get();
        while (!references.add(unique)) {
          unique = unique + "-" + line;
        }
        row = ImmutableUploadRow.copyOf(row).withLocalReference(unique);
        if (row.isGood()) {
          goodReferences.add(unique);
        }
      }
      file.add(row);
    }
    return file;
  }

  private static Arbitrary<UploadRow> goodRows() {
    return Arbitraries.frequencyOf(
        List.of(Tuple.of(9, planRows(plans())), Tuple.of(1, deleteRows())));
  }

  private static Arbitrary<UploadRow> deleteRows() {
    return Combinators.combine(planRows(plans()), Arbitraries.of("DELETE", "delete", " Delete "))
        .as((row, action) -> ImmutableUploadRow.copyOf(row).withAction(action));
  }

  /** Good rows that carry the plan's fields as text: what a correct upload of it looks like. */
  private static Arbitrary<UploadRow> planRows(Arbitrary<ProtectionPlan> plans) {
    return Combinators.combine(
            plans,
            Arbitraries.of(NhsNumberForm.class),
            Arbitraries.of("Amelia", "Noah", "Olivia", "Muhammad", "Isla", "Leo").optional(0.8),
            Arbitraries.of("Smith", "Jones", "Khan", "Williams", "Nowak", "Okafor").optional(0.8),
            Arbitraries.integers().between(16 * 365, 45 * 365).optional(0.7))
        .as(
            (plan, form, given, family, motherAgeDays) ->
                UploadRow.builder()
                    .lineNumber(1)
                    .localReference(plan.id().localReference())
                    .nhsNumber(form.write(plan.subject()))
                    .givenName(given)
                    .familyName(family)
                    .dateOfBirth(
                        (plan.type().isUnborn()
                                ? motherAgeDays.map(plan.start()::minusDays)
                                : plan.childDateOfBirth())
                            .map(LocalDate::toString))
                    .planType(plan.type().code())
                    .startDate(plan.start().toString())
                    .endDate(plan.end().map(LocalDate::toString))
                    .expectedDeliveryDate(plan.expectedDeliveryDate().map(LocalDate::toString))
                    .allocatedSocialWorker(plan.allocatedSocialWorker())
                    .build());
  }

  private static Arbitrary<UploadRow> badRows() {
    Arbitrary<Optional<String>> blank = Arbitraries.of(Optional.empty(), Optional.of(""), Optional.of("   "));
    Arbitrary<UploadRow> good = planRows(plans());
    Arbitrary<String> invalidNhs =
        Arbitraries.of(
                InvalidNhsNumberException.Reason.NON_DIGIT,
                InvalidNhsNumberException.Reason.LENGTH,
                InvalidNhsNumberException.Reason.GROUPING,
                InvalidNhsNumberException.Reason.CHECK_DIGIT)
            .flatMap(CpisArbitraries::invalidNhsNumberTexts)
            // the upload trims fields: the text must stay invalid once trimmed
            .filter(text -> !text.trim().isEmpty() && !NhsNumber.isValid(text.trim()));
    Arbitrary<String> invalidDates =
        Arbitraries.of(
            "2024-02-30", "2023-02-29", "31/03/2024", "2024-13-01", "2024-1-5", "20240315",
            "tomorrow", "2024-03-31T00:00");
    List<Arbitrary<UploadRow>> kinds =
        List.of(
            Combinators.combine(good, blank)
                .as((row, ref) -> broken(row, "MISSING_LOCAL_REFERENCE").withLocalReference(ref)),
            Combinators.combine(good, blank)
                .as((row, nhs) -> broken(row, "MISSING_NHS_NUMBER").withNhsNumber(nhs)),
            Combinators.combine(good, invalidNhs)
                .as((row, nhs) -> broken(row, "INVALID_NHS_NUMBER").withNhsNumber(nhs)),
            Combinators.combine(good, blank)
                .as((row, type) -> broken(row, "MISSING_PLAN_TYPE").withPlanType(type)),
            Combinators.combine(
                    good, Arbitraries.of("CPP", "LAC", "UCPP", "XXXX", "CP", "CPPI1", "342191000000101"))
                .as((row, type) -> broken(row, "UNKNOWN_PLAN_TYPE").withPlanType(type)),
            Combinators.combine(good, blank)
                .as((row, start) -> broken(row, "MISSING_START_DATE").withStartDate(start)),
            Combinators.combine(good, invalidDates, Arbitraries.integers().between(0, 3))
                .as(CpisArbitraries::withInvalidDate),
            Combinators.combine(good, Arbitraries.integers().between(1, 2000))
                .as(
                    (row, days) ->
                        broken(row, "END_BEFORE_START")
                            .withEndDate(LocalDate.parse(row.startDate().orElseThrow()).minusDays(days).toString())),
            planRows(plans(PlanType.UNBORN_CHILD_PROTECTION_PLAN))
                .map(
                    row ->
                        broken(row, "UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE")
                            .withExpectedDeliveryDate(Optional.empty())),
            Combinators.combine(
                    planRows(Arbitraries.oneOf(List.of(plans(PlanType.CHILD_PROTECTION_PLAN), plans(PlanType.LOOKED_AFTER_CHILD)))),
                    Arbitraries.integers().between(0, 280))
                .as(
                    (row, days) ->
                        broken(row, "EXPECTED_DELIVERY_DATE_ON_BORN_CHILD")
                            .withExpectedDeliveryDate(
                                LocalDate.parse(row.startDate().orElseThrow()).plusDays(days).toString())),
            Combinators.combine(good, Arbitraries.of("UPDATE", "REMOVE", "ADD", "X", "DEL"))
                .as((row, action) -> broken(row, "UNKNOWN_ACTION").withAction(action)));
    return Arbitraries.oneOf(kinds);
  }

  private static ImmutableUploadRow broken(UploadRow row, String problem) {
    return ImmutableUploadRow.copyOf(row).withExpectedProblem(problem);
  }

  private static UploadRow withInvalidDate(UploadRow row, String invalid, int field) {
    ImmutableUploadRow bad = broken(row, "INVALID_DATE");
    switch (field) {
      case 0:
        return bad.withStartDate(invalid);
      case 1:
        return bad.withEndDate(invalid);
      case 2:
        return bad.withDateOfBirth(invalid);
      default:
        return row.expectedDeliveryDate().isPresent()
            ? bad.withExpectedDeliveryDate(invalid)
            : bad.withStartDate(invalid);
    }
  }
}
