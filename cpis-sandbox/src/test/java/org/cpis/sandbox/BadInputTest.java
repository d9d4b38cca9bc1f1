package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.sandbox.ScenarioNumbers.CPP_CHILD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cpis.fhir.OperationOutcomes;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Design item 4: each kind of bad request gets its documented status and OperationOutcome, writes
 * nothing (the audit log and the inboxes stay as they were), leaves the sandbox serving, and no
 * response carries an NHS number of the scenario: the error texts never repeat the input.
 */
@DisplayName("A bad request to the national API")
class BadInputTest extends RunningSandbox {

  private static final String IDENTIFIER = "patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C";
  private static final String GOOD = "/CareTeam?" + IDENTIFIER + CPP_CHILD;

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A request: method, path and query, extra headers (name, value pairs); the expected answer. */
  static Arguments bad(String what, String method, String target, List<String> headers, int status, String code) {
    return Arguments.of(what, method, target, headers, status, code);
  }

  static Stream<Arguments> badRequests() {
    String huge = "x".repeat(16 * 1024);
    List<Arguments> cases =
        new ArrayList<>(
            List.of(
                bad("a part without =", "GET", "/CareTeam?patient:identifier", List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an empty part", "GET", "/CareTeam?&" + IDENTIFIER + CPP_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("a part without a name", "GET", "/CareTeam?=" + CPP_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("no query", "GET", "/CareTeam", List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an identifier without a system", "GET", "/CareTeam?patient:identifier=" + CPP_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an identifier of the wrong system", "GET",
                    "/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/ods-organization-code%7C" + CPP_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("two identifiers", "GET", GOOD + "&" + IDENTIFIER + ScenarioNumbers.LAC_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an unknown parameter", "GET", GOOD + "&_count=10", List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("a search on another parameter", "GET", "/AuditEvent?patient=" + CPP_CHILD, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("XML asked for", "GET", GOOD + "&_format=xml", List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an NHS number in groups", "GET", "/CareTeam?" + IDENTIFIER + "999%20526%200182", List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("an NHS number with a wrong check digit", "GET", "/AuditEvent?" + IDENTIFIER + ScenarioNumbers.INVALID, List.of(), 400, "INVALID_SEARCH_DATA"),
                bad("huge headers", "GET", GOOD, List.of("X-Padding", huge), 400, "PRECONDITION_FAILED"),
                bad("a non-UUID TraceID", "GET", GOOD, List.of("TraceID!", "trace-" + CPP_CHILD), 400, "PRECONDITION_FAILED"),
                bad("TraceID twice", "GET", GOOD, List.of("TraceID", UUID.randomUUID().toString()), 400, "PRECONDITION_FAILED"),
                bad("a non-UUID X-Request-ID", "GET", GOOD, List.of("X-Request-ID", CPP_CHILD), 400, "PRECONDITION_FAILED"),
                bad("a read by id", "GET", "/CareTeam/" + CPP_CHILD, List.of(), 404, "RESOURCE_NOT_FOUND"),
                bad("another resource type", "GET", "/Patient?identifier=" + CPP_CHILD, List.of(), 404, "RESOURCE_NOT_FOUND")));
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of(GOOD, "/AuditEvent?" + IDENTIFIER + CPP_CHILD, "/metadata", "/CareTeam/_search")) {
        cases.add(bad(method + " " + path.replaceAll("\\?.*", ""), method, path, List.of(), 405, "METHOD_NOT_ALLOWED"));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {4} {5}")
  @MethodSource("badRequests")
  @DisplayName("gets its status and Spine code, writes nothing, repeats no NHS number, and the sandbox serves on")
  void refused(String what, String method, String target, List<String> headers, int status, String code) throws Exception {
    int audited = epr.auditEntries();
    int notified = epr.notifications(ScenarioNumbers.ISLINGTON).size();

    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + target))
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{\"resourceType\":\"CareTeam\"}"))
            .header("Authorization", "Bearer ed-nurse");
    boolean customTrace = headers.contains("TraceID!");
    if (!customTrace) {
      request.header("TraceID", UUID.randomUUID().toString());
    }
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i).replace("!", ""), headers.get(i + 1));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
    OperationOutcome outcome = SandboxClient.FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(OperationOutcomes.spineCode(outcome)).contains(code);
    if (status == 405) {
      assertThat(response.headers().firstValue("Allow")).contains("GET");
    }
    assertNoScenarioNumber(response.body());
    assertThat(epr.auditEntries()).as("nothing is written").isEqualTo(audited);
    assertThat(epr.notifications(ScenarioNumbers.ISLINGTON)).hasSize(notified);
    assertThat(epr.careTeams("ed-nurse", CPP_CHILD, false).getTotal()).as("the sandbox serves on").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + CPP_CHILD,
        "/CareTeam?patient:identifier=%zz" + CPP_CHILD,
        "/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C999 526 0182"
      })
  @DisplayName("that the JDK's HTTP server itself refuses (a raw |, a broken escape, a space) gets 400 before the sandbox sees it, and writes nothing")
  void refusedByTheJdk(String target) throws IOException {
    int audited = epr.auditEntries();
    String status;
    try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nAuthorization: Bearer ed-nurse\r\nTraceID: " + UUID.randomUUID()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readAll(socket.getInputStream());
      status = answer.substring(0, answer.indexOf("\r\n"));
      assertNoScenarioNumber(answer);
    }
    assertThat(status).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(epr.auditEntries()).isEqualTo(audited);
    assertThat(epr.careTeams("ed-nurse", CPP_CHILD, false).getTotal()).isEqualTo(1);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  static void assertNoScenarioNumber(String text) {
    for (String number : ScenarioNumbers.ALL) {
      for (String form : ScenarioNumbers.writtenForms(number)) {
        assertThat(text.contains(form)).as("the text shows the NHS number ending %s", number.substring(6)).isFalse();
      }
    }
  }
}
