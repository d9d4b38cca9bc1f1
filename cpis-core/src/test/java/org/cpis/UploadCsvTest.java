package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading an upload file")
class UploadCsvTest {

  private static final String HEADER = String.join(",", UploadCsv.COLUMNS);

  private static List<UploadRecord> read(String text) {
    return UploadCsv.read(new StringReader(text));
  }

  @Test
  @DisplayName("Quoted fields may hold commas, doubled quotes and line breaks; rows may end with CRLF")
  void quoting() {
    List<UploadRecord> records =
        read(HEADER + "\r\n\"CP,1\",9434765919,\"Alex \"\"Al\"\"\",\"Smith\nJones\",,CPPI,2024-05-01,,,,\r\n");

    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.localReference()).contains("CP,1");
      assertThat(r.givenName()).contains("Alex \"Al\"");
      assertThat(r.familyName()).contains("Smith\nJones");
      assertThat(r.malformed()).isFalse();
    });
  }

  @Test
  @DisplayName("A blank field is a missing value")
  void blankIsMissing() {
    UploadRecord r = read(HEADER + "\nCP-1,  ,,Smith,,CPPI,2024-05-01,,,,\n").get(0);

    assertThat(r.nhsNumber()).isEmpty();
    assertThat(r.givenName()).isEmpty();
    assertThat(r.familyName()).contains("Smith");
    assertThat(r.action()).isEmpty();
  }

  @Test
  @DisplayName("The header may name the columns in any order and case, after a byte-order mark")
  void headerInAnyOrder() {
    String header = "\uFEFFACTION," + String.join(",", UploadCsv.COLUMNS.subList(0, 10));
    UploadRecord r = read(header + "\nDELETE,CP-9,,,,,,,,,\n").get(0);

    assertThat(r.action()).contains("DELETE");
    assertThat(r.localReference()).contains("CP-9");
  }

  @Test
  @DisplayName("A file without its header is refused as a whole with a typed error")
  void badHeader() {
    assertThatThrownBy(() -> read("")).isInstanceOf(UploadFormatException.class);
    assertThatThrownBy(() -> read("local_reference,nhs_number\nCP-1,9434765919\n"))
        .isInstanceOf(UploadFormatException.class)
        .hasMessageContaining("plan_type");
    assertThatThrownBy(() -> read(HEADER + ",colour\n")).isInstanceOf(UploadFormatException.class).hasMessageContaining("colour");
  }

  @Test
  @DisplayName("A malformed row becomes a malformed record with its number; an empty row is skipped but counted")
  void malformedRows() {
    List<UploadRecord> records =
        read(
            HEADER + "\n"
                + "CP-1,,,,,CPPI,2024-05-01,,,,\n"
                + "\n"
                + "too,few\n"
                + "\"CP-4\"x,,,,,CPPI,2024-05-01,,,,\n"
                + "CP-5,,,,,CPPI,2024-05-01,,,,\n"
                + "\"CP-6,never closed\n");

    assertThat(records).extracting(UploadRecord::lineNumber, UploadRecord::malformed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(3, true),
            org.assertj.core.groups.Tuple.tuple(4, true),
            org.assertj.core.groups.Tuple.tuple(5, false),
            org.assertj.core.groups.Tuple.tuple(6, true));
    assertThat(records.get(1).localReference()).isEmpty();
  }

  @Test
  @DisplayName("A file written by UploadCsv reads back as the same records")
  void writesWhatItReads() {
    UploadRecord r =
        UploadRecord.builder()
            .lineNumber(1)
            .localReference("CP \"1\", a")
            .nhsNumber("943 476 5919")
            .familyName("O'Neil\r\nSmith")
            .planType("CPPI")
            .startDate("2024-05-01")
            .build();

    assertThat(read(UploadCsv.write(List.of(r, UploadRecord.builder().from(r).lineNumber(2).action(Optional.of("DELETE")).build()))))
        .containsExactly(r, UploadRecord.builder().from(r).lineNumber(2).action("DELETE").build());
  }
}
