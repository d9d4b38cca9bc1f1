package org.cpis.examples;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints the demo's story for a person to follow: numbered steps with short headings and details
 * indented under them. It prints what it is given; callers pass NHS numbers in their masked form
 * only ({@code NhsNumber.toString()}).
 */
final class Narrator {

  private static final String LINE = "   ";
  private static final String DETAIL = "     ";
  private static final String SUB_DETAIL = "       ";

  private final PrintStream out;

  Narrator(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The demo's title, underlined. */
  void title(String text) {
    out.println(text);
    out.println("=".repeat(text.length()));
  }

  /** A paragraph at the left margin. */
  void paragraph(String text) {
    out.println(text);
  }

  /** A numbered step, after a blank line. */
  void step(int number, String heading) {
    out.println();
    out.println(number + ". " + heading);
  }

  /** What happens within a step. */
  void line(String text) {
    out.println(LINE + text);
  }

  /** A detail of the last line. */
  void detail(String text) {
    out.println(DETAIL + text);
  }

  /** A detail of the last detail. */
  void subDetail(String text) {
    out.println(SUB_DETAIL + text);
  }

  void blank() {
    out.println();
  }
}
