package org.cpis.model;

/** Checks shared by the records' invariants. */
final class Records {

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
}
