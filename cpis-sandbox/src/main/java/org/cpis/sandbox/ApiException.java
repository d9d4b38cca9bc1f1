package org.cpis.sandbox;

import org.cpis.fhir.SpineError;

/**
 * A request the sandbox refuses, answered with an OperationOutcome of this {@link SpineError}.
 * The diagnostics are the sandbox's own words and never repeat what the caller sent.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final SpineError error;

  ApiException(SpineError error, String diagnostics) {
    super(diagnostics, null, false, false);
    this.error = error;
  }

  SpineError error() {
    return error;
  }
}
