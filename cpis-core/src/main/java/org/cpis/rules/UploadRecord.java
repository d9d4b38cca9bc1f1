package org.cpis.rules;

import java.util.Optional;
import org.cpis.model.InvalidIdentifierException;
import org.immutables.value.Value;

/**
 * One record of a local authority's upload, as sent: every field is text and any may be missing
 * or wrong. {@link UploadValidation} turns it into a plan change or a typed rejection. Blank text
 * counts as missing. Dates are ISO-8601 ({@code 2024-03-31}).
 */
@Value.Immutable
public abstract class UploadRecord {

  /** The record's position in its file, from 1, for the report. */
  public abstract int lineNumber();

  /** The local authority's own reference for the plan. */
  public abstract Optional<String> localReference();

  /** The child's NHS number, or for an unborn plan the mother's. */
  public abstract Optional<String> nhsNumber();

  public abstract Optional<String> givenName();

  public abstract Optional<String> familyName();

  /** The subject's date of birth (for an unborn plan, the mother's). */
  public abstract Optional<String> dateOfBirth();

  /** {@code CPPI}, {@code LACI} or {@code UCPI}. */
  public abstract Optional<String> planType();

  public abstract Optional<String> startDate();

  public abstract Optional<String> endDate();

  public abstract Optional<String> expectedDeliveryDate();

  public abstract Optional<String> allocatedSocialWorker();

  /** {@code DELETE} removes a plan uploaded in error; blank means add or update. */
  public abstract Optional<String> action();

  /**
   * Whether the line could not be read as a record (e.g. the wrong number of columns); such a
   * record is rejected as {@link RejectionReason#MALFORMED_LINE}, never dropped.
   */
  @Value.Default
  public boolean malformed() {
    return false;
  }

  public static ImmutableUploadRecord.Builder builder() {
    return ImmutableUploadRecord.builder();
  }

  /**
   * The text of an optional field, stripped of white space, if it is not blank ({@link
   * String#isBlank()}: Unicode white space such as U+2003 counts, not only ASCII).
   */
  public static Optional<String> present(Optional<String> field) {
    return Optional.ofNullable(presentText(field));
  }

  /**
   * {@link #present} without an {@code Optional}: the stripped text, or null if the field is
   * missing or blank. Validation reads every field of every record through it.
   */
  static String presentText(Optional<String> field) {
    if (field.isEmpty()) {
      return null;
    }
    String text = field.get().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * Shows the line and the local reference only if it is a valid identifier (else its length),
   * never the NHS number or other text this record may hold unvalidated.
   */
  @Override
  public String toString() {
    String reference =
        localReference()
            .map(r -> InvalidIdentifierException.isValid(r) ? r : "(" + r.length() + " characters)")
            .orElse("");
    return "UploadRecord{line=" + lineNumber() + ", reference=" + reference + '}';
  }
}
