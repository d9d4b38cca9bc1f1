package org.cpis.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A valid NHS number: ten digits whose tenth is the Modulus 11 check digit of the first nine
 * (NHS Data Dictionary, "NHS Number").
 *
 * <p>An NHS number identifies a child, so {@link #toString()} shows it masked ({@code *** ***
 * 5919}); the full value is only returned by {@link #value()} and {@link #formatted()}, which a
 * caller asks for explicitly. Parse errors never repeat the input.
 */
public final class NhsNumber implements Serializable, Comparable<NhsNumber> {

  /** 2: the digits are held as a number since issue 14; a stream of the String form is refused. */
  private static final long serialVersionUID = 2L;
  private static final int LENGTH = 10;

  /** The ten digits as a number (leading zeros kept by {@link #value()}): 8 bytes per number held. */
  private final long digits;

  private NhsNumber(long digits) {
    this.digits = digits;
  }

  /**
   * Parses an NHS number written as ten digits ({@code 9434765919}) or as 3-3-4 groups separated
   * by single spaces ({@code 943 476 5919}) or single hyphens ({@code 943-476-5919}).
   *
   * @throws InvalidNhsNumberException naming the rule that failed; its message never contains
   *     the input
   */
  public static NhsNumber parse(String text) {
    if (text == null) {
      throw new InvalidNhsNumberException(InvalidNhsNumberException.Reason.EMPTY);
    }
    // One pass: the digits' number and the weighted sum of the first nine, and any character that
    // is not allowed. A blank text is told apart only once the text has failed, so a valid number
    // pays nothing for it.
    long number = 0;
    int sum = 0;
    int digits = 0;
    int last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiDigit(c)) {
        last = c - '0';
        if (digits < 9) {
          sum += last * (10 - digits);
        }
        number = number * 10 + last; // overflows only past ten digits, which is refused below
        digits++;
      } else if (c != ' ' && c != '-') {
        throw invalid(text, InvalidNhsNumberException.Reason.NON_DIGIT);
      }
    }
    if (digits != LENGTH) {
      throw invalid(text, InvalidNhsNumberException.Reason.LENGTH);
    }
    if (text.length() != LENGTH && !(text.length() == 12 && isGrouped(text))) {
      // ten digits and two separators, at positions 3 and 7: the 3-3-4 groups
      throw new InvalidNhsNumberException(InvalidNhsNumberException.Reason.GROUPING);
    }
    // an impossible check (10) equals no digit
    if (checkOf(sum) != last) {
      throw new InvalidNhsNumberException(InvalidNhsNumberException.Reason.CHECK_DIGIT);
    }
    return new NhsNumber(number);
  }

  /** The error for a text that failed for {@code reason}, unless the text is blank. */
  private static InvalidNhsNumberException invalid(String text, InvalidNhsNumberException.Reason reason) {
    return new InvalidNhsNumberException(text.isBlank() ? InvalidNhsNumberException.Reason.EMPTY : reason);
  }

  /** Whether {@link #parse(String)} would accept the text; never throws, {@code false} for null. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidNhsNumberException e) {
      return false;
    }
  }

  /** Value that {@link #checkDigitOf(String)} returns when no check digit can make the number valid. */
  static final int CHECK_DIGIT_IMPOSSIBLE = 10;

  /**
   * The Modulus 11 check digit of the first nine digits: weights 10 to 2, check = 11 - (sum mod
   * 11), 11 becomes 0; {@value #CHECK_DIGIT_IMPOSSIBLE} means that no tenth digit is valid.
   */
  static int checkDigitOf(CharSequence digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    return checkOf(sum);
  }

  /** The check digit of a weighted sum: 11 - (sum mod 11), 11 becomes 0. */
  private static int checkOf(int sum) {
    int check = 11 - (sum % 11);
    return check == 11 ? 0 : check;
  }

  /**
   * The Modulus 11 check digit for a nine-digit prefix, if one exists.
   *
   * @param firstNine exactly nine ASCII digits
   * @return the check digit 0-9, or empty when every tenth digit would make the number invalid
   * @throws IllegalArgumentException if {@code firstNine} is not nine digits
   */
  public static java.util.OptionalInt checkDigit(String firstNine) {
    if (firstNine == null || firstNine.length() != 9 || !allDigits(firstNine)) {
      throw new IllegalArgumentException("a check digit is computed from exactly nine digits");
    }
    int check = checkDigitOf(firstNine);
    return check == CHECK_DIGIT_IMPOSSIBLE
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(check);
  }

  private static boolean isGrouped(String text) {
    char first = text.charAt(3);
    return (first == ' ' || first == '-') && text.charAt(7) == first;
  }

  private static boolean allDigits(String text) {
    return text.chars().allMatch(NhsNumber::isAsciiDigit);
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The ten digits, unmasked, e.g. {@code 9434765919}. */
  public String value() {
    String written = Long.toString(digits);
    return ZEROS.substring(Math.min(LENGTH, written.length())) + written;
  }

  private static final String ZEROS = "0000000000";

  /** The ten digits in the printed 3-3-4 form, unmasked, e.g. {@code 943 476 5919}. */
  public String formatted() {
    String value = value();
    return value.substring(0, 3) + ' ' + value.substring(3, 6) + ' ' + value.substring(6);
  }

  /** The masked form, e.g. {@code *** *** 5919}: safe for logs and messages. */
  public String masked() {
    return "*** *** " + value().substring(6);
  }

  /** The masked form, e.g. {@code *** *** 5919}; never the full number. */
  @Override
  public String toString() {
    return masked();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NhsNumber && ((NhsNumber) other).digits == digits;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(digits);
  }

  /** The order of {@link #value()}: ten digits each, so the order of the numbers. */
  @Override
  public int compareTo(NhsNumber other) {
    return Long.compare(digits, other.digits);
  }

  private Object readResolve() {
    return parse(Objects.requireNonNull(value()));
  }
}
