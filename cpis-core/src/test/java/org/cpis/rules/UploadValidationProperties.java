package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cpis.model.ImmutableProtectionPlan;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.testkit.CpisArbitraries;
import org.cpis.testkit.UploadRow;

/**
 * Design rule 5, upload: every record gets exactly one outcome, in order; bad records are rejected
 * with the reason for what is wrong; valid records become the plan they describe; applying the
 * same change twice changes nothing the second time.
 */
class UploadValidationProperties {

  private static final OdsCode ISLINGTON = OdsCode.of("714");
  private static final NhsNumber OTHER_CHILD = NhsNumber.parse("401 023 2137");

  @Property(tries = 200)
  @Label("every record of a file gets exactly one decision, in the same order")
  void oneDecisionPerRecordInOrder(@ForAll("files") List<UploadRow> file) {
    List<UploadRecord> records = UploadRows.toRecords(file);
    List<Decision<PlanChange, RejectionReason>> decisions =
        UploadValidation.validateFile(records, ISLINGTON);
    assertThat(decisions).hasSameSizeAs(records);
    for (int i = 0; i < records.size(); i++) {
      Decision<PlanChange, RejectionReason> alone = UploadValidation.validate(records.get(i), ISLINGTON);
      if (decisions.get(i).rejection().equals(Optional.of(RejectionReason.DUPLICATE_IN_FILE))) {
        assertThat(alone.isAllowed()).as("a duplicate is valid on its own").isTrue();
      } else {
        assertThat(decisions.get(i)).as("line %d", i + 1).isEqualTo(alone);
      }
      if (decisions.get(i).isAllowed()) {
        assertThat(decisions.get(i).value().planId().localReference())
            .isEqualTo(records.get(i).localReference().orElseThrow().strip());
      }
    }
  }

  @Property(tries = 200)
  @Label("each generated bad row is rejected with the reason it was broken for, and each good row accepted")
  void generatedFilesGetTheExpectedReasons(@ForAll("files") List<UploadRow> file) {
    List<Decision<PlanChange, RejectionReason>> decisions =
        UploadValidation.validateFile(UploadRows.toRecords(file), ISLINGTON);
    for (int i = 0; i < file.size(); i++) {
      assertThat(decisions.get(i).rejection().map(Enum::name))
          .as("line %d", i + 1)
          .isEqualTo(file.get(i).expectedProblem());
    }
  }

  @Property
  @Label("a valid record becomes the plan it describes, with the uploaded fields")
  void validRecordsBecomeTheirPlan(@ForAll("goodPlanRows") UploadRow row) {
    PlanChange change = UploadValidation.validate(UploadRows.toRecord(row), ISLINGTON).value();
    ProtectionPlan plan = change.plan().orElseThrow();
    PlanType type = PlanType.fromCode(row.planType().orElseThrow()).orElseThrow();
    assertThat(change.isDelete()).isFalse();
    assertThat(plan.id()).isEqualTo(PlanId.of(ISLINGTON, row.localReference().orElseThrow()));
    assertThat(change.planId()).isEqualTo(plan.id());
    assertThat(plan.subject()).isEqualTo(NhsNumber.parse(row.nhsNumber().orElseThrow()));
    assertThat(plan.type()).isEqualTo(type);
    assertThat(plan.start()).isEqualTo(LocalDate.parse(row.startDate().orElseThrow()));
    assertThat(plan.end()).isEqualTo(row.endDate().map(LocalDate::parse));
    assertThat(plan.expectedDeliveryDate()).isEqualTo(row.expectedDeliveryDate().map(LocalDate::parse));
    assertThat(plan.childDateOfBirth())
        .isEqualTo(type.isUnborn() ? Optional.empty() : row.dateOfBirth().map(LocalDate::parse));
    assertThat(plan.allocatedSocialWorker()).isEqualTo(row.allocatedSocialWorker());
    assertThat(plan.linkedUnbornPlan()).isEmpty();
    assertThat(change.givenName()).isEqualTo(row.givenName());
    assertThat(change.familyName()).isEqualTo(row.familyName());
    assertThat(change.dateOfBirth()).isEqualTo(row.dateOfBirth().map(LocalDate::parse));
  }

