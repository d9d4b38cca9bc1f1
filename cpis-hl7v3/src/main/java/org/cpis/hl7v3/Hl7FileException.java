package org.cpis.hl7v3;

import java.util.Optional;
import org.cpis.CpisException;

/**
 * An upload {@code File} that cannot be read at all, or that breaks a file-level rule of the
 * national service: nothing of it is applied, and its {@code FileResponse} says {@code CPF01}
 * ({@link FileResponseWriter#fileLevelError}). The message names the line and column where the
 * reader stopped, when there is one, and never an NHS number.
 */
public final class Hl7FileException extends CpisException {

  private static final long serialVersionUID = 1L;

  /** Why the file cannot be read. */
  public enum Reason {
    /** Not well-formed XML: not XML at all, or cut short (a truncated file). */
    NOT_WELL_FORMED,
    /** The document is not a CP-IS upload {@code File} in {@value Hl7V3#NAMESPACE}. */
    NOT_AN_UPLOAD_FILE,
    /** The document has a DTD: refused, so no entity is expanded and nothing external is read. */
    DTD_REFUSED,
    /** The file is larger than the reader's configured limit. */
    TOO_LARGE,
    /** A mandatory element or attribute of the file is missing or empty. */
    MISSING_MANDATORY_FIELD,
    /** The sending organisation has no emergency ({@code EC}) telephone. */
    MISSING_MANDATORY_TELECOM_TYPE,
    /** The sending organisation has more than one emergency ({@code EC}) telephone. */
    DUPLICATE_TELECOM_TYPE,
    /** The file's {@code transmissionQuantity} is not the number of its records. */
    RECORD_COUNT_MISMATCH,
    /** A value of the file header is not what its type allows. */
    INVALID_VALUE
  }

  private final Reason reason;
  private final int line;
  private final int column;
  private final String location;
  private final String fileId;

  Hl7FileException(Reason reason, String detail, int line, int column, String location) {
    this(reason, detail, line, column, location, null);
  }

  Hl7FileException(Reason reason, String detail, int line, int column, String location, String fileId) {
    super(
        "The upload File cannot be read (" + reason + "): " + masked(detail)
            + (line > 0 ? " at line " + line + ", column " + column : ""));
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.location = location;
    this.fileId = fileId;
  }

  /** The file's id, when the reader got as far as reading it. */
  public Optional<String> fileId() {
    return Optional.ofNullable(fileId);
  }

  /** The detail with anything that looks like an NHS number masked, as parser messages may quote text. */
  private static String masked(String detail) {
    return detail.replaceAll("\\b\\d{3}[ -]?\\d{3}[ -]?(\\d{4})\\b", "*** *** $1");
  }

  public Reason reason() {
    return reason;
  }

  /** The line where the reader stopped, from 1, or 0 when no line is known. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The XPath of the offending element, when the reader got that far. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
