package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Fixtures.TestEngine;
import org.cpis.RecordOutcome.Status;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadRows;
import org.cpis.testkit.CpisArbitraries;
import org.cpis.testkit.UploadRow;

/** Design rule 5 through the engine: every record gets an outcome; the same file twice changes nothing. */
class UploadProperties {

  @Provide
  Arbitrary<List<UploadRecord>> files() {
    return EngineArbitraries.filesAboutTheChildren(12);
  }

  @Provide
  Arbitrary<List<UploadRow>> rows() {
    return CpisArbitraries.uploadFiles(15, 0.4);
  }

  @Property(tries = 100)
  void uploadingTheSameFileTwiceChangesNothing(
      @ForAll("files") List<UploadRecord> earlier, @ForAll("files") List<UploadRecord> file) {
    TestEngine t = new TestEngine();
    t.islington().upload(earlier);
    UploadReport first = t.islington().upload(file);
    List<ProtectionPlan> after = t.islington().plans();

    UploadReport second = t.islington().upload(file);

    assertThat(t.islington().plans()).isEqualTo(after);
    assertThat(second.accepted()).isZero();
    assertThat(second.fileOutcome()).as("unchanged records count as received").isEqualTo(first.fileOutcome());
    for (int i = 0; i < file.size(); i++) {
      RecordOutcome was = first.outcomes().get(i);
      RecordOutcome now = second.outcomes().get(i);
      assertThat(now.status()).isEqualTo(was.status() == Status.REJECTED ? Status.REJECTED : Status.UNCHANGED);
      assertThat(now.reason()).isEqualTo(was.reason());
    }
  }

  @Property(tries = 100)
  void everyRecordGetsOneOutcomeInOrderWithTheReasonItsProblemCalls(@ForAll("rows") List<UploadRow> rows) {
    TestEngine t = new TestEngine();

    UploadReport report = t.islington().upload(UploadRows.toRecords(rows));

    assertThat(report.outcomes()).extracting(RecordOutcome::lineNumber)
        .isEqualTo(rows.stream().map(UploadRow::lineNumber).collect(Collectors.toList()));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(report.outcomes().get(i).reason().map(RejectionReason::name)).isEqualTo(rows.get(i).expectedProblem());
    }
    assertThat(report.accepted() + report.unchanged() + report.rejected()).isEqualTo(rows.size());
    assertThat(t.islington().plans()).hasSize((int) report.outcomes().stream()
        .filter(o -> o.status() == Status.ACCEPTED && o.change().orElseThrow() != org.cpis.rules.Reconciliation.DELETE)
        .count());
  }

  @Property(tries = 100)
  void aFileWrittenAsCsvIsReadBackAsTheSameRecords(@ForAll("rows") List<UploadRow> rows) {
    List<UploadRecord> records = UploadRows.toRecords(rows);

    List<UploadRecord> read = UploadCsv.read(new StringReader(UploadCsv.write(records)));

    List<UploadRecord> blanksMissing = new ArrayList<>();
    for (UploadRecord r : records) {
      blanksMissing.add(withoutBlanks(r));
    }
    assertThat(read).isEqualTo(blanksMissing);
  }

  @Property(tries = 50)
  void aFileUploadedAsCsvGetsTheSameOutcomesAsItsRecords(@ForAll("rows") List<UploadRow> rows) {
    List<UploadRecord> records = UploadRows.toRecords(rows);

    UploadReport direct = new TestEngine().islington().upload(records);
    UploadReport csv = new TestEngine().islington().upload(new StringReader(UploadCsv.write(records)));

    assertThat(csv.outcomes()).isEqualTo(direct.outcomes());
  }

  private static UploadRecord withoutBlanks(UploadRecord r) {
    return UploadRecord.builder()
        .lineNumber(r.lineNumber())
        .localReference(present(r.localReference()))
        .nhsNumber(present(r.nhsNumber()))
        .givenName(present(r.givenName()))
        .familyName(present(r.familyName()))
        .dateOfBirth(present(r.dateOfBirth()))
        .planType(present(r.planType()))
        .startDate(present(r.startDate()))
        .endDate(present(r.endDate()))
        .expectedDeliveryDate(present(r.expectedDeliveryDate()))
        .allocatedSocialWorker(present(r.allocatedSocialWorker()))
        .action(present(r.action()))
        .build();
  }

  private static Optional<String> present(Optional<String> field) {
    return field.filter(s -> !s.isBlank());
  }
}
