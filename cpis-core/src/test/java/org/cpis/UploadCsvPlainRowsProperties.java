package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.UploadCsv.CommonsCsvRows;
import org.cpis.UploadCsv.PlainRows;
import org.cpis.UploadCsv.Row;
import org.cpis.UploadCsv.Rows;
import org.cpis.rules.UploadRecord;

/**
 * A file without a quote character is read in one pass ({@link PlainRows}) instead of by Commons
 * CSV, which stays the reader of every file with quoting: the two read such a file into the same
 * rows, whatever its text (empty fields and rows, a trailing line break or none, LF, CRLF and CR,
 * a byte-order mark, white space, characters beyond ASCII).
 */
class UploadCsvPlainRowsProperties {

  /** The characters of a file without quotes, line ends and separators weighted up. */
  private static final String CHARACTERS = ",,,,\r\r\n\n\n\n  \tab1-\uFEFF\u00e9\u2028\u0000";

  @Provide
  Arbitrary<String> unquotedTexts() {
    return Arbitraries.strings().withChars(CHARACTERS).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> unquotedFiles() {
    Arbitrary<String> field = Arbitraries.strings().withChars("ab 1-\t\u00e9").ofMaxLength(4);
    Arbitrary<String> row = field.list().ofMinSize(1).ofMaxSize(12).map(fields -> String.join(",", fields));
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n", "\r");
    return row.list().ofMaxSize(6).flatMap(rows -> lineEnd.list().ofSize(rows.size()).flatMap(ends ->
        Arbitraries.of(true, false).map(trailingEnd -> {
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < rows.size(); i++) {
            text.append(rows.get(i));
            if (i < rows.size() - 1 || trailingEnd) {
              text.append(ends.get(i));
            }
          }
          return text.toString();
        })));
  }

  @Property(tries = 2000)
  void anyUnquotedTextReadsAsCommonsCsvReadsIt(@ForAll("unquotedTexts") String text) {
    assertThat(read(new PlainRows(text))).isEqualTo(read(new CommonsCsvRows(text)));
  }

  @Property(tries = 1000)
  void unquotedFilesOfRowsReadAsCommonsCsvReadsThem(@ForAll("unquotedFiles") String text) {
    assertThat(read(new PlainRows(text))).isEqualTo(read(new CommonsCsvRows(text)));
    assertThat(read(new PlainRows("\uFEFF" + text))).isEqualTo(read(new CommonsCsvRows("\uFEFF" + text)));
  }

  @Example
  void theEdgesReadAsCommonsCsvReadsThem() {
    for (String text :
        List.of("", "\uFEFF", "\n", "\r", "\r\n", "\r\r\n", "\n\r", "a", "a,", ",", ",\n", "a\r", "a\rb",
            "a,b\r\n\r\nc", "a\n\n", "\uFEFF\uFEFFa", " a , b ")) {
      assertThat(read(new PlainRows(text))).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(read(new CommonsCsvRows(text)));
    }
  }

  @Example
  void aFileWithAQuoteAnywhereIsReadByCommonsCsv() {
    String header = String.join(",", UploadCsv.COLUMNS);

    assertThat(UploadCsv.rows(header)).isInstanceOf(PlainRows.class);
    assertThat(UploadCsv.rows("\"" + header)).isInstanceOf(CommonsCsvRows.class);
    assertThat(UploadCsv.rows(header + "\n\"")).isInstanceOf(CommonsCsvRows.class);
  }

  @Example
  void aFileWithoutQuotesReadsAsTheSameRecordsThroughTheReader() {
    String text =
        "\uFEFF" + String.join(",", UploadCsv.COLUMNS) + "\r\n"
            + "CP-1,943 476 5919,Alex,Smith,2018-03-04,CPPI,2024-05-01,,, sw-1 ,\r\n"
            + "\r\n"
            + "CP-2,9434765919\n";

    List<UploadRecord> records = UploadCsv.read(new StringReader(text));

    assertThat(records).hasSize(2);
    assertThat(records.get(0).lineNumber()).isEqualTo(1);
    assertThat(records.get(0).localReference()).contains("CP-1");
    assertThat(records.get(0).allocatedSocialWorker()).contains(" sw-1 ");
    assertThat(records.get(0).endDate()).isEmpty();
    assertThat(records.get(1).lineNumber()).isEqualTo(3);
    assertThat(records.get(1).malformed()).isTrue();
  }

  /** Every row's fields, and "malformed" for a malformed row. */
  private static List<List<String>> read(Rows rows) {
    List<List<String>> read = new ArrayList<>();
    for (Row row = rows.next(); row != null; row = rows.next()) {
      List<String> fields = new ArrayList<>(row.fields);
      if (row.malformed) {
        fields.add("malformed");
      }
      read.add(fields);
    }
    return read;
  }
}
