package org.cpis.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The one rule for every calendar date CP-IS accepts, from a file or a builder: a four-digit year
 * from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A date outside it (a signed or six-digit year
 * such as {@code +999999999-12-31} or {@code -0001-01-01}) is refused where it enters, so no stored
 * plan can make a later check, a retention sum or the 18th birthday overflow.
 *
 * <p>As text, a date is ISO-8601 {@code yyyy-MM-dd}: exactly ten ASCII characters, a real day of
 * the proleptic Gregorian calendar (no 30 February), no sign, no time, no zone.
 */
public final class CpisDates {

  /** The first year CP-IS accepts. */
  public static final int FIRST_YEAR = 1900;

  /** The last year CP-IS accepts. */
  public static final int LAST_YEAR = 2199;

  /** The first date CP-IS accepts. */
  public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);

  /** The last date CP-IS accepts. */
  public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

  private CpisDates() {}

  /** Whether the date is in the accepted range; {@code false} for null. */
  public static boolean isAccepted(LocalDate date) {
    return date != null && !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  /**
   * The date written as {@code yyyy-MM-dd} in the accepted range, or empty for anything else
   * (null included); never throws.
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return Optional.empty();
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(year, month, day));
  }

  /**
   * Checks a date a record is built with.
   *
   * @param what names the field in the message, which never repeats the value
   * @throws IllegalArgumentException if the date is outside the accepted range
   */
  public static LocalDate require(LocalDate date, String what) {
    if (!isAccepted(date)) {
      throw new IllegalArgumentException(
          what + " must be a date from " + FIRST + " to " + LAST);
    }
    return date;
  }

  /** The number written by {@code text[from, to)} in ASCII digits, or -1 if any is not one. */
  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
