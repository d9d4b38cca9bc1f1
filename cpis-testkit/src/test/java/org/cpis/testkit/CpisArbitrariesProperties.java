package org.cpis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.StatisticsReport;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.InvalidNhsNumberException;
import org.cpis.model.InvalidNhsNumberException.Reason;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;
import org.cpis.testkit.CpisArbitraries.NhsNumberForm;

/** Every generator keeps its type's invariants, and the domain injects each type. */
@Domain(CpisDomain.class)
class CpisArbitrariesProperties {

  // ------------------------------------------------------------ NHS numbers

  @Property
  @StatisticsReport(onFailureOnly = true)
  @Label("generated NHS numbers parse from their value and are valid")
  void nhsNumbersAreValid(@ForAll NhsNumber number) {
    assertThat(NhsNumber.parse(number.value())).isEqualTo(number);
    assertThat(number.value()).hasSize(10).containsOnlyDigits();
    // check digit 0 is the "11 becomes 0" case of Modulus 11
    Statistics.label("check digit 0").collect(number.value().charAt(9) == '0');
    Statistics.label("check digit 0").coverage(c -> c.check(true).count(n -> n > 0));
  }

  @Property
  @Label("generated NHS number texts parse, in every written form")
  void nhsNumberTextsParse(@ForAll("nhsNumberTexts") String text) {
    assertThat(NhsNumber.isValid(text)).isTrue();
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void nhsNumberTextsUseAllThreeForms(@ForAll("nhsNumberTexts") String text) {
    Statistics.label("form")
        .collect(text.length() == 10 ? "digits" : text.charAt(3) == ' ' ? "spaces" : "hyphens");
    Statistics.label("form")
        .coverage(
            c -> {
              c.check("digits").count(n -> n > 0);
              c.check("spaces").count(n -> n > 0);
              c.check("hyphens").count(n -> n > 0);
            });
  }

  @Property
  @Label("an invalid NHS number text fails parse with exactly the named reason")
  void invalidTextsFailWithTheirReason(@ForAll("invalidTextsWithReason") Tuple2<Reason, String> sample) {
    Reason reason = sample.get1();
    String text = sample.get2();
    assertThatThrownBy(() -> NhsNumber.parse(text))
        .isInstanceOf(InvalidNhsNumberException.class)
        .extracting(e -> ((InvalidNhsNumberException) e).reason())
        .isEqualTo(reason);
    assertThat(NhsNumber.isValid(text)).isFalse();
  }

  @Property(tries = 2000)
  @StatisticsReport(onFailureOnly = true)
  void invalidCheckDigitTextsIncludeTheCheckDigitTenCase(
      @ForAll("invalidCheckDigitTexts") String text) {
    String digits = text.replace(" ", "").replace("-", "");
    boolean noCheckDigit = NhsNumber.checkDigit(digits.substring(0, 9)).isEmpty();
    Statistics.label("check digit would be 10").collect(noCheckDigit);
    Statistics.label("check digit would be 10")
        .coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  @Property
  void invalidTextsAreNeverNull(@ForAll("invalidNhsNumberTexts") String text) {
    assertThat(text).isNotNull();
    assertThat(NhsNumber.isValid(text)).isFalse();
  }

  // ------------------------------------------------------------ identifiers and plans

  @Property
  void odsCodesAreWellFormed(@ForAll OdsCode code) {
    assertThat(code.value()).matches("[A-Z0-9]{3,10}");
    assertThat(OdsCode.of(code.value())).isEqualTo(code);
  }

  @Property
  void localAuthoritiesHaveThreeDigitCodes(@ForAll LocalAuthority authority) {
    assertThat(authority.odsCode().value()).matches("[0-9]{3}");
    assertThat(authority.name()).isNotBlank();
  }

  @Property
  void planIdsHaveNonBlankReferencesWithoutSpaces(@ForAll PlanId id) {
    assertThat(id.localReference()).isNotBlank().doesNotContain(" ");
    assertThat(id.value()).isEqualTo(id.localAuthority().value() + "/" + id.localReference());
  }

  @Property
  void recordIdsAreNotBlank(@ForAll RecordId id) {
    assertThat(id.value()).isNotBlank();
  }

  @Property
  void datesAreInTheirRange(@ForAll LocalDate date) {
    assertThat(date).isBetween(CpisArbitraries.FIRST_DAY, CpisArbitraries.LAST_DAY);
  }

  @Property(tries = 500)
  @StatisticsReport(onFailureOnly = true)
  void datesIncludeLeapDays(@ForAll LocalDate date) {
    Statistics.label("leap day").collect(date.getMonthValue() == 2 && date.getDayOfMonth() == 29);
    Statistics.label("leap day").coverage(c -> c.check(true).count(n -> n > 0));
  }

  @Property
  void instantsAreInTheirRange(@ForAll Instant instant) {
    assertThat(instant)
        .isBetween(
            CpisArbitraries.FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
            CpisArbitraries.LAST_DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  @Property
  @Label("plans have consistent dates and rebuild from themselves")
  void plansAreConsistent(@ForAll ProtectionPlan plan) {
    plan.end().ifPresent(end -> assertThat(end).isAfterOrEqualTo(plan.start()));
    plan.childDateOfBirth().ifPresent(dob -> assertThat(dob).isBeforeOrEqualTo(plan.start()));
    plan.childDateOfBirth()
        .ifPresent(dob -> assertThat(dob.plusYears(18)).isAfter(plan.start()));
    plan.linkedUnbornPlan()
        .ifPresent(linked -> assertThat(linked.localAuthority()).isEqualTo(plan.localAuthority()));
    assertThat(plan.expectedDeliveryDate().isPresent()).isEqualTo(plan.type().isUnborn());
    assertThat(ProtectionPlan.builder().from(plan).build()).isEqualTo(plan);
  }

  @Property
  void plansOfATypeHaveThatType(@ForAll("plansByType") Tuple2<PlanType, ProtectionPlan> sample) {
    assertThat(sample.get2().type()).isEqualTo(sample.get1());
  }

  @Property
  void openPlansHaveNoEnd(@ForAll("openPlansByType") Tuple2<PlanType, ProtectionPlan> sample) {
    assertThat(sample.get2().type()).isEqualTo(sample.get1());
    assertThat(sample.get2().end()).isEmpty();
  }

  @Property
  @Label("unborn plans have an expected delivery date after the start and no date of birth")
  void unbornPlansHaveExpectedDelivery(@ForAll("unbornPlans") ProtectionPlan plan) {
    assertThat(plan.type()).isEqualTo(PlanType.UNBORN_CHILD_PROTECTION_PLAN);
    assertThat(plan.expectedDeliveryDate()).hasValueSatisfying(edd -> assertThat(edd).isAfter(plan.start()));
    assertThat(plan.childDateOfBirth()).isEmpty();
    assertThat(plan.linkedUnbornPlan()).isEmpty();
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void plansCoverOpenAndEnded(@ForAll ProtectionPlan plan) {
    Statistics.label("ended").collect(plan.end().isPresent());
    Statistics.label("ended")
        .coverage(
            c -> {
              c.check(true).count(n -> n > 0);
              c.check(false).count(n -> n > 0);
            });
  }

  // ------------------------------------------------------------ access, review, audit, receipts

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void accessorsSometimesReadSilently(@ForAll Accessor accessor) {
    assertThat(accessor.rbacActivityCode()).matches("B[0-9]{4}");
    Statistics.label("silent read").collect(accessor.rbacActivityCode().equals("B0170"));
    Statistics.label("silent read")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 5);
              c.check(false).percentage(p -> p > 50);
            });
  }

  @Property
  void nonSilentAccessorsDoNotReadSilently(@ForAll("nonSilentAccessors") Accessor accessor) {
    assertThat(accessor.rbacActivityCode()).isNotEqualTo("B0170");
  }

  @Property
  void silentReadAccessorsReadSilently(@ForAll("silentReadAccessors") Accessor accessor) {
    assertThat(accessor.rbacActivityCode()).isEqualTo("B0170");
  }

  @Property
  void notificationsAreDeliveredExactlyWhenTheyHaveADeliveryTime(
      @ForAll AccessNotification notification) {
    assertThat(notification.deliveredAt().isPresent())
        .isEqualTo(notification.deliveryStatus() == DeliveryStatus.DELIVERED);
    assertThat(notification.nextAttemptAt()).isAfterOrEqualTo(notification.accessedAt());
    assertThat(notification.localAuthority()).isEqualTo(notification.planId().localAuthority());
  }

  @Property
  void auditEntriesHaveHexHashesAndAGenesisForTheFirst(@ForAll AuditEntry entry) {
    assertThat(entry.hash()).matches("[0-9a-f]{64}");
    if (entry.sequence() == 1) {
      assertThat(entry.previousHash()).isEmpty();
    } else {
      assertThat(entry.previousHash()).matches("[0-9a-f]{64}");
    }
  }

  @Property
  void uploadReceiptsCountRecordsWithoutNhsNumberAmongTheRejected(
      @ForAll UploadReceipt receipt) {
    assertThat(receipt.withoutNhsNumber()).isBetween(0, receipt.rejected());
  }

  // ------------------------------------------------------------ upload rows and files

  @Property
  @Label("a good upload row carries a valid NHS number, a known plan type and ordered dates")
  void goodRowsAreGood(@ForAll("goodRows") UploadRow row) {
    assertThat(row.expectedProblem()).isEmpty();
    assertThat(row.localReference()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
    if (row.action().isPresent()) {
      assertThat(row.action().get().trim()).isEqualToIgnoringCase("DELETE");
      return;
    }
    assertThat(NhsNumber.isValid(row.nhsNumber().orElseThrow())).isTrue();
    PlanType type = PlanType.fromCode(row.planType().orElseThrow()).orElseThrow();
    LocalDate start = LocalDate.parse(row.startDate().orElseThrow());
    row.endDate().ifPresent(end -> assertThat(LocalDate.parse(end)).isAfterOrEqualTo(start));
    row.dateOfBirth().ifPresent(LocalDate::parse);
    assertThat(row.expectedDeliveryDate().isPresent()).isEqualTo(type.isUnborn());
  }

  @Property
  @Label("a bad upload row names a known problem")
  void badRowsNameTheirProblem(@ForAll("badRows") UploadRow row) {
    assertThat(row.expectedProblem()).hasValueSatisfying(p -> assertThat(CpisArbitraries.ROW_PROBLEMS).contains(p));
  }

  @Property(tries = 2000)
  @StatisticsReport(onFailureOnly = true)
  void badRowsCoverEveryProblem(@ForAll("badRows") UploadRow row) {
    Statistics.label("problem").collect(row.expectedProblem().orElseThrow());
    Statistics.label("problem")
        .coverage(c -> CpisArbitraries.ROW_PROBLEMS.forEach(p -> c.check(p).count(n -> n > 0)));
  }

  @Property
  @Label("a row with an invalid NHS number stays invalid once the upload trims it")
  void invalidNhsNumbersInRowsStayInvalidWhenTrimmed(@ForAll("badRows") UploadRow row) {
    if (row.expectedProblem().equals(Optional.of("INVALID_NHS_NUMBER"))) {
      String text = row.nhsNumber().orElseThrow();
      assertThat(text.trim()).isNotEmpty();
      assertThat(NhsNumber.isValid(text.trim())).isFalse();
    }
  }

  @Property(tries = 200)
  @Label("files are numbered from line 1 and repeat a local reference only on purpose")
  void filesAreNumberedAndUnique(@ForAll("files") List<UploadRow> file) {
    assertThat(file).hasSizeLessThanOrEqualTo(40);
    Set<String> seen = new HashSet<>();
    Set<String> good = new HashSet<>();
    for (int i = 0; i < file.size(); i++) {
      UploadRow row = file.get(i);
      assertThat(row.lineNumber()).isEqualTo(i + 1);
      Optional<String> reference = row.localReference().map(String::trim).filter(r -> !r.isEmpty());
      if (row.expectedProblem().equals(Optional.of(CpisArbitraries.DUPLICATE_IN_FILE))) {
        assertThat(good).contains(reference.orElseThrow());
        continue;
      }
      reference.ifPresent(r -> assertThat(seen.add(r)).as("reference unique").isTrue());
      if (row.isGood()) {
        reference.ifPresent(good::add);
      }
    }
  }

  @Property(tries = 100)
  @StatisticsReport(onFailureOnly = true)
  void filesHoldRoughlyTheBadShare(@ForAll("files") List<UploadRow> file) {
    file.forEach(row -> Statistics.label("bad").collect(!row.isGood()));
    Statistics.label("bad").coverage(c -> c.check(true).percentage(p -> p > 15 && p < 45));
  }

  @Example
  void allGoodAndAllBadFiles() {
    List<UploadRow> good = CpisArbitraries.uploadFiles(30, 0).sample();
    assertThat(good).allMatch(UploadRow::isGood);
    List<UploadRow> bad = CpisArbitraries.uploadRows(1).list().ofSize(30).sample();
    assertThat(bad).noneMatch(UploadRow::isGood);
  }

  @Example
  void aBadShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> CpisArbitraries.uploadRows(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CpisArbitraries.uploadFiles(-1, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void aRowsToStringHidesTheNhsNumber() {
    UploadRow row = CpisArbitraries.uploadRows(0).filter(r -> r.nhsNumber().isPresent()).sample();
    assertThat(row.toString()).doesNotContain(row.nhsNumber().get());
  }

  @Example
  void numberFormsWriteTheThreeForms() {
    NhsNumber number = NhsNumber.parse("9434765919");
    assertThat(NhsNumberForm.DIGITS.write(number)).isEqualTo("9434765919");
    assertThat(NhsNumberForm.SPACES.write(number)).isEqualTo("943 476 5919");
    assertThat(NhsNumberForm.HYPHENS.write(number)).isEqualTo("943-476-5919");
  }

  // ------------------------------------------------------------ the domain

  @Property(tries = 50)
  @Label("the domain injects every record type")
  void domainInjectsEveryType(
      @ForAll NhsNumber number,
      @ForAll OdsCode code,
      @ForAll LocalAuthority authority,
      @ForAll PlanId planId,
      @ForAll RecordId recordId,
      @ForAll ProtectionPlan plan,
      @ForAll LocalDate date,
      @ForAll Instant instant) {
    assertThat(NhsNumber.isValid(number.value())).isTrue();
    assertThat(date).isBetween(CpisArbitraries.FIRST_DAY, CpisArbitraries.LAST_DAY);
  }

  @Property(tries = 50)
  void domainInjectsAccessRecordsAndKeepsTheGlobalDomain(
      @ForAll Accessor accessor,
      @ForAll Organisation organisation,
      @ForAll CareSetting setting,
      @ForAll AccessEvent event,
      @ForAll AccessNotification notification,
      @ForAll Review review,
      @ForAll AuditEntry entry,
      @ForAll UploadReceipt receipt,
      @ForAll UploadRow row,
      @ForAll @Size(max = 3) List<NhsNumber> numbers,
      @ForAll PlanType type) {
    assertThat(List.of(accessor, organisation, setting, event, notification, review, entry, receipt, row, type))
        .doesNotContainNull();
    assertThat(numbers).allMatch(n -> NhsNumber.isValid(n.value()));
  }

  // ------------------------------------------------------------ providers

  @Provide
  Arbitrary<Tuple2<Reason, String>> invalidTextsWithReason() {
    return Arbitraries.of(Reason.class)
        .flatMap(r -> CpisArbitraries.invalidNhsNumberTexts(r).map(text -> Tuple.of(r, text)));
  }

  @Provide
  Arbitrary<Tuple2<PlanType, ProtectionPlan>> plansByType() {
    return Arbitraries.of(PlanType.class)
        .flatMap(t -> CpisArbitraries.plans(t).map(p -> Tuple.of(t, p)));
  }

  @Provide
  Arbitrary<Tuple2<PlanType, ProtectionPlan>> openPlansByType() {
    return Arbitraries.of(PlanType.class)
        .flatMap(t -> CpisArbitraries.openPlans(t).map(p -> Tuple.of(t, p)));
  }

  @Provide
  Arbitrary<Accessor> nonSilentAccessors() {
    return CpisArbitraries.nonSilentAccessors();
  }

  @Provide
  Arbitrary<Accessor> silentReadAccessors() {
    return CpisArbitraries.silentReadAccessors();
  }

  @Provide
  Arbitrary<String> nhsNumberTexts() {
    return CpisArbitraries.nhsNumberTexts();
  }

  @Provide
  Arbitrary<String> invalidNhsNumberTexts() {
    return CpisArbitraries.invalidNhsNumberTexts();
  }

  @Provide
  Arbitrary<String> invalidCheckDigitTexts() {
    return CpisArbitraries.invalidNhsNumberTexts(Reason.CHECK_DIGIT);
  }

  @Provide
  Arbitrary<ProtectionPlan> unbornPlans() {
    return CpisArbitraries.unbornPlans();
  }

  @Provide
  Arbitrary<UploadRow> goodRows() {
    return CpisArbitraries.uploadRows(0);
  }

  @Provide
  Arbitrary<UploadRow> badRows() {
    return CpisArbitraries.uploadRows(1);
  }

  @Provide
  Arbitrary<List<UploadRow>> files() {
    return CpisArbitraries.uploadFiles(40, 0.3);
  }
}
