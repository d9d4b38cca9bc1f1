package org.cpis.rules;

/** A signed note or checkpoint that is malformed, or whose signature does not verify. */
public final class InvalidNoteException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidNoteException(String message) {
    super(message.length() > 500 ? message.substring(0, 500) : message);
  }
}
