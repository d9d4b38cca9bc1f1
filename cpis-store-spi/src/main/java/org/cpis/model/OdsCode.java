package org.cpis.model;

import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An Organisation Data Service code: identifies a local authority ({@code 714}) or a health
 * organisation or site ({@code RAL01}). Three to ten upper-case letters or digits.
 */
@Value.Immutable(builder = false, copy = false)
public abstract class OdsCode implements Comparable<OdsCode> {

  private static final Pattern FORM = Pattern.compile("[A-Z0-9]{3,10}");

  @Value.Parameter
  public abstract String value();

  /**
   * The ODS code written as {@code text}, upper-cased.
   *
   * @throws IllegalArgumentException if it is not three to ten letters or digits
   */
  public static OdsCode of(String text) {
    if (text == null) {
      throw new IllegalArgumentException("An ODS code is required");
    }
    return ImmutableOdsCode.of(text.trim().toUpperCase(java.util.Locale.ROOT));
  }

  @Value.Check
  protected void check() {
    if (!FORM.matcher(value()).matches()) {
      throw new IllegalArgumentException(
          "An ODS code is 3 to 10 letters or digits; got " + value().length() + " characters");
    }
  }

  @Override
  public int compareTo(OdsCode other) {
    return this == other ? 0 : value().compareTo(other.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
