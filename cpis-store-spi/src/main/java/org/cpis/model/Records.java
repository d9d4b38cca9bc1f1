package org.cpis.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Checks shared by the records' invariants. */
final class Records {

  /** The longest identifier: a record id or a plan's local reference. */
  static final int MAX_IDENTIFIER_LENGTH = 64;

  private Records() {}

  static void requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException(rule);
    }
  }

  /**
   * An identifier is 1 to {@value #MAX_IDENTIFIER_LENGTH} printable ASCII characters, U+0021 to
   * U+007E (no space, no control character, nothing outside ASCII), so that every store keys and
   * orders identifiers as Java's {@code String.compareTo} does (byte order, {@code COLLATE "C"}).
   * The message never repeats the value, which may be anything a feed sent.
   */
  static void requireIdentifier(String value, String what) {
    if (!isIdentifier(value)) {
      throw new InvalidIdentifierException(
          what + " must be 1 to " + MAX_IDENTIFIER_LENGTH
              + " printable ASCII characters (U+0021 to U+007E)"
              + (value == null ? "" : "; got " + value.length() + " characters"));
    }
  }

  static boolean isIdentifier(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_IDENTIFIER_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '!' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** Every instant a record keeps is to the microsecond, the precision of SQL timestamps. */
  static boolean isMicros(Instant instant) {
    return instant.getNano() % 1_000 == 0;
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