  @Property
  @Label("a DELETE record becomes a delete of its plan, whatever else it holds")
  void deleteRecords(@ForAll("goodPlanRows") UploadRow row, @ForAll("deleteActions") String action) {
    UploadRecord record = UploadRecord.builder().from(UploadRows.toRecord(row)).action(action).nhsNumber("rubbish").build();
    PlanChange change = UploadValidation.validate(record, ISLINGTON).value();
    assertThat(change.isDelete()).isTrue();
    assertThat(change.planId()).isEqualTo(PlanId.of(ISLINGTON, row.localReference().orElseThrow()));
  }

  @Property
  @Label("a record repeating an accepted record's reference later in the file is a duplicate; the first stands")
  void duplicatesInFile(
      @ForAll("goodPlanRows") UploadRow row, @ForAll("goodPlanRows") UploadRow other, @ForAll @IntRange(max = 3) int between) {
    UploadRecord first = UploadRows.toRecord(row);
    UploadRecord second =
        UploadRecord.builder().from(UploadRows.toRecord(other)).localReference(" " + row.localReference().orElseThrow() + " ").build();
    List<UploadRecord> records = new java.util.ArrayList<>();
    records.add(first);
    for (int i = 0; i < between; i++) {
      records.add(UploadRecord.builder().lineNumber(2 + i).localReference("OTHER-" + i).build());
    }
    records.add(second);
    List<Decision<PlanChange, RejectionReason>> decisions = UploadValidation.validateFile(records, ISLINGTON);
    assertThat(decisions.get(0).isAllowed()).isTrue();
    assertThat(decisions.get(decisions.size() - 1).rejection()).contains(RejectionReason.DUPLICATE_IN_FILE);
  }

  @Property(tries = 2000)
  @Label("validation never throws: any record, however malformed, gets an allowance or a rejection")
  void neverThrows(@ForAll("anyRecords") UploadRecord record) {
    assertThatCode(() -> UploadValidation.validate(record, ISLINGTON)).doesNotThrowAnyException();
  }

  @Property
  @Label("a record without an NHS number is MISSING_NHS_NUMBER, never INVALID_NHS_NUMBER")
  void missingIsNotInvalid(@ForAll("goodPlanRows") UploadRow row, @ForAll("blanks") Optional<String> blank) {
    UploadRecord record = UploadRecord.builder().from(UploadRows.toRecord(row)).nhsNumber(blank).build();
    assertThat(UploadValidation.validate(record, ISLINGTON).rejection()).contains(RejectionReason.MISSING_NHS_NUMBER);
  }

  // ------------------------------------------------------------ reconciliation

  @Property
  @Label("applying a change and reconciling the same change again gives UNCHANGED")
  void reconciliationIsIdempotent(
      @ForAll("goodRows") UploadRow row, @ForAll("storedVersions") StoredVersion version) {
    PlanChange change = UploadValidation.validate(UploadRows.toRecord(row), ISLINGTON).value();
    Optional<ProtectionPlan> stored = version.of(change);
    Reconciliation first = Reconciliation.of(stored, change);
    Optional<ProtectionPlan> after = apply(stored, change, first);
    assertThat(Reconciliation.of(after, change)).isEqualTo(Reconciliation.UNCHANGED);
    assertThat(first.changesStore()).isEqualTo(!after.equals(stored));
  }

  @Property
  @Label("reconciliation says INSERT, UPDATE, DELETE or UNCHANGED by what is stored")
  void reconciliationByStoredPlan(
      @ForAll("goodRows") UploadRow row, @ForAll("storedVersions") StoredVersion version) {
    PlanChange change = UploadValidation.validate(UploadRows.toRecord(row), ISLINGTON).value();
    Reconciliation expected =
        change.isDelete()
            ? (version == StoredVersion.NOTHING ? Reconciliation.UNCHANGED : Reconciliation.DELETE)
            : version.forUpload;
    assertThat(Reconciliation.of(version.of(change), change)).isEqualTo(expected);
  }

