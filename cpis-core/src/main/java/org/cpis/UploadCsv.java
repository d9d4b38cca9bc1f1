package org.cpis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cpis.rules.ImmutableUploadRecord;
import org.cpis.rules.UploadRecord;

/**
 * Reads and writes a local authority's upload file (design rule 5): CSV as RFC 4180 defines it
 * (written by Apache Commons CSV, and read by it unless the file holds no quote character at
 * all: such a file is read in one pass over its text, into the rows Commons CSV would give), a
 * header row naming the {@link #COLUMNS} (in any order, each once, case-insensitive, after an
 * optional byte-order mark), then one record per row. Rows end with LF, CRLF or CR; a quoted
 * field may hold commas, quotes ({@code ""}) and line breaks. A blank field is a missing value.
 *
 * <p>Records are numbered from 1 for the first row after the header, a row being what RFC 4180
 * calls a record (a quoted line break does not start a new row, a CRLF ends one row); an empty
 * row holds no record and is skipped, but still counted, so numbers match the file's rows. A row
 * with the wrong number of fields, text after a closing quote, or an unterminated quote becomes
 * a record with only its number, marked {@link UploadRecord#malformed()}, which the engine
 * rejects as {@link org.cpis.rules.RejectionReason#MALFORMED_LINE}: no row is dropped.
 *
 * <p>Null policy: no method accepts null; a null argument throws {@link NullPointerException}
 * naming the parameter. An {@link UploadFormatException}'s message is bounded and quotes at most
 * a short, digit-masked excerpt of what the file held.
 */
public final class UploadCsv {

  /**
   * The file's columns, in the order {@link #write(List)} writes them: each with its header name,
   * the record field it holds, and the builder's {@code String} setter a read value is set with.
   */
  private enum Column {
    LOCAL_REFERENCE("local_reference", UploadRecord::localReference, ImmutableUploadRecord.Builder::localReference),
    NHS_NUMBER("nhs_number", UploadRecord::nhsNumber, ImmutableUploadRecord.Builder::nhsNumber),
    GIVEN_NAME("given_name", UploadRecord::givenName, ImmutableUploadRecord.Builder::givenName),
    FAMILY_NAME("family_name", UploadRecord::familyName, ImmutableUploadRecord.Builder::familyName),
    DATE_OF_BIRTH("date_of_birth", UploadRecord::dateOfBirth, ImmutableUploadRecord.Builder::dateOfBirth),
    PLAN_TYPE("plan_type", UploadRecord::planType, ImmutableUploadRecord.Builder::planType),
    START_DATE("start_date", UploadRecord::startDate, ImmutableUploadRecord.Builder::startDate),
    END_DATE("end_date", UploadRecord::endDate, ImmutableUploadRecord.Builder::endDate),
    EXPECTED_DELIVERY_DATE("expected_delivery_date", UploadRecord::expectedDeliveryDate, ImmutableUploadRecord.Builder::expectedDeliveryDate),
    ALLOCATED_SOCIAL_WORKER("allocated_social_worker", UploadRecord::allocatedSocialWorker, ImmutableUploadRecord.Builder::allocatedSocialWorker),
    ACTION("action", UploadRecord::action, ImmutableUploadRecord.Builder::action);

    final String header;
    final Function<UploadRecord, Optional<String>> field;
    final BiConsumer<ImmutableUploadRecord.Builder, String> set;

    Column(
        String header,
        Function<UploadRecord, Optional<String>> field,
        BiConsumer<ImmutableUploadRecord.Builder, String> set) {
      this.header = header;
      this.field = field;
      this.set = set;
    }
  }

  /** The header's columns, in the order {@link #write(List)} writes them. */
  public static final List<String> COLUMNS =
      Arrays.stream(Column.values()).map(c -> c.header).collect(Collectors.toUnmodifiableList());

  private UploadCsv() {}

  /** The format read and written: RFC 4180, every empty row kept so that rows are counted. */
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setRecordSeparator('\n').get();

  /** How many characters {@link #text} reads at a time. */
  private static final int TEXT_BLOCK = 8192;

