package org.cpis.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpis.fhir.FhirSystems;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Parameters;

/**
 * What an EPR's integration test does against the sandbox: HAPI's generic client (one strict
 * FhirContext: every response must parse strictly) for the FHIR API, and plain HTTP for the
 * sandbox-only POSTs.
 */
final class SandboxClient {

  /** The test JVM's one FhirContext; its parser refuses anything that is not strictly valid. */
  static final FhirContext FHIR = strictContext();

  static final TokenClientParam PATIENT_IDENTIFIER = new TokenClientParam("patient:identifier");

  final String base;
  final IGenericClient client;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  SandboxClient(String base) {
    this.base = base;
    this.client = FHIR.newRestfulGenericClient(base);
  }

  private static FhirContext strictContext() {
    FhirContext ctx = FhirContext.forR4();
    ctx.setParserErrorHandler(new StrictErrorHandler());
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return ctx;
  }

  /** A CareTeam search as the national guide shows it: token, a fresh TraceID, the header if given. */
  Bundle careTeams(String token, String nhsNumber, Boolean unscheduled) {
    return search(CareTeam.class, token, nhsNumber, unscheduled).execute();
  }

  Bundle auditEvents(String token, String nhsNumber) {
    return search(AuditEvent.class, token, nhsNumber, null).execute();
  }

  IQuery<Bundle> search(Class<? extends IBaseResource> type, String token, String nhsNumber, Boolean unscheduled) {
    IQuery<Bundle> q =
        bare(type, nhsNumber)
            .withAdditionalHeader("Authorization", "Bearer " + token)
            .withAdditionalHeader(NationalApi.TRACE_ID, UUID.randomUUID().toString());
    return unscheduled == null ? q : q.withAdditionalHeader(NationalApi.UNSCHEDULED, unscheduled.toString());
  }

  /** The search with no header at all: the test adds what it means to send. */
  IQuery<Bundle> bare(Class<? extends IBaseResource> type, String nhsNumber) {
    return client
        .search()
        .forResource(type)
        .where(PATIENT_IDENTIFIER.exactly().systemAndCode(FhirSystems.NHS_NUMBER, nhsNumber))
        .returnBundle(Bundle.class);
  }

  /** The local authority's unreviewed notifications, read with the generic client. */
  List<Communication> notifications(String ods) {
    Bundle b =
        client.search().byUrl(base + "/_sandbox/local-authorities/" + ods + "/notifications").returnBundle(Bundle.class).execute();
    return b.getEntry().stream().map(e -> (Communication) e.getResource()).collect(Collectors.toList());
  }

  /** How many entries the audit log has. */
  int auditEntries() {
    return client.search().byUrl(base + "/_sandbox/audit").returnBundle(Bundle.class).execute().getTotal();
  }

  Parameters post(String pathAndQuery, String body) {
    HttpResponse<String> r = send("POST", pathAndQuery, body);
    if (r.statusCode() != 200) {
      throw new AssertionError("POST " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    return FHIR.newJsonParser().parseResource(Parameters.class, r.body());
  }

  void reset() {
    post("/_sandbox/reset", "");
  }

  void moveClockTo(String date) {
    post("/_sandbox/clock?date=" + date, "");
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + pathAndQuery))
              .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