  @Property
  @Label("a stored plan that differs from the upload in any one field is updated")
  void anyChangedFieldIsAnUpdate(@ForAll("goodPlanRows") UploadRow row, @ForAll @IntRange(max = 3) int field) {
    PlanChange change = UploadValidation.validate(UploadRows.toRecord(row), ISLINGTON).value();
    ProtectionPlan uploaded = change.plan().orElseThrow();
    ImmutableProtectionPlan.Builder stored = ProtectionPlan.builder().from(uploaded);
    switch (field) {
      case 0:
        stored.allocatedSocialWorker(uploaded.allocatedSocialWorker().map(w -> w + "-before").or(() -> Optional.of("sw-before")));
        break;
      case 1:
        stored.end(uploaded.end().map(e -> e.plusDays(1)).or(() -> Optional.of(uploaded.start())));
        break;
      case 2:
        stored.start(uploaded.start().minusDays(1));
        break;
      default:
        stored.subject(uploaded.subject().equals(OTHER_CHILD) ? NhsNumber.parse("9434765919") : OTHER_CHILD);
    }
    assertThat(Reconciliation.of(Optional.of(stored.build()), change)).isEqualTo(Reconciliation.UPDATE);
  }

  @Property(tries = 200)
  @Label("uploading the same file twice changes nothing the second time")
  void sameFileTwice(@ForAll("files") List<UploadRow> file) {
    java.util.Map<PlanId, ProtectionPlan> store = new java.util.HashMap<>();
    List<Decision<PlanChange, RejectionReason>> decisions =
        UploadValidation.validateFile(UploadRows.toRecords(file), ISLINGTON);
    for (Decision<PlanChange, RejectionReason> d : decisions) {
      d.rejection().ifPresentOrElse(r -> {}, () -> applyTo(store, d.value()));
    }
    java.util.Map<PlanId, ProtectionPlan> afterFirst = new java.util.HashMap<>(store);
    for (Decision<PlanChange, RejectionReason> d : decisions) {
      if (d.isAllowed()) {
        assertThat(Reconciliation.of(Optional.ofNullable(store.get(d.value().planId())), d.value()))
            .isEqualTo(Reconciliation.UNCHANGED);
        applyTo(store, d.value());
      }
    }
    assertThat(store).isEqualTo(afterFirst);
  }

  // ------------------------------------------------------------ file outcome

  @Property(tries = 200)
  @Label("a generated file's outcome follows from its bad rows")
  void generatedFileOutcome(@ForAll("files") List<UploadRow> file) {
    List<Decision<PlanChange, RejectionReason>> decisions =
        UploadValidation.validateFile(UploadRows.toRecords(file), ISLINGTON);
    int allowed = (int) decisions.stream().filter(Decision::isAllowed).count();
    long bad = file.stream().filter(r -> !r.isGood()).count();
    FileOutcome expected =
        bad == 0 ? FileOutcome.SUCCESS : bad == file.size() ? FileOutcome.FAILED : FileOutcome.PARTIAL;
    assertThat(FileOutcome.of(allowed, decisions.size() - allowed)).isEqualTo(expected);
  }

  // ------------------------------------------------------------ helpers and generators

  private static Optional<ProtectionPlan> apply(
      Optional<ProtectionPlan> stored, PlanChange change, Reconciliation reconciliation) {
    switch (reconciliation) {
      case INSERT:
      case UPDATE:
        return change.plan();
      case DELETE:
        return Optional.empty();
      default:
        return stored;
    }
  }

  private static void applyTo(java.util.Map<PlanId, ProtectionPlan> store, PlanChange change) {
    Optional<ProtectionPlan> stored = Optional.ofNullable(store.get(change.planId()));
    Optional<ProtectionPlan> after = apply(stored, change, Reconciliation.of(stored, change));
    after.ifPresentOrElse(p -> store.put(change.planId(), p), () -> store.remove(change.planId()));
  }

  /** What the store holds under a change's plan id before the change. */
  /** What the store holds under the change's plan id, and what an upload (not a delete) then does. */
  enum StoredVersion {
    NOTHING(Reconciliation.INSERT),
    THE_SAME(Reconciliation.UNCHANGED),
    ANOTHER(Reconciliation.UPDATE);

