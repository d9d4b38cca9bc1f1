package org.cpis.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The errors of the CP-IS FHIR API: each with its HTTP status, its code in {@value
 * FhirSystems#SPINE_ERROR_OR_WARNING_CODE} and its FHIR issue type. {@code INVALID_SEARCH_DATA},
 * {@code PRECONDITION_FAILED} and {@code ACCESS_DENIED} are the national API's; the others are the answers cpis gives to requests the national consumer guide
 * does not describe.
 */
public enum SpineError {
  /** 400: the search names no valid NHS number, or is not the search the API serves. */
  INVALID_SEARCH_DATA(400, IssueType.INVALID, "Invalid search data"),
  /** 400: a required header is missing, or a header is invalid. */
  PRECONDITION_FAILED(400, IssueType.INVALID, "Precondition failed"),
  /** 401: no bearer token, or one the service does not know. */
  UNAUTHORISED(401, IssueType.LOGIN, "Access denied"),
  /** 403: the token's RBAC activity allows no CP-IS view. */
  ACCESS_DENIED(403, IssueType.FORBIDDEN, "Access denied"),
  /** 400: a request to a sandbox endpoint whose body or parameters it cannot read. */
  BAD_REQUEST(400, IssueType.INVALID, "Bad request"),
  /** 404: no such endpoint, or no such record for a sandbox endpoint. */
  RESOURCE_NOT_FOUND(404, IssueType.NOTFOUND, "Resource not found"),
  /** 405: the FHIR endpoints answer GET only. */
  METHOD_NOT_ALLOWED(405, IssueType.NOTSUPPORTED, "Method not allowed"),
  /** 409: a sandbox request that conflicts with what is recorded (a second review). */
  CONFLICT(409, IssueType.CONFLICT, "Conflict"),
  /** 500: the service failed; nothing about the request is repeated. */
  INTERNAL_SERVER_ERROR(500, IssueType.EXCEPTION, "Internal server error");

  private final int status;
  private final IssueType issueType;
  private final String display;

  SpineError(int status, IssueType issueType, String display) {
    this.status = status;
    this.issueType = issueType;
    this.display = display;
  }

  public int status() {
    return status;
  }

  public IssueType issueType() {
    return issueType;
  }

  public String display() {
    return display;
  }

  /**
   * The code in the Spine code system. 401 answers with {@code ACCESS_DENIED}, as the NHS API
   * platform does; the constant has its own name only because its status differs.
   */
  public String code() {
    return this == UNAUTHORISED ? ACCESS_DENIED.name() : name();
  }
}
