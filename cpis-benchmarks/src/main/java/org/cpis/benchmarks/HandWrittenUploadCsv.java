package org.cpis.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpis.rules.ImmutableUploadRecord;
import org.cpis.rules.UploadRecord;

/**
 * The hand-written reader that {@code org.cpis.UploadCsv} used before it moved to Apache Commons
 * CSV, kept unchanged (less its writer) as the baseline of {@link UploadCsvBenchmark}.
 */
final class HandWrittenUploadCsv {
  /**
   * The file's columns, in the order the file is written: each with its header name,
   * the record field it holds, and how a read value is set on a record.
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
    final BiConsumer<ImmutableUploadRecord.Builder, Optional<String>> set;

    Column(
        String header,
        Function<UploadRecord, Optional<String>> field,
        BiConsumer<ImmutableUploadRecord.Builder, Optional<String>> set) {
      this.header = header;
      this.field = field;
      this.set = set;
    }
  }

  /** The header's columns, in the order the file is written. */
  static final List<String> COLUMNS =
      Arrays.stream(Column.values()).map(c -> c.header).collect(Collectors.toUnmodifiableList());

  private HandWrittenUploadCsv() {}

  /**
   * The records of an upload file, one per non-empty row after the header, in file order.
   *
   * @throws IllegalArgumentException if there is no header row, or it does not name exactly the
   *     {@link #COLUMNS}
   * @throws UncheckedIOException if the reader fails
   */
  static List<UploadRecord> read(Reader csv) {
    Rows rows = new Rows(csv instanceof BufferedReader ? csv : new BufferedReader(csv));
    Row header = rows.next();
    if (header == null) {
      throw new IllegalArgumentException("The upload file is empty: it needs a header row");
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

  private static int[] columnPositions(Row header) {
    Map<String, Integer> positions = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int i = 0; i < header.fields.size(); i++) {
      String name = header.fields.get(i).trim().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (!COLUMNS.contains(name)) {
        unknown.add(name);
      } else if (positions.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    Set<String> missing = new LinkedHashSet<>(COLUMNS);
    missing.removeAll(positions.keySet());
    if (header.malformed || !unknown.isEmpty() || !repeated.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException(
          "The upload file's header must name each of " + COLUMNS + " once; missing "
              + missing + ", unknown " + unknown + ", repeated " + repeated);
    }
    int[] columnOf = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      columnOf[i] = positions.get(COLUMNS.get(i));
    }
    return columnOf;
  }

  private static UploadRecord record(int number, List<String> fields, int[] columnOf) {
    ImmutableUploadRecord.Builder record = UploadRecord.builder().lineNumber(number);
    for (Column column : Column.values()) {
      String value = fields.get(columnOf[column.ordinal()]);
      column.set.accept(record, value.isBlank() ? Optional.empty() : Optional.of(value));
    }
    return record.build();
  }

  /** One row of fields; malformed if a quote was not closed properly. */
  private static final class Row {
    final List<String> fields = new ArrayList<>();
    boolean malformed;

    boolean isEmpty() {
      return !malformed && fields.size() == 1 && fields.get(0).isEmpty();
    }
  }

  /** Splits the text into rows of fields, RFC 4180 style. */
  private static final class Rows {
    private static final int END = -1;
    private final Reader in;
    private int pushedBack = -2;

    Rows(Reader in) {
      this.in = in;
    }

    private int read() {
      if (pushedBack != -2) {
        int c = pushedBack;
        pushedBack = -2;
        return c;
      }
      try {
        return in.read();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the upload file", e);
      }
    }

    /** The next row, or null at the end of the text. */
    Row next() {
      int c = read();
      if (c == END) {
        return null;
      }
      Row row = new Row();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean afterQuote = false;
      boolean fieldStart = true;
      while (true) {
        if (quoted) {
          if (c == END) {
            row.malformed = true;
            row.fields.add(field.toString());
            return row;
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              afterQuote = true;
              c = d;
              continue;
            }
          } else {
            field.append((char) c);
          }
          c = read();
          continue;
        }
        if (c == ',' ) {
          row.fields.add(field.toString());
          field.setLength(0);
          fieldStart = true;
          afterQuote = false;
        } else if (c == '\n' || c == '\r' || c == END) {
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              pushedBack = d;
            }
          }
          row.fields.add(field.toString());
          return row;
        } else if (afterQuote) {
          row.malformed = true;
          field.append((char) c);
        } else if (c == '"' && fieldStart) {
          quoted = true;
          fieldStart = false;
        } else {
          field.append((char) c);
          fieldStart = false;
        }
        c = read();
      }
    }
  }
}
