package org.cpis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cpis.CheckRequest;
import org.cpis.CheckResult;
import org.cpis.RecordOutcome;
import org.cpis.UploadReport;
import org.cpis.VisiblePlan;
import org.cpis.hl7v3.FileResponseWriter;
import org.cpis.hl7v3.Hl7FileReader;
import org.cpis.hl7v3.LaUploadFile;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.AccessKind;
import org.cpis.rules.Decision;
import org.cpis.rules.PlanChange;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each benchmark's setup yields what the benchmark claims to measure, for every value of its
 * {@code @Param}s: a broken setup fails the build instead of measuring something else. Nothing
 * here is timed.
 */
class BenchmarkSetupTest {

  private static final HealthCheckBenchmark HEALTH = new HealthCheckBenchmark();
  private static final UploadBenchmark UPLOAD = new UploadBenchmark();
  private static final NhsNumberBenchmark NHS_NUMBER = new NhsNumberBenchmark();

  /** The values of a benchmark state's {@code @Param} field, as JMH will run them. */
  private static Stream<String> params(Class<?> state, String field) throws NoSuchFieldException {
    return Arrays.stream(state.getField(field).getAnnotation(Param.class).value());
  }

  static Stream<Integer> readPlans() throws NoSuchFieldException {
    return params(HealthCheckBenchmark.Reads.class, "plans").map(Integer::valueOf);
  }

  static Stream<Arguments> unscheduledParams() throws NoSuchFieldException {
    List<String> dispatch =
        params(HealthCheckBenchmark.UnscheduledChecks.class, "dispatchAfterCheck")
            .collect(Collectors.toList());
    return params(HealthCheckBenchmark.UnscheduledChecks.class, "plans")
        .flatMap(
            plans ->
                dispatch.stream()
                    .map(d -> Arguments.of(Integer.valueOf(plans), Boolean.valueOf(d))));
  }

  private static HealthCheckBenchmark.Reads reads(int plans) {
    HealthCheckBenchmark.Reads state = new HealthCheckBenchmark.Reads();
    state.plans = plans;
    state.generateChildren();
    state.freshStore();
    return state;
  }

  @Nested
  @DisplayName("The health-check benchmark")
  class HealthCheck {

    @ParameterizedTest(name = "plans = {0}")
    @MethodSource("org.cpis.benchmarks.BenchmarkSetupTest#readPlans")
    @DisplayName("reads, in the baseline, the one plan of a child that is visible today, in a store of that many plans")
    void baselineReadsOneVisiblePlan(int plans) {
      HealthCheckBenchmark.Reads state = reads(plans);

      List<ProtectionPlan> found = HEALTH.baselineFindBySubject(state);

      assertThat(state.cpis.today()).isEqualTo(BenchmarkData.TODAY);
      assertThat(found).singleElement().satisfies(p -> {
        assertThat(p.subject()).isEqualTo(state.child);
        assertThat(Visibility.isVisible(p, state.cpis.today(), state.cpis.retentionPolicy())).isTrue();
      });
      assertThat(state.cpis.localAuthority(BenchmarkData.ISLINGTON_ODS).plans()).hasSize(plans);
    }

    @ParameterizedTest(name = "plans = {0}")
    @MethodSource("org.cpis.benchmarks.BenchmarkSetupTest#readPlans")
    @DisplayName("makes a silent read that shows the child's visible plan, notifies nobody and writes only its audit entry")
    void silentReadShowsThePlanAndWritesOnlyAudit(int plans) {
      HealthCheckBenchmark.Reads state = reads(plans);

      CheckResult result = HEALTH.silentRead(state);

      assertThat(result.accessKind()).isEqualTo(AccessKind.SILENT_READ);
      assertThat(result.plans())
          .extracting(VisiblePlan::planId)
          .containsExactlyElementsOf(
              HEALTH.baselineFindBySubject(state).stream().map(ProtectionPlan::id).collect(Collectors.toList()));
      assertThat(result.notificationIds()).isEmpty();
      assertThat(result.accessEventId()).isEmpty();
      assertThat(state.cpis.auditLog()).hasSize(1);
      assertThat(accessEventsOf(state.store, state.child)).isZero();
    }

