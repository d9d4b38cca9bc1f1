package org.cpis.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/**
 * The audit log's export: one JSON object per line (JSON Lines), FHIR-free, with every field an
 * entry is hashed over, so that {@link AuditVerifier} can recompute the chain and the Merkle tree:
 *
 * <pre>{@code
 * {"sequence":1,"id":"…","at":"2025-03-01T10:15:30.123456Z","action":"CHECK","actor":"…",
 *  "organisation":"RAL01","setting":"EMERGENCY_DEPARTMENT","subject":"9434765919",
 *  "detail":"…","previousHash":"","hash":"…"}
 * }</pre>
 *
 * Absent optional fields are {@code null}. The subject is the full NHS number: the export is the
 * audit record itself, to be kept as carefully as the database. Written and read with the JDK
 * alone; the reader takes exactly this shape (a flat object of strings, one number and nulls).
 */
public final class AuditJsonLines {

  private static final List<String> FIELDS =
      List.of("sequence", "id", "at", "action", "actor", "organisation", "setting", "subject", "detail", "previousHash", "hash");

  private AuditJsonLines() {}

  /** A line that is not an exported audit entry. */
  public static final class FormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  /** The entry as one line of JSON, without the newline. */
  public static String write(AuditEntry e) {
    StringBuilder b = new StringBuilder(320);
    b.append("{\"sequence\":").append(e.sequence());
    field(b, "id", e.id().value());
    field(b, "at", e.at().toString());
    field(b, "action", e.action().name());
    field(b, "actor", e.actor());
    field(b, "organisation", e.organisation().map(OdsCode::value).orElse(null));
    field(b, "setting", e.setting().map(Enum::name).orElse(null));
    field(b, "subject", e.subject().map(NhsNumber::value).orElse(null));
    field(b, "detail", e.detail());
    field(b, "previousHash", e.previousHash());
    field(b, "hash", e.hash());
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    if (value == null) {
      b.append("null");
      return;
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /**
   * Reads one exported line.
   *
   * @throws FormatException if it is not an exported audit entry; the message says why, never
   *     quoting a value
   */
  public static AuditEntry read(String line) {
    Objects.requireNonNull(line, "line");
    Map<String, String> f = new Parser(line).object();
    if (!f.keySet().equals(new java.util.HashSet<>(FIELDS))) {
      throw new FormatException("an exported audit entry has exactly the fields " + FIELDS);
    }
    try {
      AuditRecord record =
          AuditRecord.builder()
              .id(RecordId.of(required(f, "id")))
              .at(Instant.parse(required(f, "at")))
              .action(AuditAction.valueOf(required(f, "action")))
              .actor(required(f, "actor"))
              .organisation(Optional.ofNullable(f.get("organisation")).map(OdsCode::of))
              .setting(Optional.ofNullable(f.get("setting")).map(CareSetting::valueOf))
              .subject(Optional.ofNullable(f.get("subject")).map(NhsNumber::parse))
              .detail(required(f, "detail"))
              .build();
      String sequence = required(f, "sequence");
      if (!sequence.matches("[1-9][0-9]{0,18}")) {
        throw new FormatException("an exported audit entry's sequence is a whole number from 1");
      }
      return AuditEntry.builder()
          .sequence(Long.parseLong(sequence))
          .record(record)
          .previousHash(required(f, "previousHash"))
          .hash(required(f, "hash"))
          .build();
    } catch (DateTimeParseException e) {
      throw new FormatException("an exported audit entry's time is not an ISO-8601 instant");
    } catch (FormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FormatException("an exported audit entry has an invalid field (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String required(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null) {
      throw new FormatException("an exported audit entry's " + name + " is not null");
    }
    return v;
  }

  /** A parser for one flat JSON object whose values are strings, whole numbers or null. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Map<String, String> object() {
      Map<String, String> fields = new LinkedHashMap<>();
      space();
      expect('{');
      space();
      if (peek() == '}') {
        i++;
      } else {
        while (true) {
          space();
          String name = string();
          space();
          expect(':');
          space();
          String value = value();
          if (fields.containsKey(name)) {
            throw new FormatException("an exported audit entry names a field twice");
          }
          fields.put(name, value);
          space();
          if (peek() == ',') {
            i++;
            continue;
          }
          expect('}');
          break;
        }
      }
      space();
      if (i != s.length()) {
        throw new FormatException("an exported audit entry is one JSON object, with nothing after it");
      }
      return fields;
    }

    private String value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      if (start == i) {
        throw new FormatException("an exported audit entry's values are strings, numbers or null (at column " + (i + 1) + ")");
      }
      return s.substring(start, i);
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw new FormatException("an exported audit entry has an unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw new FormatException("an exported audit entry's strings escape control characters");
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw new FormatException("an exported audit entry has an unterminated escape");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
              throw new FormatException("an exported audit entry has a bad \\u escape");
            }
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new FormatException("an exported audit entry has an unknown escape");
        }
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw new FormatException("an exported audit entry ends early");
      }
      return s.charAt(i);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new FormatException("an exported audit entry expects '" + c + "' at column " + (i + 1));
      }
      i++;
    }

    private void space() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }
  }
}
