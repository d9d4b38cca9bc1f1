package org.cpis.model;

/**
 * An identifier (a record id or a plan's local reference) is not 1 to 64 printable ASCII
 * characters. The message says which identifier and its length, never its value.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidIdentifierException(String message) {
    super(message);
  }

  /** Whether {@code value} is a valid identifier: 1 to 64 characters from U+0021 to U+007E. */
  public static boolean isValid(String value) {
    return Records.isIdentifier(value);
  }
}