    @ParameterizedTest(name = "plans = {0}, dispatchAfterCheck = {1}")
    @MethodSource("org.cpis.benchmarks.BenchmarkSetupTest#unscheduledParams")
    @DisplayName("checks a thousand different children with a visible plan, each notifying once, and forgets those accesses after each invocation")
    void unscheduledChecksStartTheSameEveryInvocation(int plans, boolean dispatchAfterCheck) {
      HealthCheckBenchmark.UnscheduledChecks state = new HealthCheckBenchmark.UnscheduledChecks();
      state.plans = plans;
      state.dispatchAfterCheck = dispatchAfterCheck;
      state.generateChildren();
      state.freshStore();
      assertThat(state.requests)
          .hasSize(HealthCheckBenchmark.CHILDREN_PER_INVOCATION)
          .extracting(CheckRequest::nhsNumber)
          .doesNotHaveDuplicates();

      for (int invocation = 0; invocation < 2; invocation++) {
        HEALTH.unscheduled(state, blackhole());

        for (CheckRequest r : state.requests) {
          assertThat(accessEventsOf(state.store, r.nhsNumber())).isEqualTo(1);
          List<AccessNotification> notifications = notificationsOf(state.store, r.nhsNumber());
          assertThat(notifications).singleElement()
              .extracting(AccessNotification::deliveryStatus)
              .isEqualTo(dispatchAfterCheck ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING);
        }
        state.forgetAccesses();
        for (CheckRequest r : state.requests) {
          assertThat(accessEventsOf(state.store, r.nhsNumber())).isZero();
          assertThat(notificationsOf(state.store, r.nhsNumber())).isEmpty();
        }
      }
      CheckResult result = state.cpis.health().check(state.requests.get(0));
      assertThat(result.accessKind()).isEqualTo(AccessKind.UNSCHEDULED);
      assertThat(result.plans()).hasSize(1);
      assertThat(result.notificationIds()).hasSize(1);
      assertThat(result.recentAccesses()).isEmpty();
    }
  }

  @Nested
  @DisplayName("The upload benchmark")
  class Upload {

    private final UploadBenchmark.Day day = day();

    private UploadBenchmark.Day day() {
      UploadBenchmark.Day d = new UploadBenchmark.Day();
      d.generateFiles();
      return d;
    }

    @Test
    @DisplayName("validates, in the baseline, a file of five thousand records that are all valid, and puts each in the map")
    void baselinesSeeAllRecords() {
      List<Decision<PlanChange, RejectionReason>> decisions = UPLOAD.baselineValidateFile(day);

      assertThat(decisions).hasSize(UploadBenchmark.RECORDS).allMatch(Decision::isAllowed);
      assertThat(UPLOAD.baselineHashMap(day)).hasSize(UploadBenchmark.RECORDS);
    }

    @Test
    @DisplayName("sends a first upload, from records and from CSV, that inserts every plan into a store with none")
    void firstUploadInsertsEveryPlan() {
      UploadBenchmark.EmptyStore store = new UploadBenchmark.EmptyStore();
      store.freshStore();
      assertThat(UPLOAD.firstUpload(day, store).accepted()).isEqualTo(UploadBenchmark.RECORDS);
      store.freshStore();
      assertThat(UPLOAD.firstUploadCsv(day, store).accepted()).isEqualTo(UploadBenchmark.RECORDS);
      assertThat(store.desk.plans()).hasSize(UploadBenchmark.RECORDS);
    }

    @Test
    @DisplayName("sends a second upload of the same file, from records and CSV, whose records are all unchanged, on a store that the first upload filled")
    void secondUploadIsAllUnchanged() {
      UploadBenchmark.SecondUpload state = secondUpload();
      assertThat(state.firstUpload.accepted()).isEqualTo(UploadBenchmark.RECORDS);

      for (int upload = 0; upload < 2; upload++) {
        for (UploadReport report : List.of(UPLOAD.secondUpload(day, state), UPLOAD.secondUploadCsv(day, state))) {
          assertThat(report.outcomes())
              .hasSize(UploadBenchmark.RECORDS)
              .allMatch(o -> o.status() == RecordOutcome.Status.UNCHANGED);
        }
      }
      assertThat(state.cpis.localAuthority(BenchmarkData.ISLINGTON_ODS).plans())
          .hasSize(UploadBenchmark.RECORDS);
    }

