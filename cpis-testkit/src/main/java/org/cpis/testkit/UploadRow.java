package org.cpis.testkit;

import java.util.Optional;
import org.cpis.model.CpisStyle;
import org.immutables.value.Value;

/**
 * One generated row of a local authority's upload file (design rule 5), as text, in the shape of
 * {@code org.cpis.rules.UploadRecord} in cpis-core (which the test kit cannot see): the same
 * fields with the same names, so that a test maps one to the other field by field.
 *
 * <p>{@link #expectedProblem()} says how the generator broke the row: empty for a row that should
 * be accepted, otherwise the name of the {@code RejectionReason} it should get, e.g. {@code
 * INVALID_NHS_NUMBER}. A generated bad row is broken in exactly one way.
 *
 * <p>{@link #toString()} leaves the NHS number out, because a generated row may hold a valid one.
 */
@CpisStyle
@Value.Immutable
public abstract class UploadRow {

  /** The row's position in its file, from 1. */
  public abstract int lineNumber();

  public abstract Optional<String> localReference();

  public abstract Optional<String> nhsNumber();

  public abstract Optional<String> givenName();

  public abstract Optional<String> familyName();

  public abstract Optional<String> dateOfBirth();

  public abstract Optional<String> planType();

  public abstract Optional<String> startDate();

  public abstract Optional<String> endDate();

  public abstract Optional<String> expectedDeliveryDate();

  public abstract Optional<String> allocatedSocialWorker();

  public abstract Optional<String> action();

  /**
   * The name of the {@code RejectionReason} the row should get, or empty when it should be
   * accepted. Not part of the upload: a hint for the test.
   */
  public abstract Optional<String> expectedProblem();

  /** Whether the generator meant the row to be accepted. */
  public boolean isGood() {
    return expectedProblem().isEmpty();
  }

  public static ImmutableUploadRow.Builder builder() {
    return ImmutableUploadRow.builder();
  }

  @Override
  public String toString() {
    return "UploadRow{line="
        + lineNumber()
        + ", reference="
        + localReference().orElse("")
        + ", expectedProblem="
        + expectedProblem().orElse("none")
        + '}';
  }
}
