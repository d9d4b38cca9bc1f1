package org.cpis.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cpis.AuditVerification;
import org.cpis.CheckRequest;
import org.cpis.CheckResult;
import org.cpis.Cpis;
import org.cpis.DataQualityReport;
import org.cpis.DispatchReport;
import org.cpis.LocalAuthorityDesk;
import org.cpis.LocalAuthorityQuality;
import org.cpis.PurgeReport;
import org.cpis.RecordOutcome;
import org.cpis.ReviewInbox;
import org.cpis.UploadReport;
import org.cpis.VisiblePlan;
import org.cpis.hl7v3.Acknowledgement;
import org.cpis.hl7v3.Hl7Uploads;
import org.cpis.hl7v3.Hl7V3;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.AccessKind;
import org.cpis.rules.Birth;
import org.cpis.rules.BirthRecorded;
import org.cpis.rules.RejectionReason;
import org.cpis.store.CpisStore;
import org.cpis.store.inmemory.InMemoryCpisStore;

/**
 * The narrated end-to-end scenario of CP-IS on the in-memory store: two local authorities upload
 * their daily files (design rule 5), health settings check children (rules 6 and 7), a birth ends
 * an unborn plan (rule 4), social workers review notifications (rule 8), a plan's retention runs
 * out and it is purged, and the audit log is verified (rules 3 and 9).
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo -DskipTests package}. Every NHS number in the scenario
 * is a fictional test number from the 999 range; the demo prints them masked only.
 */
public final class Demo {

  /** The upload files the local authorities send, under {@code uploads/} on the class path. */
  static final String ISLINGTON_FILE = "islington-2025-03-03.csv";

  static final String CAMDEN_FILE = "camden-2025-03-03.csv";

  static final OdsCode ISLINGTON_ODS = OdsCode.of("714");
  static final OdsCode CAMDEN_ODS = OdsCode.of("702");
  /** The HL7 V3 upload File that Hackney's case-management system sends, under {@code uploads/}. */
  static final String HACKNEY_FILE = "hackney-2026-02-28.xml";

  static final OdsCode HACKNEY_ODS = OdsCode.of("704");

  /** The baby's NHS number, which the local authority types when it records the birth. */
  static final String BABY_NHS_NUMBER = "999 518 1908";

  /** The zone in which the service runs and the demo tells the time. */
  static final ZoneId ZONE = ZoneId.of("Europe/London");