  /** The most header names an {@link UploadFormatException} quotes. */
  private static final int MAX_NAMES_QUOTED = 3;

  /**
   * The records of an upload file, one per non-empty row after the header, in file order.
   *
   * @param csv the file's text
   * @throws UploadFormatException if there is no header row, or it does not name exactly the
   *     {@link #COLUMNS}
   * @throws UncheckedIOException if the reader fails
   * @throws NullPointerException if {@code csv} is null
   */
  public static List<UploadRecord> read(Reader csv) {
    Objects.requireNonNull(csv, "csv");
    Rows rows = rows(text(csv));
    Row header = rows.next();
    if (header == null) {
      throw new UploadFormatException("The upload file is empty: it needs a header row");
    }
    int[] columnOf = columnPositions(header);
    List<UploadRecord> records = new ArrayList<>();
    int number = 0;
    for (Row row = rows.next(); row != null; row = rows.next()) {
      number++;
      if (row.isEmpty()) {
        continue;
      }
      if (row.malformed || row.fields.size() != COLUMNS.size()) {
        records.add(UploadRecord.builder().lineNumber(number).malformed(true).build());
        continue;
      }
      records.add(record(number, row.fields, columnOf));
    }
    return records;
  }

  /**
   * The upload file of these records: the header, then one row per record in the order of
   * {@link #COLUMNS}, quoted as RFC 4180 requires (a value holding a comma, a quote, a line break
   * or nothing but white space at either end is quoted), rows ending with LF. Reading it back
   * gives the same records, numbered from 1, provided no present field is blank.
   *
   * @param records the records to write, none null
   * @throws IllegalArgumentException if a record is malformed, having no fields to write
   * @throws NullPointerException if {@code records} is or holds null
   */
  public static String write(List<UploadRecord> records) {
    Objects.requireNonNull(records, "records");
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(COLUMNS);
      for (int i = 0; i < records.size(); i++) {
        int index = i;
        UploadRecord record = Objects.requireNonNull(records.get(i), () -> "records[" + index + "]");
        if (record.malformed()) {
          throw new IllegalArgumentException(
              "record " + record.lineNumber() + " is malformed and has no fields to write");
        }
        for (Column column : Column.values()) {
          printer.print(column.field.apply(record).orElse(null));
        }
        printer.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to a StringBuilder", e);
    }
    return out.toString();
  }

