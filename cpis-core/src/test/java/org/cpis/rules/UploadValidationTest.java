package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Design rule 5, by example: each rejection reason for its case, deletes, duplicates, outcomes. */
class UploadValidationTest {

  private static final OdsCode ISLINGTON = OdsCode.of("714");

  /** A valid child protection plan record. */
  private static ImmutableUploadRecord.Builder record() {
    return UploadRecord.builder()
        .lineNumber(1)
        .localReference("CP-2024-0031")
        .nhsNumber("943 476 5919")
        .givenName("Amelia")
        .familyName("Smith")
        .dateOfBirth("2019-05-04")
        .planType("CPPI")
        .startDate("2024-03-01")
        .allocatedSocialWorker("jsmith42");
  }

  private static Optional<RejectionReason> reasonFor(ImmutableUploadRecord.Builder record) {
    return UploadValidation.validate(record.build(), ISLINGTON).rejection();
  }

  @Test
  @DisplayName("A valid record becomes the plan it describes")
  void validRecord() {
    PlanChange change = UploadValidation.validate(record().endDate("2024-09-30").build(), ISLINGTON).value();
    assertThat(change.plan())
        .contains(
            ProtectionPlan.builder()
                .id(PlanId.of(ISLINGTON, "CP-2024-0031"))
                .subject(NhsNumber.parse("9434765919"))
                .type(PlanType.CHILD_PROTECTION_PLAN)
                .start(LocalDate.of(2024, 3, 1))
                .end(LocalDate.of(2024, 9, 30))
                .childDateOfBirth(LocalDate.of(2019, 5, 4))
                .allocatedSocialWorker("jsmith42")
                .build());
    assertThat(change.givenName()).contains("Amelia");
    assertThat(change.familyName()).contains("Smith");
  }

  @Test
  @DisplayName("A valid unborn plan record is recorded under the mother's number with the expected delivery date")
  void validUnbornRecord() {
    PlanChange change =
        UploadValidation.validate(
                record().planType("UCPI").dateOfBirth("1995-02-11").expectedDeliveryDate("2024-08-01").build(),
                ISLINGTON)
            .value();
    ProtectionPlan plan = change.plan().orElseThrow();
    assertThat(plan.type()).isEqualTo(PlanType.UNBORN_CHILD_PROTECTION_PLAN);
    assertThat(plan.expectedDeliveryDate()).contains(LocalDate.of(2024, 8, 1));
    assertThat(plan.childDateOfBirth()).as("the mother's date of birth is not the child's").isEmpty();
    assertThat(change.dateOfBirth()).contains(LocalDate.of(1995, 2, 11));
  }

  @Test
  @DisplayName("Fields are trimmed, and blank fields count as missing")
  void trimmedAndBlank() {
    PlanChange change =
        UploadValidation.validate(
                record().localReference("  CP-7 ").planType(" cppi ").endDate("   ").allocatedSocialWorker("\u2003").build(),
                ISLINGTON)
            .value();
    assertThat(change.planId().localReference()).isEqualTo("CP-7");
    assertThat(change.plan().orElseThrow().end()).isEmpty();
    assertThat(change.plan().orElseThrow().allocatedSocialWorker()).isEmpty();
  }

  @Test
  @DisplayName("A record without a local reference is rejected R01")
  void missingReference() {
    assertThat(reasonFor(record().localReference(Optional.empty()))).contains(RejectionReason.MISSING_LOCAL_REFERENCE);
    assertThat(reasonFor(record().localReference("\u2003"))).contains(RejectionReason.MISSING_LOCAL_REFERENCE);
    assertThat(RejectionReason.MISSING_LOCAL_REFERENCE.code()).isEqualTo("R01");
  }

  @Test
  @DisplayName("A record without an NHS number is MISSING_NHS_NUMBER; one with a wrong number is INVALID_NHS_NUMBER")
  void missingAndInvalidNhsNumberAreDistinct() {
    assertThat(reasonFor(record().nhsNumber(Optional.empty()))).contains(RejectionReason.MISSING_NHS_NUMBER);
    assertThat(reasonFor(record().nhsNumber("  "))).contains(RejectionReason.MISSING_NHS_NUMBER);
    assertThat(reasonFor(record().nhsNumber("943 476 5918"))).contains(RejectionReason.INVALID_NHS_NUMBER);
    assertThat(reasonFor(record().nhsNumber("943 476 591"))).contains(RejectionReason.INVALID_NHS_NUMBER);
    assertThat(reasonFor(record().nhsNumber("9434765919"))).isEmpty();
    assertThat(reasonFor(record().nhsNumber("943-476-5919"))).isEmpty();
  }

  @Test
  @DisplayName("A record without a plan type, or with an unknown one, is rejected for that")
  void planType() {
    assertThat(reasonFor(record().planType(Optional.empty()))).contains(RejectionReason.MISSING_PLAN_TYPE);
    assertThat(reasonFor(record().planType("CPP"))).contains(RejectionReason.UNKNOWN_PLAN_TYPE);
  }