  private static final LocalDateTime START = LocalDateTime.of(2025, 3, 3, 7, 30);
  /** How the demo tells the time: an instant as the date and time in {@link #ZONE}. */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.UK).withZone(ZONE);

  private static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(ISLINGTON_ODS)
          .name("Islington")
          .officeHoursPhone("020 7946 0100")
          .emergencyDutyPhone("020 7946 0199")
          .build();
  private static final LocalAuthority CAMDEN =
      LocalAuthority.builder()
          .odsCode(CAMDEN_ODS)
          .name("Camden")
          .officeHoursPhone("020 7946 0200")
          .emergencyDutyPhone("020 7946 0299")
          .build();

  private static final LocalAuthority HACKNEY =
      LocalAuthority.builder()
          .odsCode(HACKNEY_ODS)
          .name("Hackney")
          .officeHoursPhone("020 7946 0300")
          .emergencyDutyPhone("020 7946 0399")
          .build();

  private static final Organisation WHITTINGTON =
      Organisation.of(OdsCode.of("RKE"), "Whittington Hospital");
  private static final Organisation UCLH =
      Organisation.of(OdsCode.of("RRV"), "University College Hospital");
  private static final Organisation ROYAL_FREE =
      Organisation.of(OdsCode.of("RAL"), "Royal Free Hospital");
  private static final Organisation HIGHBURY_SURGERY =
      Organisation.of(OdsCode.of("Y09990"), "Highbury Grove Surgery");
  private static final Organisation KENTISH_TOWN_UTC =
      Organisation.of(OdsCode.of("Y09991"), "Kentish Town Urgent Treatment Centre");

  private static final Accessor ED_NURSE =
      accessor("555000000101", "Priya Shah", "Staff Nurse", "B0168");
  private static final Accessor GP = accessor("555000000102", "Dr Tom Hale", "GP", "B0168");
  private static final Accessor MIDWIFE =
      accessor("555000000103", "Ruth Adeyemi", "Midwife", "B0168");
  private static final Accessor UTC_PRACTITIONER =
      accessor("555000000104", "Sam Kowalski", "Emergency Nurse Practitioner", "B0168");
  private static final Accessor ED_DOCTOR =
      accessor("555000000105", "Dr Nadia Iqbal", "Emergency Medicine Registrar", "B0168");

  private final Narrator say;
  private final DemoClock clock = new DemoClock(START.atZone(ZONE).toInstant());
  private final Cpis cpis;
  private String hackneyFileResponse;

  /** A demo that tells its story on {@code out}, on the in-memory store. */
  public Demo(PrintStream out) {
    this(out, new InMemoryCpisStore());
  }

  /** A demo that tells its story on {@code out}, on {@code store}, which must be empty. */
  public Demo(PrintStream out, CpisStore store) {
    this.say = new Narrator(out);
    AtomicInteger ids = new AtomicInteger();
    this.cpis =
        Cpis.builder()
            .store(store)
            .notifier(
                new InboxNotifier(
                    say, Map.of(ISLINGTON_ODS, ISLINGTON.name(), CAMDEN_ODS, CAMDEN.name())))
            .clock(clock)
            .zone(ZONE)
            // Deliver from the outbox in a separate, visible step rather than at once inside the
            // check (the default), so that the story shows the alert before the delivery.
            .dispatchAfterCheck(false)
            // Short ids that stay the same from run to run, instead of random UUIDs.
            .idSupplier(() -> String.format("demo-%04d", ids.incrementAndGet()))
            .build();
  }

  /**
   * Runs the scenario on standard output, on the in-memory store; with the system property
   * {@value DemoDatabase#URL_PROPERTY} set to a JDBC URL, on that PostgreSQL server instead, in a
   * schema of its own that it drops at the end.
   */
  public static void main(String[] args) {
    String jdbcUrl = System.getProperty(DemoDatabase.URL_PROPERTY, "").trim();
    try {
      if (jdbcUrl.isEmpty()) {
        new Demo(System.out).run();
      } else {
        try (DemoDatabase database = new DemoDatabase(jdbcUrl)) {
          new Demo(System.out, database.store()).run();
        }
      }
    } catch (RuntimeException e) {
      System.out.flush();
      System.err.println();
      System.err.println("The demo stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the whole scenario, step by step. */
  public void run() {
    say.title("CP-IS demo: Child Protection - Information Sharing");
    say.paragraph("Every NHS number here is a fictional test number (999 range); the demo shows them masked.");
    say.paragraph("Phone numbers are from Ofcom's range for drama (020 7946 0xxx).");
    uploads();
    emergencyDepartmentCheck();
    silentRead();
    maternityCheck();
    birth();
    reviews();
    retention();
    auditAndDataQuality();
    hl7Upload();
    attendanceEpisode();
    repeatAttendances();
    supersededNumber();
    wasNotBrought();
    say.blank();
    say.paragraph("End of the demo.");
  }

  // 1 -------------------------------------------------------------------------------------------

  private void uploads() {
    say.step(1, "Two local authorities register and send their daily files");
    now("Monday morning", START);
    for (LocalAuthority la : List.of(ISLINGTON, CAMDEN)) {
      register(la);
    }
    say.blank();
    upload(ISLINGTON, ISLINGTON_FILE);
    say.blank();
    now("A quarter of an hour later", START.plusMinutes(15));
    upload(CAMDEN, CAMDEN_FILE);
    say.blank();
    now("Half an hour later", START.plusMinutes(45));
    say.line("Islington's system sends the same file again by mistake: nothing changes.");
    upload(ISLINGTON, ISLINGTON_FILE);
  }

  private void register(LocalAuthority la) {
    cpis.registerLocalAuthority(la);
    say.line(
        "Registered "
            + la.name()
            + " (ODS "
            + la.odsCode()
            + "): office hours "
            + la.officeHoursPhone()
            + ", emergency duty "
            + la.emergencyDutyPhone());
  }

  private void upload(LocalAuthority la, String file) {
    UploadReport report;
    try (Reader csv = uploadFile(file)) {
      report = cpis.localAuthority(la.odsCode()).upload(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    say.line(la.name() + " uploads " + file + " (" + report.outcomes().size() + " records)");
    outcomes(report);
  }

  /** The file outcome and counts, and every rejected record with its reason. */
  private void outcomes(UploadReport report) {
    say.detail(
        "file outcome "
            + report.fileOutcome()
            + ": "
            + report.accepted()
            + " accepted, "
            + report.unchanged()
            + " unchanged, "
            + report.rejected()
            + " rejected");
    for (RecordOutcome outcome : report.outcomes()) {
      outcome.supersededBy().ifPresent(r -> say.detail("line " + outcome.lineNumber() + " ("
          + outcome.localReference().orElse("no reference") + ") " + outcome.status()
          + ", but its NHS number is superseded by " + r + ": fix the record"));
      if (outcome.reason().isPresent()) {
        RejectionReason reason = outcome.reason().get();
        say.detail(
            "line "
                + outcome.lineNumber()
                + " ("
                + outcome.localReference().orElse("no reference")
                + ") rejected "
                + reason.code()
                + ": "
                + reason.description());
      }
    }
  }

  /** One of the shipped upload files, as a reader. */
  static Reader uploadFile(String name) {
    InputStream in = Demo.class.getResourceAsStream("/uploads/" + name);
    if (in == null) {
      throw new IllegalStateException("upload file not on the class path: uploads/" + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  // 2 -------------------------------------------------------------------------------------------

  private void emergencyDepartmentCheck() {
    say.step(2, "An emergency department checks a child on a plan");
    now("Monday afternoon", LocalDateTime.of(2025, 3, 3, 14, 20));
    check(ED_NURSE, WHITTINGTON, CareSetting.EMERGENCY_DEPARTMENT, "999 526 0182");
    dispatch();
  }

  // 3 -------------------------------------------------------------------------------------------

  private void silentRead() {
    say.step(3, "A GP in hours looks at the same child: a silent read");
    now("Tuesday morning", LocalDateTime.of(2025, 3, 4, 10, 15));
    say.line("A GP practice in hours is a scheduled setting, so the check is a silent read.");
    check(GP, HIGHBURY_SURGERY, CareSetting.SCHEDULED, "999 526 0182");
    dispatch();
  }

  // 4 -------------------------------------------------------------------------------------------

  private void maternityCheck() {
    say.step(4, "Maternity checks a pregnant woman with an unborn child protection plan");
    now("Wednesday night", LocalDateTime.of(2025, 3, 5, 2, 40));
    check(MIDWIFE, UCLH, CareSetting.MATERNITY, "999-016-6137");
    dispatch();
  }

  // 5 -------------------------------------------------------------------------------------------

  private void birth() {
    say.step(5, "The local authority records the birth");
    now("Two weeks later", LocalDateTime.of(2025, 3, 18, 11, 0));
    LocalAuthorityDesk islington = cpis.localAuthority(ISLINGTON_ODS);
    NhsNumber baby = NhsNumber.parse(BABY_NHS_NUMBER);
    LocalDate born = LocalDate.of(2025, 3, 17);
    say.line("Islington records that the baby of plan UC-ISL-0003 was born on " + born + ", NHS number " + baby);
    BirthRecorded recorded =
        islington.recordBirth(
            "UC-ISL-0003", Birth.builder().babyNhsNumber(baby).dateOfBirth(born).build());
    ProtectionPlan ended = recorded.endedUnbornPlan();
    say.detail(
        "unborn plan "
            + ended.id()
            + " ended on "
            + ended.end().map(LocalDate::toString).orElse("(no end date)"));
    recorded
        .babyPlan()
        .ifPresentOrElse(
            p ->
                say.detail(
                    "baby's plan "
                        + p.id()
                        + ": "
                        + p.type().displayName()
                        + " from "
                        + p.start()
                        + ", linked to "
                        + p.linkedUnbornPlan().map(Object::toString).orElse("nothing")),
            () -> say.detail("no plan started for the baby"));
    say.blank();
    now("That afternoon", LocalDateTime.of(2025, 3, 18, 15, 30));
    check(MIDWIFE, UCLH, CareSetting.MATERNITY, BABY_NHS_NUMBER);
    dispatch();
  }

  // 6 -------------------------------------------------------------------------------------------

  private void reviews() {
    say.step(6, "Social workers review the notifications");
    now("Next morning", LocalDateTime.of(2025, 3, 19, 9, 30));
    ReviewInbox islington = cpis.reviews(ISLINGTON_ODS);
    List<AccessNotification> pending = islington.pending();
    say.line("Islington's review inbox holds " + pending.size() + " unreviewed notification(s):");
    pending.forEach(this::describe);
    say.line(
        "Overdue (not reviewed within "
            + cpis.serviceLevels().reviewDeadline().toDays()
            + " days of the access): "
            + islington.overdue().size());
    List<AccessNotification> mine = islington.pendingFor("sw.okafor");
    say.line("Social worker sw.okafor has " + mine.size() + " to review.");
    if (!mine.isEmpty()) {
      AccessNotification first = mine.get(0);
      Review review =
          islington.record(first.id(), "sw.okafor", ReviewOutcome.CASE_DISCUSSED_WITH_MANAGER, true);
      say.detail(
          "reviewed "
              + review.notificationId()
              + ": outcome "
              + review.outcome()
              + ", "
              + (review.recordedOnCaseRecord()
                  ? "confirmed on the case record"
                  : "NOT confirmed on the case record"));
    }
    say.line("Islington's inbox now holds " + islington.pending().size() + " unreviewed notification(s).");

    say.blank();
    now("That evening", LocalDateTime.of(2025, 3, 19, 19, 45));
    say.line("Camden's plan CP-CAM-0101 has no allocated social worker.");
    check(UTC_PRACTITIONER, KENTISH_TOWN_UTC, CareSetting.URGENT_CARE, "9990308241");
    dispatch();
    List<AccessNotification> mash = cpis.reviews(CAMDEN_ODS).mashQueue();
    say.line("Camden's MASH queue holds " + mash.size() + " notification(s):");
    mash.forEach(this::describe);
  }

  private void describe(AccessNotification n) {
    say.detail(
        n.id()
            + ": child "
            + n.subject()
            + ", "
            + n.setting().displayName()
            + " at "
            + n.organisation().name()
            + ", "
            + n.assignedSocialWorker().map(w -> "for " + w).orElse("for the MASH team"));
  }

  // 7 -------------------------------------------------------------------------------------------

  private void retention() {
    say.step(7, "A year on: an ended plan stays visible for 364 days, then is purged");
    say.line("Islington's plan CP-ISL-0004 ended on 2025-02-28.");
    now("364 days after the end", LocalDateTime.of(2026, 2, 27, 10, 0));
    check(ED_DOCTOR, ROYAL_FREE, CareSetting.EMERGENCY_DEPARTMENT, "9991860916");
    dispatch();
    say.blank();
    now("365 days after the end", LocalDateTime.of(2026, 2, 28, 10, 0));
    check(ED_DOCTOR, ROYAL_FREE, CareSetting.EMERGENCY_DEPARTMENT, "9991860916");
    say.blank();
    say.line("The service purges what is no longer visible:");
    Set<PlanId> before = storedPlanIds();
    PurgeReport purge = cpis.purge();
    Set<PlanId> removed = new TreeSet<>(before);
    removed.removeAll(storedPlanIds());
    say.detail(
        "purge report for "
            + purge.purgedOn()
            + ": "
            + purge.plansPurged()
            + " plan(s), "
            + purge.accessEventsPurged()
            + " access event(s), "
            + purge.notificationsPurged()
            + " notification(s) removed");
    say.detail(
        "plans removed: "
            + removed.stream().map(PlanId::toString).collect(Collectors.joining(", ")));
    say.line("Islington's plans still stored:");
    cpis.localAuthority(ISLINGTON_ODS)
        .plans()
        .forEach(
            p ->
                say.detail(
                    p.id()
                        + ": "
                        + p.type().displayName()
                        + " from "
                        + p.start()
                        + p.end().map(e -> " to " + e).orElse(", open")));
  }

  private Set<PlanId> storedPlanIds() {
    return Stream.of(ISLINGTON_ODS, CAMDEN_ODS)
        .flatMap(ods -> cpis.localAuthority(ods).plans().stream())
        .map(ProtectionPlan::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  // 8 -------------------------------------------------------------------------------------------

  private void auditAndDataQuality() {
    say.step(8, "The audit log and the data-quality report");
    AuditVerification verification = cpis.verifyAuditLog();
    say.line(
        verification.intact()
            ? "Audit log verified: intact ("
                + verification.entriesChecked()
                + " entries, hash chain unbroken)."
            : "Audit log BROKEN at entry " + verification.firstBrokenSequence().getAsLong() + ".");
    Map<AuditAction, Long> byAction =
        cpis.auditLog().stream()
            .collect(
                Collectors.groupingBy(
                    AuditEntry::action, () -> new EnumMap<>(AuditAction.class), Collectors.counting()));
    say.detail(
        byAction.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", ")));
    say.blank();
    DataQualityReport quality = cpis.dataQuality();
    say.line("Data-quality report, " + WHEN.format(quality.asOf()) + ":");
    for (LocalAuthorityQuality la : quality.localAuthorities()) {
      say.detail(la.name() + " (ODS " + la.odsCode() + ")");
      say.subDetail(
          "latest upload: "
              + la.latestUpload().map(WHEN::format).orElse("never")
              + (la.stale() ? " - STALE FEED (older than 24 hours)" : " - fresh"));
      say.subDetail("records without an NHS number in the latest upload: " + la.recordsWithoutNhsNumber());
      say.subDetail(
          "births not recorded: "
              + (la.birthsNotRecorded().isEmpty()
                  ? "none"
                  : la.birthsNotRecorded().stream().map(Object::toString).collect(Collectors.joining(", "))));
    }
    say.line(
        "Stale feeds: "
            + (quality.staleFeeds().isEmpty()
                ? "none"
                : quality.staleFeeds().stream().map(Object::toString).collect(Collectors.joining(", ")))
            + "; records without an NHS number: "
            + quality.recordsWithoutNhsNumber());
  }

  // 9 -------------------------------------------------------------------------------------------

  private void hl7Upload() {
    say.step(9, "A third local authority sends its day as HL7 V3 and gets the national acknowledgement");
    now("Later that morning", LocalDateTime.of(2026, 2, 28, 10, 30));
    register(HACKNEY);
    Acknowledgement ack;
    try (InputStream file = Demo.class.getResourceAsStream("/uploads/" + HACKNEY_FILE)) {
      if (file == null) {
        throw new IllegalStateException("upload file not on the class path: uploads/" + HACKNEY_FILE);
      }
      ack = Hl7Uploads.receive(cpis, HACKNEY_ODS, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    hackneyFileResponse = ack.fileResponse();
    UploadReport report = ack.report().orElseThrow(() -> new IllegalStateException(ack.error().orElseThrow()));
    say.line(
        "Hackney's case-management system sends "
            + HACKNEY_FILE
            + ", an HL7 V3 File (REPC_MT000002GB01): "
            + ack.header().orElseThrow().recordCount()
            + " records holding "
            + report.outcomes().size()
            + " plans");
    outcomes(report);
    say.line("The FileResponse (REPC_MT000003GB01) that goes back, in excerpt (NHS numbers masked):");
    List<String> lines = List.of(ack.fileResponse().split("\n"));
    excerpt(lines, "<acknowledgementFileDetail>", "</acknowledgementFileDetail>", 0);
    int rejected = lines.indexOf(lines.stream().filter(l -> l.contains("code=\"CPR0") && !l.contains("CPR06")).findFirst().orElseThrow());
    excerpt(lines, "<acknowledgementRecordDetail>", "</acknowledgementRecordDetail>", rejected - 1);
    String echoedNhsNumber =
        lines.stream()
            .dropWhile(l -> !l.contains("<invalidCP-ISRecord>"))
            .filter(l -> l.contains("root=\"" + Hl7V3.NHS_NUMBER_ROOT + "\""))
            .findFirst()
            .orElseThrow();
    say.detail("<invalidCP-ISRecord> ... " + masked(echoedNhsNumber.strip()) + " ... </invalidCP-ISRecord>");
    excerpt(lines, "<failedReturnedCP-ISRecords>", "</failedReturnedCP-ISRecords>", 0);
    excerpt(lines, "<successfulReturnedCP-ISRecords>", "</successfulReturnedCP-ISRecords>", 0);
  }

  // 10-13: beyond the national service (issue 12) --------------------------------------------

  private static final Accessor PAEDIATRIC_REGISTRAR =
      accessor("555000000106", "Dr Leo Marsh", "Paediatric Registrar", "B0168");
  private static final Accessor CLINIC_ADMIN =
      accessor("555000000107", "Jo Reed", "Outpatient Clinic Coordinator", "B0168");
  private static final Organisation WHITTINGTON_CLINIC =
      Organisation.of(OdsCode.of("RKE01"), "Whittington Community Paediatrics Clinic");
  /** The number PDS gives Camden's child after an adoption. */
  static final String ADOPTED_NHS_NUMBER = "999 700 0005";

  private void attendanceEpisode() {
    say.step(10, "One visit, one notification: an attendance episode");
    say.line("Cpis gathers the accesses of one visit (same organisation and setting, within 12 hours"
        + " of the first, not yet reviewed) into the first notification.");
    now("Monday evening", LocalDateTime.of(2026, 3, 2, 21, 5));
    check(ED_NURSE, WHITTINGTON, CareSetting.EMERGENCY_DEPARTMENT, "999 526 0182");
    dispatch();
    now("Forty minutes later", LocalDateTime.of(2026, 3, 2, 21, 45));
    check(ED_DOCTOR, WHITTINGTON, CareSetting.EMERGENCY_DEPARTMENT, "999 526 0182");
    now("After midnight", LocalDateTime.of(2026, 3, 3, 0, 30));
    check(PAEDIATRIC_REGISTRAR, WHITTINGTON, CareSetting.EMERGENCY_DEPARTMENT, "999 526 0182");
    dispatch();
    cpis.reviews(ISLINGTON_ODS).pending().stream()
        .filter(n -> n.accessCount() > 1)
        .forEach(n -> say.line("Islington's inbox holds one notification for the visit, " + n.id() + ", listing "
            + n.accessCount() + " accesses; each access is still in the history and the audit."));
  }

  private void repeatAttendances() {
    say.step(11, "Repeat attendances at several organisations: a named pattern");
    say.line("Three or more unscheduled attendances at two or more organisations within 14 days make the pattern.");
    now("Friday evening", LocalDateTime.of(2026, 3, 6, 18, 10));
    check(UTC_PRACTITIONER, KENTISH_TOWN_UTC, CareSetting.URGENT_CARE, "999 526 0182");
    dispatch();
    now("Monday afternoon", LocalDateTime.of(2026, 3, 9, 16, 0));
    check(ED_DOCTOR, ROYAL_FREE, CareSetting.EMERGENCY_DEPARTMENT, "999 526 0182");
    dispatch();
  }

  private void supersededNumber() {
    say.step(12, "An adopted child's NHS number changes");
    now("Tuesday morning", LocalDateTime.of(2026, 3, 10, 9, 0));
    NhsNumber old = NhsNumber.parse("9990308241");
    NhsNumber adopted = NhsNumber.parse(ADOPTED_NHS_NUMBER);
    say.line("PDS reports that " + old + " is superseded by " + adopted + "; the host tells cpis.");
    cpis.recordSuperseded(old, adopted, "pds-sync");
    for (org.cpis.model.NumberChangeNotice n : cpis.reviews(CAMDEN_ODS).numberChanges()) {
      say.detail("[Camden inbox] number change notice " + n.id() + ": " + n.number() + " superseded by "
          + n.replacement().map(Object::toString).orElse("nothing") + "; plans "
          + n.plans().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    say.blank();
    check(UTC_PRACTITIONER, KENTISH_TOWN_UTC, CareSetting.URGENT_CARE, ADOPTED_NHS_NUMBER);
    dispatch();
    say.blank();
    say.line("A GP in hours types the old number:");
    check(GP, HIGHBURY_SURGERY, CareSetting.SCHEDULED, "9990308241");
    say.blank();
    say.line("Camden's system still uses the old number for a new plan:");
    UploadReport report =
        cpis.localAuthority(CAMDEN_ODS)
            .upload(
                List.of(
                    org.cpis.rules.UploadRecord.builder()
                        .lineNumber(1)
                        .localReference("CP-CAM-0110")
                        .nhsNumber(old.value())
                        .givenName("Ellis")
                        .familyName("Grant")
                        .dateOfBirth("2016-05-12")
                        .planType("CPPI")
                        .startDate("2026-03-09")
                        .build()));
    outcomes(report);
  }

  private void wasNotBrought() {
    say.step(13, "A child on a plan is not brought to a scheduled appointment");
    now("Wednesday afternoon", LocalDateTime.of(2026, 3, 11, 15, 0));
    recordMissed(BABY_NHS_NUMBER, LocalDateTime.of(2026, 3, 11, 14, 30));
    dispatch();
    say.blank();
    recordMissed("9998219930", LocalDateTime.of(2026, 3, 11, 14, 45));
  }

  private void recordMissed(String typed, LocalDateTime appointment) {
    NhsNumber child = NhsNumber.parse(typed);
    say.line(CLINIC_ADMIN.name() + " (" + WHITTINGTON_CLINIC.name() + ") records that child " + child
        + " was not brought to the " + WHEN.format(appointment.atZone(ZONE).toInstant()) + " appointment");
    List<org.cpis.model.RecordId> ids =
        cpis.health()
            .recordMissedAppointment(
                org.cpis.MissedAppointment.builder()
                    .nhsNumber(child)
                    .recordedBy(CLINIC_ADMIN)
                    .organisation(WHITTINGTON_CLINIC)
                    .setting(CareSetting.SCHEDULED)
                    .appointmentAt(appointment.atZone(ZONE).toInstant())
                    .build());
    say.detail(ids.isEmpty()
        ? "no visible plan: nobody is notified and nothing is kept about the child"
        : "notifications created: " + ids.size());
  }

  /** The lines from the first {@code open} at or after {@code from} to its {@code close}, NHS numbers masked. */
  private void excerpt(List<String> lines, String open, String close, int from) {
    int start = from;
    while (!lines.get(start).contains(open)) {
      start++;
    }
    int indent = lines.get(start).indexOf('<');
    for (int i = start; i < lines.size(); i++) {
      say.detail(masked(lines.get(i).substring(indent)));
      if (lines.get(i).contains(close)) {
        return;
      }
    }
  }

  /** The FileResponse that step 9 sent back to Hackney, once the demo has run. */
  String hackneyFileResponse() {
    return hackneyFileResponse;
  }

  /** The text with every ten-digit run, as an HL7 V3 message carries an NHS number, masked. */
  private static String masked(String text) {
    return NHS_NUMBER_IN_TEXT.matcher(text).replaceAll("*** *** $1");
  }

  /** Ten digits, as an HL7 V3 message carries an NHS number. */
  private static final Pattern NHS_NUMBER_IN_TEXT = Pattern.compile("\\b\\d{6}(\\d{4})\\b");

  // helpers -------------------------------------------------------------------------------------

  private void now(String label, LocalDateTime at) {
    clock.set(at.atZone(ZONE).toInstant());
    say.line("[" + label + ": " + WHEN.format(clock.instant()) + "]");
  }

  /**
   * A health professional checks the NHS number {@code typed} (a test number) and the demo prints
   * what the screen shows, with the number masked.
   */
  private void check(Accessor who, Organisation where, CareSetting setting, String typed) {
    NhsNumber nhsNumber = NhsNumber.parse(typed);
    say.line(
        who.name()
            + " ("
            + who.role()
            + ", "
            + setting.displayName()
            + ", "
            + where.name()
            + ") checks NHS number "
            + nhsNumber);
    CheckResult result =
        cpis.health()
            .check(
                CheckRequest.builder()
                    .nhsNumber(nhsNumber)
                    .accessor(who)
                    .organisation(where)
                    .setting(setting)
                    .build());
    if (!result.hasAlert()) {
      say.detail("No alert: no visible plan for this NHS number.");
    }
    for (VisiblePlan plan : result.plans()) {
      say.detail(
          "ALERT: "
              + plan.type().displayName()
              + " ("
              + plan.type().code()
              + "), started "
              + plan.start()
              + (plan.active()
                  ? ", active"
                  : ", ended " + plan.end().map(LocalDate::toString).orElse("")));
      plan.expectedDeliveryDate().ifPresent(edd -> say.subDetail("expected delivery date " + edd));
      plan.heldUnder()
          .ifPresent(
              h -> say.subDetail("held under " + (plan.heldUnderPreviousNumber() ? "a previous number, " : "the number ") + h));
      LocalAuthority la = plan.localAuthority();
      say.subDetail(
          la.name()
              + " children's social care: office hours "
              + la.officeHoursPhone()
              + ", emergency duty "
              + la.emergencyDutyPhone());
    }
    result.replacedBy().ifPresent(r -> say.detail("this number is superseded: the number in use is " + r));
    if (result.numberInactive()) {
      say.detail("this number is inactive with no replacement");
    }
    result.repeatAttendance()
        .ifPresent(
            p -> say.detail("PATTERN: " + p.name() + ": " + p.attendances().size() + " attendances at "
                + p.organisations() + " organisations in " + cpis.repeatAttendancePolicy().window().toDays() + " days"));
    for (AccessEvent earlier : result.recentAccesses()) {
      say.detail(
          "earlier unscheduled access: "
              + WHEN.format(earlier.accessedAt())
              + ", "
              + earlier.setting().displayName()
              + " at "
              + earlier.organisation().name());
    }
    say.detail(
        (result.accessEventId().isPresent()
                ? "access recorded as "
                : "access audited as ")
            + result.accessKind()
            + ", notifications created: "
            + result.notificationsCreated()
            + (result.gatheredIntoIds().isEmpty()
                ? ""
                : ", gathered into its visit's notification " + result.gatheredIntoIds().get(0))
            + (result.hasAlert() || result.accessKind() != AccessKind.UNSCHEDULED
                ? ""
                : " (no plan, so no access history is kept)"));
  }

  /** One pass of the engine's outbox: it hands each pending notification to the notifier. */
  private void dispatch() {
    DispatchReport report = cpis.dispatchNotifications();
    say.detail("outbox: " + report.delivered() + " delivered, " + report.failed() + " failed");
  }

  private static Accessor accessor(String userId, String name, String role, String activity) {
    return Accessor.builder().userId(userId).name(name).role(role).rbacActivityCode(activity).build();
  }
}
