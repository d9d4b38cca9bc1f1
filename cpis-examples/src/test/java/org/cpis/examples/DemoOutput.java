package org.cpis.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the demo once per test JVM and keeps what it printed. */
final class DemoOutput {

  private static String text;
  private static Demo demo;

  private DemoOutput() {}

  static synchronized String text() {
    if (text == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        demo = new Demo(out);
        demo.run();
      }
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    return text;
  }

  /** The demo that printed {@link #text()}, after its run. */
  static synchronized Demo demo() {
    text();
    return demo;
  }

  /** The text of step {@code n}: from its heading to the next step's heading or the end. */
  static String step(int n) {
    String all = text();
    String heading = "\n" + n + ". ";
    int from = all.indexOf(heading);
    if (from < 0) {
      throw new AssertionError("the demo printed no step " + n + ":\n" + all);
    }
    int to = all.indexOf("\n" + (n + 1) + ". ", from + 1);
    return to < 0 ? all.substring(from) : all.substring(from, to);
  }

  /** The part of {@code section} from the first occurrence of {@code marker} on. */
  static String from(String section, String marker) {
    int at = section.indexOf(marker);
    if (at < 0) {
      throw new AssertionError("expected '" + marker + "' in:\n" + section);
    }
    return section.substring(at);
  }

  /** The part of {@code section} before the first occurrence of {@code marker}. */
  static String before(String section, String marker) {
    int at = section.indexOf(marker);
    if (at < 0) {
      throw new AssertionError("expected '" + marker + "' in:\n" + section);
    }
    return section.substring(0, at);
  }
}
