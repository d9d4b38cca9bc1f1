package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.hl7v3.Fixtures.ISLINGTON;
import static org.cpis.hl7v3.Fixtures.ISLINGTON_ODS;
import static org.cpis.hl7v3.Fixtures.NOW;
import static org.cpis.hl7v3.Fixtures.record;

import java.util.List;
import org.cpis.Cpis;
import org.cpis.UploadReport;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.FileOutcome;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.Test;

class FileRoundTripTest {

  private final List<UploadRecord> day =
      List.of(
          record(1, "C-0001/CPPI", "999 526 0182", "CPPI", "2024-11-04").build(),
          record(2, "C-0002/LACI", "9991590838", "LACI", "2023-06-01").endDate("2025-02-28").build(),
          record(3, "M-0003/UCPI", "999-016-6137", "UCPI", "2025-01-15").dateOfBirth("1998-02-10").expectedDeliveryDate("2025-03-20").build());

  @Test
  void aFileWrittenFromRecordsReadsBackAsTheSameRecords() {
    LaUploadFile file = Fixtures.read(Fixtures.file("17", day));

    assertThat(file.header().fileId()).isEqualTo("17");
    assertThat(file.header().recordCount()).isEqualTo(3);
    assertThat(file.header().sender()).isEqualTo(Fixtures.SENDER);
    assertThat(file.header().creationTime()).isEqualTo(NOW);
    assertThat(file.records()).hasSize(3).allSatisfy(r -> assertThat(r.problem()).isEmpty());
    assertThat(file.uploadRecords())
        .extracting(UploadRecord::localReference, UploadRecord::nhsNumber, UploadRecord::startDate,
            UploadRecord::endDate, UploadRecord::expectedDeliveryDate, UploadRecord::dateOfBirth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(java.util.Optional.of("C-0001/CPPI"), java.util.Optional.of("9995260182"),
                java.util.Optional.of("2024-11-04"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("2019-05-14")),
            org.assertj.core.groups.Tuple.tuple(java.util.Optional.of("C-0002/LACI"), java.util.Optional.of("9991590838"),
                java.util.Optional.of("2023-06-01"), java.util.Optional.of("2025-02-28"), java.util.Optional.empty(), java.util.Optional.of("2019-05-14")),
            org.assertj.core.groups.Tuple.tuple(java.util.Optional.of("M-0003/UCPI"), java.util.Optional.of("9990166137"),
                java.util.Optional.of("2025-01-15"), java.util.Optional.empty(), java.util.Optional.of("2025-03-20"), java.util.Optional.of("1998-02-10")));
  }

  @Test
  void theEngineAppliesTheFileAndTheAcknowledgementValidates() {
    Cpis cpis = Fixtures.engine();
    LaUploadFile file = Fixtures.read(Fixtures.file("17", day));
    UploadReport report = cpis.localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());

    assertThat(report.fileOutcome()).isEqualTo(FileOutcome.SUCCESS);
    assertThat(cpis.localAuthority(ISLINGTON_ODS).plans())
        .extracting(ProtectionPlan::subject, ProtectionPlan::type)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(NhsNumber.parse("9995260182"), PlanType.CHILD_PROTECTION_PLAN),
            org.assertj.core.groups.Tuple.tuple(NhsNumber.parse("9991590838"), PlanType.LOOKED_AFTER_CHILD),
            org.assertj.core.groups.Tuple.tuple(NhsNumber.parse("9990166137"), PlanType.UNBORN_CHILD_PROTECTION_PLAN));
    String ack = Schemas.valid(Schemas.Message.FILE_RESPONSE, FileResponseWriter.write(file, report, ISLINGTON, NOW));
    assertThat(ack).contains("code=\"CPF02\"").contains("<value value=\"3\"/>");
  }

  @Test
  void aPlanAppliedUnderASupersededNumberIsAcknowledgedCpr05NamingItsReplacement() {
    Cpis cpis = Fixtures.engine();
    cpis.recordSuperseded(NhsNumber.parse("9995260182"), NhsNumber.parse("9434765919"), "pds-sync");
    LaUploadFile file = Fixtures.read(Fixtures.file("18", day));
    UploadReport report = cpis.localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());

    String ack = Schemas.valid(Schemas.Message.FILE_RESPONSE, FileResponseWriter.write(file, report, ISLINGTON, NOW));
    assertThat(report.fileOutcome()).isEqualTo(FileOutcome.SUCCESS);
    assertThat(ack.split("code=\"CPR05\"", -1)).as("one CPR05, for the superseded record only").hasSize(2);
    assertThat(ack.split("code=\"CPR06\"", -1)).as("the other two records succeed").hasSize(3);
    assertThat(ack).contains("accepted: INSERT; superseded by 9434765919");
  }

  @Test
  void whatAFileCannotCarryIsRefusedNamingTheRecordNeverDropped() {
    List<UploadRecord> cannot =
        List.of(
            record(1, "C-1/CPPI", "9995260182", "CPPI", "2150-01-01").build(),
            record(2, "C-2/CPPI", "9995260182", "CPPI", "2024-02-30").build(),
            record(3, "C-3/CPPI", "9995260182", "CPPI", "2024-01-01").dateOfBirth(java.util.Optional.empty()).build(),
            record(4, "M-4/UCPI", "9995260182", "UCPI", "2024-01-01").expectedDeliveryDate("2024-06-01").endDate("2024-05-01").build(),
            record(5, "C-5/CPPI", "9995260182", "CPPI", "2024-01-01").action("UPDATE").build());
    for (UploadRecord r : cannot) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hl7FileWriter.write(Fixtures.header("9", 1), List.of(r)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("record " + r.lineNumber() + " cannot be written as an HL7 V3 File")
          .hasMessageNotContaining("9995260182");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hl7FileWriter.write(Fixtures.header("9", 2), day))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("as many as its header says (2); these were 3");
  }
}