  @Test
  @DisplayName("A record without a start date, or with a date that is not ISO-8601, is rejected for that")
  void dates() {
    assertThat(reasonFor(record().startDate(Optional.empty()))).contains(RejectionReason.MISSING_START_DATE);
    assertThat(reasonFor(record().startDate("01/03/2024"))).contains(RejectionReason.INVALID_DATE);
    assertThat(reasonFor(record().endDate("2023-02-29"))).contains(RejectionReason.INVALID_DATE);
    assertThat(reasonFor(record().dateOfBirth("yesterday"))).contains(RejectionReason.INVALID_DATE);
    assertThat(reasonFor(record().endDate("2024-02-29"))).contains(RejectionReason.END_BEFORE_START);
    assertThat(reasonFor(record().endDate("2024-03-01"))).isEmpty();
  }

  @Test
  @DisplayName("An unborn plan needs an expected delivery date, and only an unborn plan may have one")
  void expectedDeliveryDate() {
    assertThat(reasonFor(record().planType("UCPI")))
        .contains(RejectionReason.UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE);
    assertThat(reasonFor(record().planType("LACI").expectedDeliveryDate("2024-08-01")))
        .contains(RejectionReason.EXPECTED_DELIVERY_DATE_ON_BORN_CHILD);
  }

  @Test
  @DisplayName("DELETE removes a plan by its reference alone; any other action is rejected")
  void actions() {
    PlanChange delete =
        UploadValidation.validate(UploadRecord.builder().lineNumber(1).localReference("CP-1").action("delete").build(), ISLINGTON)
            .value();
    assertThat(delete.isDelete()).isTrue();
    assertThat(delete.planId()).isEqualTo(PlanId.of(ISLINGTON, "CP-1"));
    assertThat(reasonFor(record().action("UPDATE"))).contains(RejectionReason.UNKNOWN_ACTION);
    assertThat(reasonFor(record().action(" "))).isEmpty();
  }

  @Test
  @DisplayName("A second record with the same local reference in one file is rejected as a duplicate")
  void duplicateInFile() {
    List<Decision<PlanChange, RejectionReason>> decisions =
        UploadValidation.validateFile(
            List.of(
                record().build(),
                record().lineNumber(2).localReference("CP-2").nhsNumber("bad").build(),
                record().lineNumber(3).localReference("CP-2").build(),
                record().lineNumber(4).localReference("CP-2024-0031").planType("LACI").build()),
            ISLINGTON);
    assertThat(decisions).extracting(Decision::rejection)
        .containsExactly(
            Optional.empty(),
            Optional.of(RejectionReason.INVALID_NHS_NUMBER),
            Optional.empty(),
            Optional.of(RejectionReason.DUPLICATE_IN_FILE));
  }

  @Test
  @DisplayName("Reconciling the same record again changes nothing; deleting what is not there changes nothing")
  void reconciliation() {
    PlanChange change = UploadValidation.validate(record().build(), ISLINGTON).value();
    assertThat(Reconciliation.of(Optional.empty(), change)).isEqualTo(Reconciliation.INSERT);
    assertThat(Reconciliation.of(change.plan(), change)).isEqualTo(Reconciliation.UNCHANGED);
    PlanChange ended = UploadValidation.validate(record().endDate("2024-06-30").build(), ISLINGTON).value();
    assertThat(Reconciliation.of(change.plan(), ended)).isEqualTo(Reconciliation.UPDATE);
    PlanChange delete = PlanChange.builder().planId(change.planId()).build();
    assertThat(Reconciliation.of(change.plan(), delete)).isEqualTo(Reconciliation.DELETE);
    assertThat(Reconciliation.of(Optional.empty(), delete)).isEqualTo(Reconciliation.UNCHANGED);
    assertThat(Reconciliation.UNCHANGED.changesStore()).isFalse();
    assertThat(Reconciliation.DELETE.changesStore()).isTrue();
  }

  @Test
  @DisplayName("A file succeeds with no rejection, is partial with some, and fails when all are rejected; an empty file succeeds")
  void fileOutcome() {
    assertThat(FileOutcome.of(3, 0)).isEqualTo(FileOutcome.SUCCESS);
    assertThat(FileOutcome.of(3, 1)).isEqualTo(FileOutcome.PARTIAL);
    assertThat(FileOutcome.of(0, 4)).isEqualTo(FileOutcome.FAILED);
    assertThat(FileOutcome.of(0, 0)).isEqualTo(FileOutcome.SUCCESS);
  }

  @Test
  @DisplayName("A line the file reader could not split into fields is rejected as malformed, before any other check")
  void malformedLine() {
    assertThat(reasonFor(record().malformed(true))).contains(RejectionReason.MALFORMED_LINE);
  }

  @Test
  @DisplayName("A field's text is read stripped of white space, Unicode white space included, and a blank field counts as missing")
  void presentText() {
    assertThat(UploadRecord.present(Optional.of(" \u2003CP-1\t"))).contains("CP-1");
    assertThat(UploadRecord.present(Optional.of("CP-1"))).contains("CP-1");
    assertThat(UploadRecord.present(Optional.of(" \u2003 "))).isEmpty();
    assertThat(UploadRecord.present(Optional.of(""))).isEmpty();
    assertThat(UploadRecord.present(Optional.empty())).isEmpty();
  }

  @Test
  @DisplayName("An upload record prints without its NHS number")
  void recordMasked() {
    assertThat(record().build().toString()).doesNotContain("943").doesNotContain("5919");
  }

  @Test
  @DisplayName("Every rejection reason has its own code")
  void distinctCodes() {
    assertThat(List.of(RejectionReason.values()).stream().map(RejectionReason::code).distinct().count())
        .isEqualTo(RejectionReason.values().length);
  }
}
