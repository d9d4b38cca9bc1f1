package org.cpis.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cpis.fhir.OperationOutcomes;
import org.cpis.fhir.SpineError;
import org.cpis.model.NhsNumber;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** What the sandbox answers: a status, a FHIR resource and any extra headers; and what to log. */
final class Reply {

  final int status;
  final IBaseResource body;
  final Map<String, String> headers = new LinkedHashMap<>();
  /** The NHS number the request named, logged masked. */
  Optional<NhsNumber> subject = Optional.empty();

  private Reply(int status, IBaseResource body) {
    this.status = status;
    this.body = body;
  }

  static Reply ok(IBaseResource body) {
    return new Reply(200, body);
  }

  static Reply error(SpineError error, String diagnostics) {
    Reply reply = new Reply(error.status(), OperationOutcomes.error(error, diagnostics));
    if (error == SpineError.UNAUTHORISED) {
      reply.headers.put("WWW-Authenticate", "Bearer");
    }
    if (error == SpineError.METHOD_NOT_ALLOWED) {
      reply.headers.put("Allow", "GET");
    }
    return reply;
  }

  Reply about(NhsNumber nhsNumber) {
    this.subject = Optional.of(nhsNumber);
    return this;
  }
}
