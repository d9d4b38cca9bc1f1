package org.cpis.hl7v3;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HL7 V3 times of the CP-IS messages. Plan dates are {@code TS.NHS.DateType1}: exactly 12
 * digits, {@code YYYYMMDDhhmm}, with no offset; they are read as UK civil time (Europe/London) and
 * only the calendar date is kept, because cpis's plans hold dates. Other times ({@code
 * creationTime}, {@code effectiveTime}) are written with seconds and the UK offset of the moment,
 * e.g. {@code 20250303073000+0000}; read without an offset they are UK civil time.
 */
final class Hl7Times {

  /** The zone of times sent without an offset. */
  static final ZoneId UK = ZoneId.of("Europe/London");

  private static final Pattern PLAN_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})");
  private static final Pattern BIRTH_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{4}(\\d{2})?)?([+-]\\d{4})?");
  private static final Pattern TS = Pattern.compile("(\\d{8})(\\d{2})?(\\d{2})?(\\d{2})?([+-]\\d{4})?");
  private static final DateTimeFormatter TS_OUT = DateTimeFormatter.ofPattern("uuuuMMddHHmmssxx");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private Hl7Times() {}

  /**
   * A plan date as the engine reads it: {@code YYYY-MM-DD} from 12 digits whose time of day is a
   * real one; anything else is passed on as sent, so the engine rejects it as an invalid date
   * (the engine checks the calendar strictly: 2025-02-30 is no date).
   */
  static String planDateAsIso(String value) {
    Matcher m = PLAN_DATE.matcher(value);
    if (m.matches() && Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60) {
      return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
    }
    return value;
  }

  /** The 12 digits of a plan date: the day at midnight, UK time. */
  static String planDate(LocalDate date) {
    return DAY.format(date) + "0000";
  }

  /** A birth time (a plain {@code TS}: 8, 12 or 14 digits) as an ISO date; else as sent. */
  static String birthTimeAsIso(String value) {
    Matcher m = BIRTH_TIME.matcher(value);
    if (m.matches()) {
      return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
    }
    return value;
  }

  /** A birth time as the File sends it: the 8 digits of the day. */
  static String birthTime(LocalDate date) {
    return DAY.format(date);
  }

  /** A point in time with seconds and the UK offset of that moment. */
  static String timestamp(Instant at) {
    return TS_OUT.format(ZonedDateTime.ofInstant(at, UK));
  }

  /** A {@code TS} of 8 to 14 digits, with or without an offset; empty if it is none. */
  static Optional<Instant> parseTimestamp(String value) {
    Matcher m = TS.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(m.group(1), DAY);
      LocalDateTime at =
          day.atTime(number(m.group(2)), number(m.group(3)), number(m.group(4)));
      if (m.group(5) != null) {
        return Optional.of(at.toInstant(ZoneOffset.of(m.group(5))));
      }
      return Optional.of(at.atZone(UK).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
