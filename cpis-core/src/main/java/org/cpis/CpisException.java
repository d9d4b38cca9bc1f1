package org.cpis;

/**
 * A typed refusal by the engine: the request broke a rule or named something that is not there.
 * Messages name ids and reasons, never an NHS number.
 */
public abstract class CpisException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected CpisException(String message) {
    super(message);
  }
}
