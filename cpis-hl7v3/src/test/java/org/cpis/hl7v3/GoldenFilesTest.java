package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.hl7v3.Fixtures.ISLINGTON;
import static org.cpis.hl7v3.Fixtures.ISLINGTON_ODS;
import static org.cpis.hl7v3.Fixtures.NOW;
import static org.cpis.hl7v3.Fixtures.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.Cpis;
import org.cpis.UploadReport;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.Test;

/**
 * Golden files under {@code golden/}, written by hand from the schemas' element trees: each
 * validates against its schema, and the codec writes (or reads) exactly what it holds (compared
 * without the white space between tags, and without the comments).
 */
class GoldenFilesTest {

  static String golden(String name) {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document without its comments and the white space between tags. */
  static String structure(String xml) {
    return Fixtures.compact(xml.replaceAll("(?s)<!--.*?-->", ""));
  }

  @Test
  void theWriterWritesTheHandWrittenFile() {
    String golden = Schemas.valid(Schemas.Message.FILE, golden("file.xml"));
    List<UploadRecord> records =
        List.of(
            record(1, "C-0001/CPPI", "999 526 0182", "CPPI", "2024-11-04").endDate("2025-02-28").build(),
            record(2, "C-0002/LACI", "9991590838", "LACI", "2023-06-01")
                .givenName("Leo").familyName("Ahmed").dateOfBirth("2016-08-21").action("DELETE").build(),
            record(3, "M-0003/UCPI", "999-016-6137", "UCPI", "2025-01-15")
                .givenName("Grace").familyName("Bennett").dateOfBirth("1998-02-10").expectedDeliveryDate("2025-03-20").build());

    assertThat(structure(Hl7FileWriter.write(Fixtures.header("17", 3), records))).isEqualTo(structure(golden));
  }

  @Test
  void theReaderReadsAFileAsACouncilSendsIt() {
    LaUploadFile file = Fixtures.read(Schemas.valid(Schemas.Message.FILE, golden("file-as-sent.xml")));

    assertThat(file.header().fileId()).isEqualTo("18");
    assertThat(file.header().sender().emergencyTelecom().orElseThrow().number()).isEqualTo("02072260992");
    assertThat(file.header().sender().officeHoursTelecom()).isEqualTo(file.header().sender().emergencyTelecom());
    assertThat(Fixtures.SENDER.officeHoursTelecom().orElseThrow().uses()).containsExactly(Telecom.WORK_PLACE);
    assertThat(file.records()).extracting(FileRecord::position).containsExactly(1, 2);
    assertThat(file.records().get(0).plans()).hasSize(2);
    UploadRecord cpp = file.uploadRecords().get(0);
    UploadRecord lac = file.uploadRecords().get(1);
    assertThat(cpp.localReference()).contains("MOS-77/CPPI");
    assertThat(cpp.nhsNumber()).contains("9995260182");
    assertThat(cpp.givenName()).contains("Ava Rose");
    assertThat(cpp.dateOfBirth()).contains("2019-05-14");
    assertThat(cpp.startDate()).contains("2024-11-04");
    assertThat(cpp.endDate()).isEmpty();
    assertThat(lac.localReference()).contains("MOS-77/LACI");
    assertThat(lac.planType()).contains("LACI");
    assertThat(file.uploadRecords().get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void theAcknowledgementOfThatFileIsTheHandWrittenOne() {
    String golden = Schemas.valid(Schemas.Message.FILE_RESPONSE, golden("file-response.xml"));
    Cpis cpis = Fixtures.engine();
    LaUploadFile file = Fixtures.read(golden("file-as-sent.xml"));
    UploadReport report = cpis.localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());

    assertThat(structure(FileResponseWriter.write(file, report, ISLINGTON, NOW))).isEqualTo(structure(golden));
  }

  @Test
  void theAccessToServiceNotificationIsTheHandWrittenOne() {
    String golden = Schemas.valid(Schemas.Message.ACCESS_TO_SERVICE_NOTIFICATION, golden("access-to-service-notification.xml"));
    Instant accessed = Instant.parse("2025-03-03T10:15:00Z");
    AccessNotification n =
        AccessNotification.builder()
            .id(RecordId.of("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .accessEventId(RecordId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
            .subject(NhsNumber.parse("9995260182"))
            .planId(PlanId.of(ISLINGTON_ODS, "C-0001/CPPI"))
            .planType(PlanType.CHILD_PROTECTION_PLAN)
            .organisation(Organisation.of(OdsCode.of("RKE"), "Whittington Hospital"))
            .setting(CareSetting.EMERGENCY_DEPARTMENT)
            .accessor(Accessor.builder().userId("555000000101").name("Priya Shah").role("Staff Nurse").rbacActivityCode("B0168").build())
            .accessedAt(accessed)
            .deliveryStatus(DeliveryStatus.PENDING)
            .nextAttemptAt(accessed)
            .build();

    assertThat(structure(AccessToServiceNotificationWriter.write(n, ISLINGTON, "17", NOW))).isEqualTo(structure(golden));
  }

  @Test
  void theInactiveNhsNumberNotificationIsTheHandWrittenOne() {
    String golden = Schemas.valid(Schemas.Message.INACTIVE_NHS_NUMBER_NOTIFICATION, golden("inactive-nhs-number-notification.xml"));
    InactiveNhsNumber replaced =
        InactiveNhsNumber.builder()
            .nhsNumber(NhsNumber.parse("9995260182"))
            .localChildId("C-0001")
            .replacedBy(NhsNumber.parse("9991590838"))
            .uploadFileId("17")
            .build();

    assertThat(
            structure(
                InactiveNhsNumberNotificationWriter.write(
                    RecordId.of("C56A4180-65AA-42EC-A945-5FD21DEC0538"), ISLINGTON, List.of(replaced), NOW)))
        .isEqualTo(structure(golden));
  }

  @Test
  void theValidatorRejectsWhatTheSchemaForbids() {
    String withTemplateId =
        golden("file.xml").replace("<id extension=\"17\"/>", "<id extension=\"17\"/><templateId root=\"1.2\" extension=\"x\"/>");
    assertThat(Schemas.violation(Schemas.Message.FILE, withTemplateId)).isNotNull();
    assertThat(Schemas.violation(Schemas.Message.FILE, golden("file.xml").replace("202411040000", "20241104"))).isNotNull();
    assertThat(Schemas.violation(Schemas.Message.FILE_RESPONSE, golden("file-response.xml").replace("CPF03", "CPF07"))).isNotNull();
    assertThat(Optional.ofNullable(Schemas.violation(Schemas.Message.FILE, golden("file.xml")))).isEmpty();
  }
}
