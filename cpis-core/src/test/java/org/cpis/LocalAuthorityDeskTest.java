package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.cpis.Fixtures.ucpp;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.RecordOutcome.Status;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.Birth;
import org.cpis.rules.BirthRecorded;
import org.cpis.rules.BirthRejection;
import org.cpis.rules.FileOutcome;
import org.cpis.rules.Reconciliation;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;
import org.cpis.store.StoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The local authority's desk")
class LocalAuthorityDeskTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);
  private final NhsNumber mother = nhs(2);

  @Test
  @DisplayName("Every record of an upload gets an outcome: accepted, unchanged, or rejected with its reason")
  void everyRecordGetsAnOutcome() {
    List<UploadRecord> file =
        List.of(
            cpp(1, "CP-1", child, MAY_1, null),
            UploadRecord.builder().from(cpp(2, "CP-2", child, MAY_1, null)).nhsNumber(Optional.empty()).build(),
            UploadRecord.builder().from(cpp(3, "CP-3", child, MAY_1, null)).nhsNumber("9434765918").build(),
            UploadRecord.builder().from(ucpp(4, "U-4", mother, MAY_1, MAY_1.plusMonths(3))).expectedDeliveryDate(Optional.empty()).build());

    UploadReport report = t.islington().upload(file);

    assertThat(report.outcomes())
        .extracting(RecordOutcome::lineNumber, RecordOutcome::status, RecordOutcome::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Status.ACCEPTED, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(2, Status.REJECTED, Optional.of(RejectionReason.MISSING_NHS_NUMBER)),
            org.assertj.core.groups.Tuple.tuple(3, Status.REJECTED, Optional.of(RejectionReason.INVALID_NHS_NUMBER)),
            org.assertj.core.groups.Tuple.tuple(
                4, Status.REJECTED, Optional.of(RejectionReason.UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE)));
    assertThat(report.outcomes().get(0).change()).contains(Reconciliation.INSERT);
    assertThat(report.outcomes()).extracting(RecordOutcome::localReference)
        .containsExactly(Optional.of("CP-1"), Optional.of("CP-2"), Optional.of("CP-3"), Optional.of("U-4"));
    assertThat(report.fileOutcome()).isEqualTo(FileOutcome.PARTIAL);
    assertThat(List.of(report.accepted(), report.unchanged(), report.rejected())).containsExactly(1, 0, 3);
    assertThat(t.islington().plans()).extracting(ProtectionPlan::id)
        .containsExactly(PlanId.of(ISLINGTON.odsCode(), "CP-1"));
  }

  @Test
  @DisplayName("Sending the same file twice changes nothing: the second time every record is unchanged")
  void sameFileTwice() {
    List<UploadRecord> file =
        List.of(cpp(1, "CP-1", child, MAY_1, null), ucpp(2, "U-2", mother, MAY_1, MAY_1.plusMonths(4)));
    t.islington().upload(file);
    List<ProtectionPlan> before = t.islington().plans();

    UploadReport second = t.islington().upload(file);

    assertThat(second.outcomes()).extracting(RecordOutcome::status).containsOnly(Status.UNCHANGED);
    assertThat(second.fileOutcome()).isEqualTo(FileOutcome.SUCCESS);
    assertThat(t.islington().plans()).isEqualTo(before);
  }

  @Test
  @DisplayName("An upload is applied with its receipt and audit entry in one transaction: a storage failure half way leaves no trace")
  void storageFailureLeavesNoTrace() {
    t.store.intercept(FaultyStore.failOnCall("plans", "insert", 2));

    assertThatThrownBy(
            () -> t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", nhs(3), MAY_1, null))))
        .isInstanceOf(StoreException.class);

    t.store.heal();
    assertThat(t.islington().plans()).isEmpty();
    Optional<org.cpis.model.UploadReceipt> receipt = t.read(tx -> tx.uploads().findLatest(ISLINGTON.odsCode()));
    assertThat(receipt).isEmpty();
    assertThat(t.cpis.auditLog()).isEmpty();
  }

  @Test
  @DisplayName("A record whose NHS number, name and date of birth do not match the national record is rejected")
  void demographicMismatch() {
    TestEngine e =
        new TestEngine(b -> b.demographics(q -> !q.familyName().equals(Optional.of("Nobody"))));
    UploadRecord stranger = UploadRecord.builder().from(cpp(2, "CP-2", nhs(3), MAY_1, null)).familyName("Nobody").build();

    UploadReport report = e.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), stranger));

    assertThat(report.outcomes().get(1).reason()).contains(RejectionReason.NO_DEMOGRAPHIC_MATCH);
    assertThat(report.outcomes().get(0).status()).isEqualTo(Status.ACCEPTED);
    assertThat(e.islington().plans()).hasSize(1);
  }

  @Test
  @DisplayName("A verifier given to the engine is asked once for each valid record that adds or updates a plan, with what the record says, and never for a delete or a rejected record")
  void demographicsAskedPerAddedOrUpdatedRecord() {
    List<DemographicQuery> asked = new java.util.ArrayList<>();
    TestEngine e = new TestEngine(b -> b.demographics(q -> asked.add(q)));
    UploadRecord invalid = UploadRecord.builder().from(cpp(3, "CP-3", nhs(3), MAY_1, null)).planType("XXXX").build();
    UploadRecord delete = UploadRecord.builder().lineNumber(4).localReference("CP-9").action("DELETE").build();

    UploadReport report =
        e.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", nhs(2), MAY_1, null), invalid, delete));

    assertThat(asked).extracting(DemographicQuery::nhsNumber).containsExactly(child, nhs(2));
    assertThat(asked.get(0).localAuthority()).isEqualTo(ISLINGTON.odsCode());
    assertThat(asked.get(0).givenName()).contains("Alex");
    assertThat(asked.get(0).familyName()).contains("Smith");
    assertThat(asked.get(0).dateOfBirth()).contains(LocalDate.of(2018, 3, 4));
    assertThat(report.accepted()).isEqualTo(2);
  }

  @Test
  @DisplayName("The default demographics verifier accepts every record")
  void defaultVerifierAcceptsEveryRecord() {
    DemographicQuery anyone =
        DemographicQuery.builder().localAuthority(ISLINGTON.odsCode()).nhsNumber(child).familyName("Nobody").build();

    UploadReport report = t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", nhs(2), MAY_1, null)));

    assertThat(DemographicsVerifier.acceptAll().matches(anyone)).isTrue();
    assertThat(report.accepted()).isEqualTo(2);
  }

  @Test
  @DisplayName("A plan uploaded in error is removed by a DELETE record or by deletePlan, and the deletion is audited")
  void deletingAPlanUploadedInError() {
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null), cpp(2, "CP-2", nhs(3), MAY_1, null)));

    UploadReport report =
        t.islington().upload(List.of(UploadRecord.builder().lineNumber(1).localReference("CP-1").action("DELETE").build()));
    boolean deleted = t.islington().deletePlan("CP-2");
    boolean again = t.islington().deletePlan("CP-2");

    assertThat(report.outcomes().get(0).change()).contains(Reconciliation.DELETE);
    assertThat(deleted).isTrue();
    assertThat(again).isFalse();
    assertThat(t.islington().plans()).isEmpty();
    assertThat(t.cpis.auditLog()).extracting(AuditEntry::action)
        .containsExactly(AuditAction.UPLOAD, AuditAction.UPLOAD, AuditAction.PLAN_DELETED, AuditAction.PLAN_DELETED);
  }

  @Test
  @DisplayName("Deleting a plan uploaded in error forgets the child's access history and notifications once no plan is left")
  void deletingTheLastPlanForgetsTheChild() {
    NhsNumber other = nhs(3);
    t.islington().upload(List.of(
        cpp(1, "CP-1", child, MAY_1, null),
        cpp(2, "CP-2", other, MAY_1, null),
        cpp(3, "CP-3", other, MAY_1, null)));
    t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.cpis.health().check(check(other, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    t.islington().upload(List.of(UploadRecord.builder().lineNumber(1).localReference("CP-1").action("DELETE").build()));
    t.islington().deletePlan("CP-2");

    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
    assertThat(t.accessesTo(other)).hasSize(1);
    assertThat(t.notificationsAbout(other)).hasSize(1);
  }

  @Test
  @DisplayName("A local authority that is not registered has no desk and no inbox")
  void unknownLocalAuthority() {
    OdsCode nowhere = OdsCode.of("999");
    assertThatThrownBy(() -> t.cpis.localAuthority(nowhere))
        .isInstanceOfSatisfying(UnknownLocalAuthorityException.class, e -> assertThat(e.odsCode()).isEqualTo(nowhere));
    assertThatThrownBy(() -> t.cpis.reviews(nowhere)).isInstanceOf(UnknownLocalAuthorityException.class);
  }

  @Test
  @DisplayName("Recording the birth ends the unborn plan and shows the baby's alert")
  void recordingTheBirth() {
    LocalDate edd = MAY_1.plusDays(30);
    t.islington().upload(List.of(ucpp(1, "U-1", mother, MAY_1, edd)));
    NhsNumber baby = nhs(4);
    LocalDate born = LocalDate.of(2024, 5, 30);

    BirthRecorded recorded =
        t.islington().recordBirth("U-1", Birth.builder().babyNhsNumber(baby).dateOfBirth(born).build());

    assertThat(recorded.endedUnbornPlan().end()).contains(born);
    ProtectionPlan babyPlan = recorded.babyPlan().orElseThrow();
    assertThat(t.islington().plans()).containsExactlyInAnyOrder(recorded.endedUnbornPlan(), babyPlan);
    assertThat(babyPlan.linkedUnbornPlan()).contains(PlanId.of(ISLINGTON.odsCode(), "U-1"));

    CheckResult babyCheck = t.cpis.health().check(check(baby, ED_NURSE, CareSetting.PAEDIATRIC_WARD));
    assertThat(babyCheck.hasAlert()).isTrue();
    VisiblePlan shown = babyCheck.plans().get(0);
    assertThat(shown.type()).isEqualTo(PlanType.CHILD_PROTECTION_PLAN);
    assertThat(shown.active()).isTrue();
    assertThat(shown.localAuthority()).isEqualTo(ISLINGTON);
    CheckResult motherCheck = t.cpis.health().check(check(mother, ED_NURSE, CareSetting.MATERNITY));
    assertThat(motherCheck.plans()).singleElement().satisfies(p -> {
      assertThat(p.active()).isFalse();
      assertThat(p.expectedDeliveryDate()).contains(edd);
    });
    assertThat(t.cpis.auditLog()).extracting(AuditEntry::action).contains(AuditAction.BIRTH_RECORDED);
  }

  @Test
  @DisplayName("A birth the rule refuses is rejected with its reason and changes nothing")
  void birthRejected() {
    t.islington().upload(List.of(ucpp(1, "U-1", mother, MAY_1, MAY_1.plusDays(30)), cpp(2, "CP-2", child, MAY_1, null)));
    List<ProtectionPlan> before = t.islington().plans();
    int audited = t.cpis.auditLog().size();

    assertThatThrownBy(
            () -> t.islington().recordBirth("U-1", Birth.builder().babyNhsNumber(mother).dateOfBirth(MAY_1.plusDays(20)).build()))
        .isInstanceOfSatisfying(
            BirthRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BirthRejection.SAME_NHS_NUMBER_AS_MOTHER));
    assertThatThrownBy(
            () -> t.islington().recordBirth("CP-2", Birth.builder().babyNhsNumber(nhs(5)).dateOfBirth(MAY_1.plusDays(20)).build()))
        .isInstanceOfSatisfying(
            BirthRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BirthRejection.NOT_AN_UNBORN_PLAN));
    assertThatThrownBy(
            () -> t.islington().recordBirth("NOPE", Birth.builder().babyNhsNumber(nhs(5)).dateOfBirth(MAY_1.plusDays(20)).build()))
        .isInstanceOfSatisfying(
            UnknownPlanException.class, e -> assertThat(e.planId()).isEqualTo(PlanId.of(ISLINGTON.odsCode(), "NOPE")));

    assertThat(t.islington().plans()).isEqualTo(before);
    assertThat(t.cpis.auditLog()).hasSize(audited);
  }

  @Test
  @DisplayName("A birth whose baby's plan would take a reference in use is rejected and changes nothing")
  void babyPlanReferenceInUse() {
    t.islington().upload(List.of(ucpp(1, "U-1", mother, MAY_1, MAY_1.plusDays(30)), cpp(2, "U-1-BABY", child, MAY_1, null)));
    List<ProtectionPlan> before = t.islington().plans();

    assertThatThrownBy(
            () -> t.islington().recordBirth("U-1", Birth.builder().babyNhsNumber(nhs(5)).dateOfBirth(MAY_1.plusDays(20)).build()))
        .isInstanceOfSatisfying(
            BirthRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BirthRejection.BABY_PLAN_REFERENCE_IN_USE));
    assertThat(t.islington().plans()).isEqualTo(before);
  }

  @Test
  @DisplayName("The baby's plan keeps its link to the unborn plan when the local authority uploads it later")
  void uploadedBabyPlanKeepsItsLink() {
    t.islington().upload(List.of(ucpp(1, "U-1", mother, MAY_1, MAY_1.plusDays(30))));
    NhsNumber baby = nhs(4);
    LocalDate born = MAY_1.plusDays(25);
    ProtectionPlan babyPlan =
        t.islington().recordBirth("U-1", Birth.builder().babyNhsNumber(baby).dateOfBirth(born).build()).babyPlan().orElseThrow();

    UploadRecord uploaded =
        UploadRecord.builder()
            .from(cpp(1, "U-1-BABY", baby, born, null))
            .dateOfBirth(born.toString())
            .allocatedSocialWorker("sw-khan")
            .build();
    UploadReport report = t.islington().upload(List.of(uploaded));

    assertThat(report.outcomes().get(0).change()).contains(Reconciliation.UPDATE);
    ProtectionPlan stored = t.islington().plans().stream().filter(p -> p.id().equals(babyPlan.id())).findFirst().orElseThrow();
    assertThat(stored.allocatedSocialWorker()).contains("sw-khan");
    assertThat(stored.linkedUnbornPlan()).isEqualTo(babyPlan.linkedUnbornPlan());
    assertThat(t.islington().upload(List.of(uploaded)).outcomes().get(0).status()).isEqualTo(Status.UNCHANGED);
  }

  @Test
  @DisplayName("An upload file is read from CSV; a malformed line is rejected, not dropped")
  void uploadFromCsv() {
    String csv =
        String.join(",", UploadCsv.COLUMNS) + "\n"
            + "CP-1," + child.value() + ",Alex,Smith,2018-03-04,CPPI,2024-05-01,,,sw-jones,\n"
            + "CP-2,only three,fields\n"
            + "U-3," + mother.value() + ",Jo,\"Smith, Jones\",1998-07-09,UCPI,2024-05-01,,2024-09-01,,\n";

    UploadReport report = t.islington().upload(new StringReader(csv));

    assertThat(report.outcomes())
        .extracting(RecordOutcome::lineNumber, RecordOutcome::status, RecordOutcome::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Status.ACCEPTED, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(2, Status.REJECTED, Optional.of(RejectionReason.MALFORMED_LINE)),
            org.assertj.core.groups.Tuple.tuple(3, Status.ACCEPTED, Optional.empty()));
    assertThat(t.islington().plans()).extracting(ProtectionPlan::allocatedSocialWorker)
        .containsExactly(Optional.of("sw-jones"), Optional.empty());
  }
}
