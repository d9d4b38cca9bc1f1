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
        || day > lengthOfMonth(year, month)) {
      return Optional.empty();
    }
    return Optional.of(date(year, month, day));
  }

  /**
   * The accepted dates read so far, by day from {@link #FIRST}: a file's plans share their dates
   * (a {@code LocalDate} is immutable and its fields final, so sharing it across threads is safe
   * without a lock; two threads that miss at once each make one, and either is kept).
   */
  private static final LocalDate[] READ = new LocalDate[(int) (LAST.toEpochDay() - FIRST.toEpochDay() + 1)];

  private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

  private static LocalDate date(int year, int month, int day) {
    int index = daysFromFirst(year, month, day);
    LocalDate date = READ[index];
    if (date == null) {
      date = LocalDate.of(year, month, day);
      READ[index] = date;
    }
    return date;
  }

  /** Days from 1 January {@value #FIRST_YEAR} to the date, which is in range. */
  private static int daysFromFirst(int year, int month, int day) {
    int years = year - FIRST_YEAR;
    // leap years from 1900 up to the year before: every 4th (2000 included), but not 1900 or 2100
    int leapDays = (years + 3) / 4 - (year > 1900 ? 1 : 0) - (year > 2100 ? 1 : 0);
    int dayOfYear = DAYS_BEFORE_MONTH[month - 1] + day - 1 + (month > 2 && isLeap(year) ? 1 : 0);
    return years * 365 + leapDays + dayOfYear;
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  private static int lengthOfMonth(int year, int month) {
    return month == 2 ? (isLeap(year) ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
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
