package org.cpis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that came from outside safe to put into an exception message: bounded, with every
 * digit masked (so no NHS number, spaced, hyphenated or bare, survives) and control characters
 * shown as {@code ?}.
 */
final class Messages {

  /** The longest message any {@link CpisException} carries. */
  static final int MAX_MESSAGE_LENGTH = 500;

  /** The longest excerpt of a value quoted in a message. */
  static final int MAX_EXCERPT_LENGTH = 24;

  private Messages() {}

  /** At most {@value #MAX_EXCERPT_LENGTH} characters of {@code value}, digits masked, quoted. */
  static String excerpt(String value) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(value.length(), MAX_EXCERPT_LENGTH);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      out.append(c >= '0' && c <= '9' ? '#' : Character.isISOControl(c) ? '?' : c);
    }
    out.append('\'');
    if (value.length() > shown) {
      out.append(" (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  /** Ten or more digits, each pair perhaps separated by one space or hyphen (943 476-5919). */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){9,}");

  /**
   * A message cut to {@value #MAX_MESSAGE_LENGTH} characters with every digit of a run of ten or
   * more (bare, spaced or hyphenated, as an NHS number may be written) masked: the last line of
   * defence, whatever a caller built the message from.
   */
  static String bounded(String message) {
    if (message == null) {
      return null;
    }
    Matcher run = DIGIT_RUN.matcher(message);
    StringBuilder out = new StringBuilder();
    while (run.find()) {
      run.appendReplacement(out, run.group().replaceAll("\\d", "*"));
    }
    String masked = run.appendTail(out).toString();
    return masked.length() <= MAX_MESSAGE_LENGTH
        ? masked
        : masked.substring(0, MAX_MESSAGE_LENGTH - 1) + "\u2026";
  }
}
