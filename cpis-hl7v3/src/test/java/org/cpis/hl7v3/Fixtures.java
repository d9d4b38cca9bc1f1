package org.cpis.hl7v3;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cpis.Cpis;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.rules.ImmutableUploadRecord;
import org.cpis.rules.UploadRecord;
import org.cpis.store.inmemory.InMemoryCpisStore;

/** One local authority, one moment, and an engine on the in-memory store. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2025-03-03T07:30:00Z");

  static final OdsCode ISLINGTON_ODS = OdsCode.of("206");

  static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(ISLINGTON_ODS)
          .name("Islington")
          .officeHoursPhone("020 7527 7400")
          .emergencyDutyPhone("020 7226 0992")
          .build();

  static final SendingOrganisation SENDER =
      SendingOrganisation.builder()
          .odsCode(ISLINGTON_ODS)
          .name("Islington")
          .addTelecoms(
              Telecom.builder().addUses(Telecom.WORK_PLACE).value("tel:02075277400").build(),
              Telecom.builder().addUses(Telecom.EMERGENCY).value("tel:02072260992").build())
          .build();

  private Fixtures() {}

  static FileHeader header(String fileId, int records) {
    return FileHeader.builder().fileId(fileId).creationTime(NOW).recordCount(records).sender(SENDER).build();
  }

  /** An engine on a fresh in-memory store with Islington registered, its clock at {@link #NOW}. */
  static Cpis engine() {
    return engine(n -> {});
  }

  /** The same, delivering notifications to {@code notifier}. */
  static Cpis engine(org.cpis.Notifier notifier) {
    Cpis cpis =
        Cpis.builder().store(new InMemoryCpisStore()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).notifier(notifier).build();
    cpis.registerLocalAuthority(ISLINGTON);
    return cpis;
  }

  static LaUploadFile read(String xml) {
    return Hl7FileReader.create().read(stream(xml));
  }

  /** The XML without the white space between tags, to compare structure regardless of indentation. */
  static String compact(String xml) {
    return xml.replaceAll(">\\s+<", "><").strip();
  }

  static ByteArrayInputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** A File of these records, validated against the national schema. */
  static String file(String fileId, List<UploadRecord> records) {
    return Schemas.valid(Schemas.Message.FILE, Hl7FileWriter.write(header(fileId, records.size()), records));
  }

  static ImmutableUploadRecord.Builder record(int line, String reference, String nhs, String type, String start) {
    return UploadRecord.builder()
        .lineNumber(line)
        .localReference(reference)
        .nhsNumber(nhs)
        .givenName("Ava")
        .familyName("Thompson")
        .dateOfBirth("2019-05-14")
        .planType(type)
        .startDate(start);
  }
}