    @Test
    @DisplayName("sends changed uploads, from records and CSV, each of which updates 2% of the plans and leaves the rest unchanged")
    void changedUploadUpdatesTwoPercent() {
      UploadBenchmark.SecondUpload state = secondUpload();
      int changed = UploadBenchmark.RECORDS / UploadBenchmark.CHANGE_EVERY;

      for (int upload = 0; upload < 2; upload++) {
        for (UploadReport report : List.of(UPLOAD.changedUpload(day, state), UPLOAD.changedUploadCsv(day, state))) {
          assertThat(report.accepted()).isEqualTo(changed);
          assertThat(report.unchanged()).isEqualTo(UploadBenchmark.RECORDS - changed);
        }
      }
    }

    private UploadBenchmark.SecondUpload secondUpload() {
      UploadBenchmark.SecondUpload state = new UploadBenchmark.SecondUpload();
      state.uploadOnce(day);
      return state;
    }
  }

  @Nested
  @DisplayName("The outbox and query benchmarks")
  class OutboxAndQueries {

    @Test
    @DisplayName("drain every pending notification in one pass, as many as the baseline delivers")
    void drainDeliversEveryPendingNotification() throws Exception {
      OutboxBenchmark benchmark = new OutboxBenchmark();
      OutboxBenchmark.Pending pending = new OutboxBenchmark.Pending();
      pending.pending = 250;
      pending.generate();
      OutboxBenchmark.Outbox outbox = new OutboxBenchmark.Outbox();
      outbox.fill(pending);

      assertThat(benchmark.drain(pending, outbox).delivered()).isEqualTo(250);
      assertThat(benchmark.baselineDeliverFromList(pending)).hasSize(250);
      assertThat(outbox.cpis.dispatchNotifications().delivered()).isZero();
    }

    @ParameterizedTest(name = "rows = {0}")
    @MethodSource("org.cpis.benchmarks.BenchmarkSetupTest#queryRows")
    @DisplayName("query for what is not there: an authority with nothing, and nothing due")
    void queriesFindNothing(int rows) {
      QueryBenchmark benchmark = new QueryBenchmark();
      QueryBenchmark.Loaded state = new QueryBenchmark.Loaded();
      state.rows = rows;
      state.fill();

      assertThat(benchmark.findByLocalAuthority(state)).isEmpty();
      assertThat(benchmark.findUnreviewed(state)).isEmpty();
      assertThat(benchmark.claimDue(state)).isEmpty();
      List<ProtectionPlan> islington =
          state.store.inTransaction(tx -> tx.plans().findByLocalAuthority(BenchmarkData.ISLINGTON_ODS));
      assertThat(islington).hasSize(rows);
    }
  }

  static Stream<Integer> queryRows() throws NoSuchFieldException {
    return params(QueryBenchmark.Loaded.class, "rows").map(Integer::valueOf);
  }

  @Nested
  @DisplayName("The HL7 V3 upload benchmark")
  class Hl7Upload {

    private final Hl7UploadBenchmark benchmark = new Hl7UploadBenchmark();

    @Test
    @DisplayName("reads the same day from the File and from CSV, and each second upload is all unchanged")
    void bothPathsReadTheSameDayAndTheSecondUploadIsAllUnchanged() {
      Hl7UploadBenchmark.Day day = new Hl7UploadBenchmark.Day();
      day.writeFiles();
      day.uploadOnce();
      assertThat(day.firstCsvUpload.accepted()).isEqualTo(Hl7UploadBenchmark.RECORDS);
      assertThat(day.firstHl7Upload.accepted()).isEqualTo(Hl7UploadBenchmark.RECORDS);
      assertThat(benchmark.baselineCsvRead(day)).hasSize(Hl7UploadBenchmark.RECORDS);
      assertThat(benchmark.hl7Read(day).uploadRecords()).hasSize(Hl7UploadBenchmark.RECORDS);
      assertThat(benchmark.baselineCsvUpload(day).unchanged()).isEqualTo(Hl7UploadBenchmark.RECORDS);
      assertThat(benchmark.hl7Upload(day).unchanged()).isEqualTo(Hl7UploadBenchmark.RECORDS);
    }

    @Test
    @DisplayName("writes the whole acknowledgement, every plan unchanged, and counts it")
    void theAcknowledgementIsWrittenInFull() {
      Hl7UploadBenchmark.Day day = new Hl7UploadBenchmark.Day();
      day.writeFiles();
      day.uploadOnce();
      LaUploadFile file = Hl7FileReader.create().read(new ByteArrayInputStream(day.file));
      String ack =
          FileResponseWriter.write(file, day.hl7Desk.upload(file.uploadRecords()), BenchmarkData.ISLINGTON, BenchmarkData.NOW);
      assertThat(ack).contains("code=\"CPF02\"");
      assertThat(ack.split("<originalText>unchanged</originalText>", -1)).hasSize(Hl7UploadBenchmark.RECORDS + 1);
      assertThat(benchmark.hl7UploadAcknowledged(day)).isEqualTo(ack.length());
    }

