package org.cpis.sandbox;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cpis.CheckRequest;
import org.cpis.CheckResult;
import org.cpis.Cpis;
import org.cpis.fhir.AccessHistory;
import org.cpis.fhir.Capability;
import org.cpis.fhir.CareTeams;
import org.cpis.fhir.FhirSystems;
import org.cpis.fhir.SpineError;
import org.cpis.model.NhsNumber;

/**
 * The national CP-IS FHIR API's two searches, answered by the engine: the checks that the
 * headers, the token and the query allow, in that order (see the module README's table).
 *
 * <ul>
 *   <li>{@code GET /CareTeam}: a check ({@code HealthService.check}) as the token's viewer, an
 *       unscheduled access unless {@code IsUnscheduledAccessEvent: false}, the viewer's setting is
 *       scheduled, or the token's activity is B0170; so it notifies and enters the history exactly
 *       when the engine says so.
 *   <li>{@code GET /AuditEvent}: the recent unscheduled accesses, read through a check that is
 *       always a silent read: it is audited, and it neither notifies nor enters the history it
 *       shows.
 * </ul>
 */
final class NationalApi {

  static final String TRACE_ID = "TraceID";
  static final String UNSCHEDULED = "IsUnscheduledAccessEvent";
  static final String REQUEST_ID = "X-Request-ID";
  static final String CORRELATION_ID = "X-Correlation-ID";

  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Supplier<Cpis> engine;
  private final Tokens tokens;
  private final Set<String> cpisActivities;
  private final String baseUrl;

  NationalApi(Supplier<Cpis> engine, Tokens tokens, Set<String> cpisActivities, String baseUrl) {
    this.engine = engine;
    this.tokens = tokens;
    this.cpisActivities = Set.copyOf(cpisActivities);
    this.baseUrl = baseUrl;
  }

  Reply metadata() {
    return Reply.ok(Capability.statement(baseUrl, "cpis-sandbox", engine.get().clock().instant()));
  }

  Reply careTeams(Headers headers, String rawQuery) {
    Viewer viewer = viewer(headers);
    boolean unscheduled = unscheduled(headers);
    NhsNumber nhsNumber = Query.nhsNumber(rawQuery);
    CheckResult result = check(viewer, nhsNumber, unscheduled);
    return Reply.ok(CareTeams.searchset(result, baseUrl, self("CareTeam", nhsNumber))).about(nhsNumber);
  }

  Reply auditEvents(Headers headers, String rawQuery) {
    Viewer viewer = viewer(headers);
    unscheduled(headers);
    NhsNumber nhsNumber = Query.nhsNumber(rawQuery);
    CheckResult result = check(viewer, nhsNumber, false);
    return Reply.ok(AccessHistory.searchset(result, baseUrl, self("AuditEvent", nhsNumber))).about(nhsNumber);
  }

  private CheckResult check(Viewer viewer, NhsNumber nhsNumber, boolean unscheduled) {
    return engine
        .get()
        .health()
        .check(
            CheckRequest.builder()
                .nhsNumber(nhsNumber)
                .accessor(viewer.accessor())
                .organisation(viewer.organisation())
                .setting(viewer.setting())
                .unscheduled(unscheduled)
                .build());
  }

  private String self(String type, NhsNumber nhsNumber) {
    return baseUrl + "/" + type + "?" + Capability.PATIENT_IDENTIFIER + "=" + FhirSystems.NHS_NUMBER + "|" + nhsNumber.value();
  }

  /** 401 without a known bearer token, 403 when its activity allows no CP-IS view. */
  private Viewer viewer(Headers headers) {
    Optional<String> authorization = single(headers, "Authorization");
    if (authorization.isEmpty()) {
      throw new ApiException(SpineError.UNAUTHORISED, "No Authorization header: send Authorization: Bearer {token}");
    }
    String value = authorization.get().strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(SpineError.UNAUTHORISED, "The Authorization header is not a bearer token");
    }
    Viewer viewer =
        tokens
            .viewer(value.substring(7).strip())
            .orElseThrow(() -> new ApiException(SpineError.UNAUTHORISED, "The bearer token is not known"));
    if (!cpisActivities.contains(viewer.accessor().rbacActivityCode())) {
      throw new ApiException(SpineError.ACCESS_DENIED, "The token's RBAC activity allows no CP-IS view");
    }
    return viewer;
  }

  /** Checks TraceID and X-Request-ID; the value of IsUnscheduledAccessEvent (absent: true). */
  private static boolean unscheduled(Headers headers) {
    String trace =
        single(headers, TRACE_ID)
            .orElseThrow(() -> new ApiException(SpineError.PRECONDITION_FAILED, "The TraceID header is missing"));
    if (!UUID.matcher(trace.strip()).matches()) {
      throw new ApiException(SpineError.PRECONDITION_FAILED, "The TraceID header is not a UUID");
    }
    Optional<String> requestId = single(headers, REQUEST_ID);
    if (requestId.isPresent() && !UUID.matcher(requestId.get().strip()).matches()) {
      throw new ApiException(SpineError.PRECONDITION_FAILED, "The X-Request-ID header is not a UUID");
    }
    Optional<String> flag = single(headers, UNSCHEDULED).map(v -> v.strip().toLowerCase(Locale.ROOT));
    if (flag.isEmpty()) {
      return true;
    }
    switch (flag.get()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new ApiException(SpineError.PRECONDITION_FAILED, "The IsUnscheduledAccessEvent header is neither true nor false");
    }
  }

  /** The header's one value, if sent; sent twice is a precondition failure. */
  static Optional<String> single(Headers headers, String name) {
    List<String> values = headers.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new ApiException(SpineError.PRECONDITION_FAILED, "The " + name + " header is sent more than once");
    }
    return Optional.of(values.get(0));
  }

  /** Whether the echoed header is a UUID (X-Request-ID is only echoed then). */
  static boolean isUuid(String value) {
    return UUID.matcher(value.strip()).matches();
  }
}
