package org.cpis;

/**
 * A typed refusal by the engine: the request broke a rule or named something that is not there.
 * Messages name ids and reasons, never an NHS number, and are at most 500 characters: every message
 * is cut to that length and any run of ten or more digits in it masked, whatever it was built
 * from.
 */
public abstract class CpisException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected CpisException(String message) {
    super(Messages.bounded(message));
  }
}