    @Test
    @DisplayName("both StAX walks pull the whole File: each record's dates and birth time, and the header's values")
    void bothStaxWalksReadEveryValue() throws Exception {
      Hl7UploadBenchmark.Day day = new Hl7UploadBenchmark.Day();
      day.writeFiles();
      long values = 0;
      String text = new String(day.file, StandardCharsets.UTF_8);
      for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^/!?][^>]*? value=\"([^\"]*)\"").matcher(text); m.find(); ) {
        values += m.group(1).length();
      }
      assertThat(values).isGreaterThan(Hl7UploadBenchmark.RECORDS * 12L);
      assertThat(benchmark.staxWalkJdk(day)).isEqualTo(values);
      assertThat(benchmark.staxWalkAalto(day)).isEqualTo(values);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.cpis.benchmarks.BenchmarkSetupTest#nhsTexts")
  @DisplayName("The NHS number benchmark parses a valid number in each form, which its baseline's loop finds valid")
  void nhsNumberBenchmarkParsesTheBaselinesNumber(String form) {
    NhsNumberBenchmark.Text text = new NhsNumberBenchmark.Text();
    text.text = form;

    NhsNumber parsed = NHS_NUMBER.parse(text);

    assertThat(form.length() == 10 ? parsed.value() : parsed.formatted()).isEqualTo(form);
    assertThat(NHS_NUMBER.baselineModulus11Loop(text)).isTrue();
    text.text = form.substring(0, form.length() - 1) + "8";
    assertThat(NHS_NUMBER.baselineModulus11Loop(text)).isFalse();
  }

  @Test
  @DisplayName("The heap measure counts what a loaded store keeps per plan, more than the same plans in a bare map")
  void heapPerPlanCountsTheStoresRows() throws Exception {
    double[] perPlan = HeapPerPlan.measure(2_000);

    assertThat(perPlan[1]).isGreaterThan(100);
    assertThat(perPlan[0]).isGreaterThan(perPlan[1]);
  }

  static Stream<String> nhsTexts() throws NoSuchFieldException {
    return params(NhsNumberBenchmark.Text.class, "text");
  }

  @Test
  @DisplayName("The floor finds the child's plan and hashes the 200-byte entry; a check of a number with no plan finds nothing and writes only its audit record")
  void floorAndFindsNothing() throws Exception {
    HealthCheckBenchmark.Floor floor = new HealthCheckBenchmark.Floor();
    floor.plans = 1000;
    floor.fill();
    floor.emptyLog();
    assertThat(HEALTH.floor(floor)).hasSize(32);
    assertThat(floor.log).hasSize(1);
    assertThat(floor.entry).hasSize(200);

    HealthCheckBenchmark.Reads state = reads(1000);
    CheckResult result = HEALTH.findsNothing(state);
    assertThat(result.plans()).isEmpty();
    assertThat(result.notificationIds()).isEmpty();
    assertThat(state.cpis.auditLog()).hasSize(1);
  }

  private static int accessEventsOf(org.cpis.store.CpisStore store, NhsNumber child) {
    return store.inTransaction(tx -> tx.accessEvents().findRecentBySubject(child, Integer.MAX_VALUE).size());
  }

  private static List<AccessNotification> notificationsOf(org.cpis.store.CpisStore store, NhsNumber child) {
    return store.inTransaction(tx -> tx.notifications().findBySubject(child));
  }

  @Test
  @DisplayName("Both CSV readers read the benchmark's file as the same 1 000 records, a fifth of them with a quoted comma")
  void csvReadersReadTheSameRecords() {
    UploadCsvBenchmark.File file = new UploadCsvBenchmark.File();
    file.write();
    UploadCsvBenchmark csv = new UploadCsvBenchmark();

    List<org.cpis.rules.UploadRecord> read = csv.read(file);

    assertThat(read).hasSize(UploadBenchmark.RECORDS).isEqualTo(csv.baselineHandWrittenReader(file));
    assertThat(read.get(0).familyName()).contains("Smith, Jones");
  }

  private static Blackhole blackhole() {
    return new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
  }
}
