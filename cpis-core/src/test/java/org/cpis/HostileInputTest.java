package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.RecordOutcome.Status;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9's hostile inputs, as an attacker or a broken feed sends them: each gets a typed
 * outcome, and none takes the service down for another child or another local authority.
 */
@DisplayName("Hostile input")
class HostileInputTest {

  private static final String HEADER = String.join(",", UploadCsv.COLUMNS);
  private final TestEngine t = new TestEngine();
  private final NhsNumber child = nhs(1);
  private final NhsNumber other = nhs(2);

  private UploadRecord withDates(String dateOfBirth, String start, String end) {
    return UploadRecord.builder()
        .from(cpp(1, "CP-1", child, LocalDate.of(2024, 5, 1), null))
        .dateOfBirth(dateOfBirth)
        .startDate(start)
        .endDate(Optional.ofNullable(end))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "-0001-01-01", "0000-01-01", "1899-12-31", "2200-01-01", "20240-05-01", "2024-02-30"})
  @DisplayName("A date outside the four-digit years 1900 to 2199 is rejected as an invalid date, in any date column, and nothing is stored")
  void outOfRangeDatesAreRejected(String date) {
    List<UploadRecord> file =
        List.of(
            withDates(date, "2024-05-01", null),
            UploadRecord.builder().from(withDates("2018-03-04", date, null)).lineNumber(2).localReference("CP-2").build(),
            UploadRecord.builder().from(withDates("2018-03-04", "2024-05-01", date)).lineNumber(3).localReference("CP-3").build());

    UploadReport report = t.islington().upload(file);

    assertThat(report.outcomes()).extracting(RecordOutcome::reason)
        .containsOnly(Optional.of(RejectionReason.INVALID_DATE));
    assertThat(t.islington().plans()).isEmpty();
  }

  @Test
  @DisplayName("After a file with a six-digit year, the child's check still shows the alert and purge still runs, years later")
  void oneBadDateTakesNothingDown() {
    t.islington().upload(List.of(
        withDates("+999999999-12-31", "2024-05-01", null),
        UploadRecord.builder().from(cpp(2, "CP-2", other, LocalDate.of(2024, 5, 1), null)).dateOfBirth("2018-03-04").build()));

    assertThat(t.cpis.health().check(check(other, Fixtures.ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).plans()).hasSize(1);
    t.clock.advance(java.time.Duration.ofDays(365 * 20));
    assertThat(t.cpis.purge().purgedOn()).isEqualTo(t.today());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CP\u00001", "CP\t1", "CP 1", "CP\u00e91", "CP\u20281"})
  @DisplayName("A local reference holding a NUL, a control character, a space or anything outside printable ASCII is rejected R15 and not stored")
  void controlCharactersInReferencesAreRejected(String reference) {
    UploadRecord record = UploadRecord.builder().from(cpp(1, "CP-1", child, LocalDate.of(2024, 5, 1), null)).localReference(reference).build();

    UploadReport report = t.islington().upload(new StringReader(UploadCsv.write(List.of(record))));

    assertThat(report.outcomes()).extracting(RecordOutcome::reason)
        .containsExactly(Optional.of(RejectionReason.INVALID_LOCAL_REFERENCE));
    assertThat(t.islington().plans()).isEmpty();
  }

  @Test
  @DisplayName("A 10 MB one-line header gives a message of at most 500 characters")
  void hugeHeaderGivesABoundedMessage() {
    String header = "x".repeat(10_000_000);

    assertThatThrownBy(() -> UploadCsv.read(new StringReader(header)))
        .isInstanceOf(UploadFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(Messages.MAX_MESSAGE_LENGTH));
  }

  @Test
  @DisplayName("A file with no header row never puts the first row's NHS number into the message")
  void headerlessFileMasksTheNhsNumber() {
    String row = "CP-1," + child.value() + ",Alex,Smith,2018-03-04,CPPI,2024-05-01,,,sw-jones,\n";
    String spaced = "CP-1,\"" + child.formatted() + "\",Alex,Smith,2018-03-04,CPPI,2024-05-01,,,sw-jones,\n";

    for (String file : List.of(row, spaced)) {
      assertThatThrownBy(() -> UploadCsv.read(new StringReader(file)))
          .isInstanceOf(UploadFormatException.class)
          .satisfies(e -> assertThat(e.getMessage().replaceAll("\\D", "")).doesNotContain(child.value()));
    }
  }

  @Test
  @DisplayName("A repeated header column is refused, naming it")
  void repeatedHeaderColumn() {
    assertThatThrownBy(() -> UploadCsv.read(new StringReader(HEADER + ",NHS_Number \n")))
        .isInstanceOf(UploadFormatException.class)
        .hasMessageContaining("repeated [nhs_number]");
  }

  @Test
  @DisplayName("A file with CR-only row ends keeps every character and numbers rows exactly")
  void crOnlyFile() {
    List<UploadRecord> records =
        UploadCsv.read(new StringReader(HEADER + "\rCP-1,9434765919,Alex,Smith,,CPPI,2024-05-01,,,,\r\rCP-3,,Jo,Jones,,LACI,2024-05-02,,,,\r"));

    assertThat(records).extracting(UploadRecord::lineNumber, UploadRecord::localReference, UploadRecord::startDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Optional.of("CP-1"), Optional.of("2024-05-01")),
            org.assertj.core.groups.Tuple.tuple(3, Optional.of("CP-3"), Optional.of("2024-05-02")));
  }

  @Test
  @DisplayName("A CRLF file after a byte-order mark, with a quoted line break, numbers rows exactly as an LF file does")
  void crlfFileNumbersRowsExactly() {
    String lf = HEADER + "\nCP-1,,\"two\nlines\",,,CPPI,2024-05-01,,,,\n\nbroken\nCP-4,,,,,CPPI,2024-05-01,,,,\n";
    String crlf = "\uFEFF" + lf.replace("\n", "\r\n");

    List<UploadRecord> fromLf = UploadCsv.read(new StringReader(lf));
    List<UploadRecord> fromCrlf = UploadCsv.read(new StringReader(crlf));

    assertThat(fromLf).extracting(UploadRecord::lineNumber).containsExactly(1, 3, 4);
    assertThat(fromCrlf).extracting(UploadRecord::lineNumber).containsExactly(1, 3, 4);
    assertThat(fromCrlf.get(0).givenName()).contains("two\r\nlines");
    assertThat(fromCrlf.get(1).malformed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {",", "\"", "\n", "\r", " lead", "trail "})
  @DisplayName("The writer quotes a value holding only a comma, a quote or a line break, and reading it back gives the value")
  void writerQuotesAsRfc4180Requires(String value) {
    UploadRecord record =
        UploadRecord.builder().lineNumber(1).localReference("CP-1").givenName(value).familyName("Smith").build();

    String file = UploadCsv.write(List.of(record));

    assertThat(file.split("\n", 2)[1]).startsWith("CP-1,,\"");
    assertThat(UploadCsv.read(new StringReader(file)).get(0).givenName())
        .isEqualTo(value.isBlank() ? Optional.empty() : Optional.of(value));
  }

  @Test
  @DisplayName("Null arguments from the issue throw NullPointerException naming the parameter")
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> UploadCsv.read(null)).isInstanceOf(NullPointerException.class).hasMessage("csv");
    assertThatThrownBy(() -> UploadCsv.write(null)).isInstanceOf(NullPointerException.class).hasMessage("records");
    assertThatThrownBy(() -> t.islington().upload((java.io.Reader) null)).isInstanceOf(NullPointerException.class).hasMessage("csv");
    java.util.List<UploadRecord> withNull = new java.util.ArrayList<>();
    withNull.add(cpp(1, "CP-1", child, LocalDate.of(2024, 5, 1), null));
    withNull.add(null);
    assertThatThrownBy(() -> t.islington().upload(withNull)).isInstanceOf(NullPointerException.class).hasMessage("records[1]");
    assertThatThrownBy(() -> UploadCsv.write(withNull)).isInstanceOf(NullPointerException.class).hasMessage("records[1]");
    java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> t.cpis.startDispatcher(executor, null)).isInstanceOf(NullPointerException.class).hasMessage("interval");
    } finally {
      executor.shutdownNow();
    }
    assertThat(t.islington().plans()).isEmpty();
  }

  @Test
  @DisplayName("A rejected record's outcome keeps the upload going: the good records of the same file are accepted")
  void badRecordsDoNotStopGoodOnes() {
    UploadReport report = t.islington().upload(List.of(
        withDates("-0001-01-01", "2024-05-01", null),
        UploadRecord.builder().from(cpp(2, "CP-2", other, LocalDate.of(2024, 5, 1), null)).build()));

    assertThat(report.outcomes()).extracting(RecordOutcome::status).containsExactly(Status.REJECTED, Status.ACCEPTED);
  }
}