    final Reconciliation forUpload;

    StoredVersion(Reconciliation forUpload) {
      this.forUpload = forUpload;
    }

    Optional<ProtectionPlan> of(PlanChange change) {
      switch (this) {
        case NOTHING:
          return Optional.empty();
        case THE_SAME:
          return change.plan().isPresent() ? change.plan() : Optional.of(other(change));
        default:
          return Optional.of(other(change));
      }
    }

    private static ProtectionPlan other(PlanChange change) {
      LocalDate start = change.plan().map(p -> p.start().minusDays(1)).orElse(LocalDate.of(2020, 1, 1));
      return ProtectionPlan.builder()
          .id(change.planId())
          .subject(NhsNumber.parse("9434765919"))
          .type(PlanType.LOOKED_AFTER_CHILD)
          .start(start)
          .build();
    }
  }

  @Provide
  Arbitrary<StoredVersion> storedVersions() {
    return Arbitraries.of(StoredVersion.class);
  }

  @Provide
  Arbitrary<List<UploadRow>> files() {
    return CpisArbitraries.uploadFiles(30, 0.3);
  }

  @Provide
  Arbitrary<UploadRow> goodRows() {
    return CpisArbitraries.uploadRows(0);
  }

  @Provide
  Arbitrary<UploadRow> goodPlanRows() {
    return CpisArbitraries.uploadRows(0).filter(r -> r.action().isEmpty());
  }

  @Provide
  Arbitrary<String> deleteActions() {
    return Arbitraries.of("DELETE", "delete", " Delete ", "DELETE\t");
  }

  @Provide
  Arbitrary<Optional<String>> blanks() {
    return Arbitraries.of(Optional.empty(), Optional.of(""), Optional.of("  "), Optional.of("\t\n"), Optional.of("\u2003"));
  }

  /** Records whose every field is absent, blank, valid-looking or arbitrary text. */
  @Provide
  Arbitrary<UploadRecord> anyRecords() {
    Arbitrary<String> junk =
        Arbitraries.strings().withChars("09AZaz -/:\t\u00A0\u2003\u0000").ofMaxLength(12);
    Arbitrary<String> anyText = Arbitraries.oneOf(List.of(junk, Arbitraries.strings().ofMaxLength(12)));
    Arbitrary<String> dates =
        Arbitraries.oneOf(List.of(CpisArbitraries.dates().map(LocalDate::toString), anyText));
    return Builders.withBuilder(UploadRecord::builder)
        .use(Arbitraries.integers().between(1, 1000)).in((b, n) -> b.lineNumber(n))
        .use(field(Arbitraries.oneOf(List.of(CpisArbitraries.localReferences(), anyText)))).in((b, v) -> b.localReference(v))
        .use(field(Arbitraries.oneOf(List.of(CpisArbitraries.nhsNumberTexts(), anyText)))).in((b, v) -> b.nhsNumber(v))
        .use(field(anyText)).in((b, v) -> b.givenName(v))
        .use(field(anyText)).in((b, v) -> b.familyName(v))
        .use(field(dates)).in((b, v) -> b.dateOfBirth(v))
        .use(field(Arbitraries.oneOf(List.of(Arbitraries.of("CPPI", "LACI", "UCPI", "ucpi"), anyText)))).in((b, v) -> b.planType(v))
        .use(field(dates)).in((b, v) -> b.startDate(v))
        .use(field(dates)).in((b, v) -> b.endDate(v))
        .use(field(dates)).in((b, v) -> b.expectedDeliveryDate(v))
        .use(field(Arbitraries.oneOf(List.of(CpisArbitraries.socialWorkers(), anyText)))).in((b, v) -> b.allocatedSocialWorker(v))
        .use(field(Arbitraries.oneOf(List.of(Arbitraries.of("DELETE", "UPDATE"), anyText)))).in((b, v) -> b.action(v))
        .build(b -> (UploadRecord) b.build());
  }

  private static Arbitrary<Optional<String>> field(Arbitrary<String> text) {
    return text.optional(0.8);
  }
}
