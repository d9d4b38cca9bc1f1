package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.hl7v3.Fixtures.ISLINGTON;
import static org.cpis.hl7v3.Fixtures.ISLINGTON_ODS;
import static org.cpis.hl7v3.Fixtures.NOW;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Cpis;
import org.cpis.RecordOutcome;
import org.cpis.UploadCsv;
import org.cpis.UploadReport;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadRows;
import org.cpis.testkit.CpisArbitraries;
import org.cpis.testkit.UploadRow;

/**
 * Properties over the test kit's generated upload files ({@link CpisArbitraries#uploadFiles}),
 * made into what a File can carry: every record with a name and date of birth, an unborn plan's
 * end date only as its expected delivery date, references {@code <id>/<plan code>}; records the
 * File cannot carry at all (no plan type, no start date, a date that is no date…) left out.
 */
@net.jqwik.api.lifecycle.AddLifecycleHook(Schemas.SkipWhenAbsent.class)
class Hl7UploadProperties {

  @Provide
  Arbitrary<List<UploadRecord>> files() {
    return CpisArbitraries.uploadFiles(25, 0.3).map(Hl7UploadProperties::carriable).filter(f -> !f.isEmpty());
  }

  /** A CSV upload read, written as a File and read back is applied exactly as the CSV is. */
  @Property(tries = 60)
  void aCsvUploadSentAsAFileGivesTheSamePlansAndOutcomes(@ForAll("files") List<UploadRecord> records) {
    List<UploadRecord> csv = UploadCsv.read(new StringReader(UploadCsv.write(records)));
    LaUploadFile file = Fixtures.read(Fixtures.file("1", csv));
    assertThat(file.uploadRecords()).hasSize(csv.size());

    Cpis byCsv = Fixtures.engine();
    Cpis byHl7 = Fixtures.engine();
    UploadReport csvReport = byCsv.localAuthority(ISLINGTON_ODS).upload(csv);
    UploadReport hl7Report = byHl7.localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());

    assertThat(outcomes(hl7Report)).isEqualTo(outcomes(csvReport));
    assertThat(withoutSocialWorker(byHl7.localAuthority(ISLINGTON_ODS).plans()))
        .isEqualTo(withoutSocialWorker(byCsv.localAuthority(ISLINGTON_ODS).plans()));
  }

  /** Every acknowledgement validates, with one CPR06 per plan applied or unchanged, the others mapped. */
  @Property(tries = 40)
  void theAcknowledgementAccountsForEveryPlan(@ForAll("files") List<UploadRecord> records) {
    LaUploadFile file = Fixtures.read(Fixtures.file("2", records));
    UploadReport report = Fixtures.engine().localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());
    String ack = Schemas.valid(Schemas.Message.FILE_RESPONSE, FileResponseWriter.write(file, report, ISLINGTON, NOW));

    assertThat(count(ack, "<acknowledgementRecordDetail>")).isEqualTo(records.size());
    assertThat(count(ack, "code=\"CPR06\"")).isEqualTo(report.accepted() + report.unchanged());
    assertThat(ack).contains("code=\"" + FileResponseCode.of(report.fileOutcome()) + "\"");
    for (RecordOutcome o : report.outcomes()) {
      o.reason().ifPresent(r -> assertThat(ack).contains("code=\"" + RecordResponseCode.of(r) + "\""));
    }
  }

  /** The same File twice changes nothing: every plan not rejected comes back unchanged. */
  @Property(tries = 40)
  void theSameFileTwiceGivesAnAllUnchangedAcknowledgement(@ForAll("files") List<UploadRecord> records) {
    Cpis cpis = Fixtures.engine();
    String xml = Fixtures.file("3", records);
    Acknowledgement first = Hl7Uploads.receive(cpis, ISLINGTON_ODS, Fixtures.stream(xml));
    List<ProtectionPlan> plans = cpis.localAuthority(ISLINGTON_ODS).plans();
    Acknowledgement second = Hl7Uploads.receive(cpis, ISLINGTON_ODS, Fixtures.stream(xml));
    Schemas.valid(Schemas.Message.FILE_RESPONSE, second.fileResponse());

    UploadReport again = second.report().orElseThrow();
    assertThat(again.accepted()).isZero();
    assertThat(count(second.fileResponse(), "<originalText>unchanged</originalText>"))
        .isEqualTo(records.size() - again.rejected());
    assertThat(second.fileCode()).isEqualTo(first.fileCode());
    assertThat(cpis.localAuthority(ISLINGTON_ODS).plans()).isEqualTo(plans);
  }

  private static List<String> outcomes(UploadReport report) {
    return report.outcomes().stream()
        .map(o -> o.lineNumber() + " " + o.status() + " " + o.reason().map(Enum::name).orElse("") + " " + o.change().map(Enum::name).orElse(""))
        .collect(Collectors.toList());
  }

  private static List<ProtectionPlan> withoutSocialWorker(List<ProtectionPlan> plans) {
    return plans.stream()
        .map(p -> ProtectionPlan.builder().from(p).allocatedSocialWorker(Optional.empty()).build())
        .collect(Collectors.toList());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The rows as records a File can carry, numbered again from 1. */
  static List<UploadRecord> carriable(List<UploadRow> rows) {
    List<UploadRecord> out = new ArrayList<>();
    for (UploadRow row : rows) {
      UploadRecord r = UploadRows.toRecord(row);
      Optional<PlanType> type = UploadRecord.present(r.planType()).flatMap(PlanType::fromCode);
      org.cpis.rules.ImmutableUploadRecord.Builder b = UploadRecord.builder().from(r).lineNumber(out.size() + 1);
      if (UploadRecord.present(r.givenName()).isEmpty()) {
        b.givenName("Amelia");
      }
      if (UploadRecord.present(r.familyName()).isEmpty()) {
        b.familyName("Smith");
      }
      if (UploadRecord.present(r.dateOfBirth()).isEmpty()) {
        b.dateOfBirth("2015-06-01");
      }
      if (type.filter(PlanType::isUnborn).isPresent()) {
        b.endDate(Optional.empty());
      }
      UploadRecord.present(r.localReference())
          .ifPresent(ref -> b.localReference(ref + "/" + type.map(PlanType::code).orElse("")));
      UploadRecord candidate = b.build();
      if (Hl7FileWriter.writable(candidate)) {
        out.add(candidate);
      }
    }
    return out;
  }
}