  private static int[] columnPositions(Row header) {
    Map<String, Integer> positions = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int i = 0; i < header.fields.size(); i++) {
      String name = header.fields.get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        unknown.add(name);
      } else if (positions.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    Set<String> missing = new LinkedHashSet<>(COLUMNS);
    missing.removeAll(positions.keySet());
    if (header.malformed || !unknown.isEmpty() || !repeated.isEmpty() || !missing.isEmpty()) {
      throw new UploadFormatException(
          "The upload file's header row must name each of the " + COLUMNS.size()
              + " columns of UploadCsv.COLUMNS once"
              + (header.malformed ? "; its quoting is broken" : "")
              + "; missing " + missing + ", repeated " + repeated
              + ", unknown " + names(unknown));
    }
    int[] columnOf = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      columnOf[i] = positions.get(COLUMNS.get(i));
    }
    return columnOf;
  }

  /**
   * The record of a row of {@link #COLUMNS}{@code .size()} fields, each column's field found at
   * {@code columnOf[column]}; a blank field is left missing, any other set with its column's
   * {@code String} setter (no {@code Optional} per field: this runs for every field of a file).
   */
  private static UploadRecord record(int number, List<String> fields, int[] columnOf) {
    ImmutableUploadRecord.Builder record = UploadRecord.builder().lineNumber(number);
    for (Column column : COLUMN_VALUES) {
      String value = fields.get(columnOf[column.ordinal()]);
      if (!value.isBlank()) {
        column.set.accept(record, value);
      }
    }
    return record.build();
  }

  /** {@link Column#values()}, made once rather than copied for every row. */
  private static final Column[] COLUMN_VALUES = Column.values();

  /** At most {@value #MAX_NAMES_QUOTED} names, each as a masked excerpt, and how many in all. */
  private static String names(Set<String> names) {
    return names.size() + " " + names.stream().limit(MAX_NAMES_QUOTED).map(Messages::excerpt)
        .collect(Collectors.joining(", ", "[", names.size() > MAX_NAMES_QUOTED ? ", \u2026]" : "]"));
  }

  /**
   * The whole text the reader gives, read in blocks into one builder (not a {@code StringWriter},
   * whose buffer locks on every write).
   */
  private static String text(Reader csv) {
    StringBuilder text = new StringBuilder(TEXT_BLOCK);
    char[] block = new char[TEXT_BLOCK];
    try {
      for (int n = csv.read(block); n != -1; n = csv.read(block)) {
        text.append(block, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload file", e);
    }
    return text.toString();
  }

  /**
   * The rows of a file's text. A text without a quote character has none of the quoting Commons
   * CSV is there for, and its rows are read in one pass ({@link PlainRows}, which reads what
   * Commons CSV reads: {@code UploadCsvPlainRowsProperties}); any other text, Commons CSV reads.
   */
  static Rows rows(String text) {
    return text.indexOf('"') == -1 ? new PlainRows(text) : new CommonsCsvRows(text);
  }

  /** One row of fields; malformed if a quote was not closed properly. */
  static final class Row {
    final List<String> fields = new ArrayList<>(COLUMNS.size());
    boolean malformed;

    boolean isEmpty() {
      return !malformed && fields.size() == 1 && fields.get(0).isEmpty();
    }
  }

  /** A file's rows, read one by one; the first is the header. */
  interface Rows {
    /** The next row, or null at the end of the text; it may change when the next is read. */
    Row next();
  }

  /**
   * The rows of a text that holds no quote character, as Commons CSV splits them with {@link
   * #FORMAT}: fields end at a comma, rows at LF, CRLF or CR, a row with no text is one empty
   * field, and a line break at the very end starts no row. No row is malformed: only quoting can
   * be broken. Each call gives the same {@link Row}, refilled: a row is read before the next.
   */
  static final class PlainRows implements Rows {
    private final String text;
    private final Row row = new Row();
    private int at;

    PlainRows(String text) {
      this.text = text;
      this.at = text.startsWith("\uFEFF") ? 1 : 0;
    }

    @Override
    public Row next() {
      int end = text.length();
      if (at == end) {
        return null;
      }
      Row row = this.row;
      row.fields.clear();
      int field = at;
      for (int i = at; ; i++) {
        if (i == end) {
          row.fields.add(text.substring(field));
          at = end;
          return row;
        }
        char c = text.charAt(i);
        if (c == ',') {
          row.fields.add(text.substring(field, i));
          field = i + 1;
        } else if (c == '\n' || c == '\r') {
          row.fields.add(text.substring(field, i));
          at = c == '\r' && i + 1 != end && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
          return row;
        }
      }
    }
  }

  /**
   * The file's rows, as Commons CSV splits them. Where it finds broken quoting it throws, having
   * read up to the offending character; the rest of that row is read as further records, which
   * are the same malformed row until one ends without an error.
   */
  static final class CommonsCsvRows implements Rows {
    private final Iterator<CSVRecord> records;

    /** Reads {@code text}, skipping one byte-order mark (U+FEFF) at its start. */
    CommonsCsvRows(String text) {
      try {
        Reader in = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
        records = CSVParser.builder().setReader(in).setFormat(FORMAT).get().iterator();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the upload file", e);
      }
    }

    @Override
    public Row next() {
      Row row = new Row();
      while (true) {
        try {
          if (!records.hasNext()) {
            return row.malformed ? row : null;
          }
          CSVRecord record = records.next();
          if (!row.malformed) {
            // by index: CSVRecord's iterator copies the row's values into a new list first
            for (int i = 0; i < record.size(); i++) {
              row.fields.add(record.get(i));
            }
          }
          return row;
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof CSVException)) {
            throw new UncheckedIOException("Could not read the upload file", e.getCause());
          }
          row.malformed = true;
        }
      }
    }
  }
}
