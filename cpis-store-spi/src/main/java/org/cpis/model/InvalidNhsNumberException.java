package org.cpis.model;

/**
 * Thrown by {@link NhsNumber#parse(String)}: says which rule the text broke, and never repeats
 * the text, which may be a real NHS number.
 */
public final class InvalidNhsNumberException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The rule an NHS number failed. */
  public enum Reason {
    /** Null, empty or only white space. */
    EMPTY("no NHS number was given"),
    /** Holds a character that is neither a digit nor a group separator. */
    NON_DIGIT("an NHS number holds only digits, with optional single spaces or hyphens between 3-3-4 groups"),
    /** Does not hold exactly ten digits. */
    LENGTH("an NHS number has exactly ten digits"),
    /** Ten digits, but separated other than as 3-3-4 groups with one space or one hyphen. */
    GROUPING("an NHS number is written as ten digits or as 3-3-4 groups separated by single spaces or single hyphens"),
    /** The tenth digit is not the Modulus 11 check digit of the first nine. */
    CHECK_DIGIT("the check digit does not match (Modulus 11)");

    private final String explanation;

    Reason(String explanation) {
      this.explanation = explanation;
    }

    /** A sentence that explains the rule, without any input. */
    public String explanation() {
      return explanation;
    }
  }

  private final Reason reason;

  InvalidNhsNumberException(Reason reason) {
    super("Invalid NHS number: " + reason.explanation());
    this.reason = reason;
  }

  /** Which rule failed. */
  public Reason reason() {
    return reason;
  }
}
