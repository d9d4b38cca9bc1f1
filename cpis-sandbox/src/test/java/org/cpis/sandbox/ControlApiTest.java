package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cpis.fhir.OperationOutcomes;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an EPR's test sets up through /_sandbox: a local authority's upload, the clock, a review, a reset. */
@DisplayName("The sandbox-only endpoints")
class ControlApiTest extends RunningSandbox {

  private static final String HEADER =
      "local_reference,nhs_number,given_name,family_name,date_of_birth,plan_type,start_date,end_date,expected_delivery_date,allocated_social_worker,action\n";

  @BeforeEach
  void reset() {
    epr.reset();
  }

  @Test
  @DisplayName("an upload puts a new child on a plan, with an outcome for every record; a reset takes it away again")
  void uploadThenReset() {
    Parameters report =
        epr.post(
            "/_sandbox/local-authorities/714/uploads",
            HEADER
                + "CP-TEST-0001," + ScenarioNumbers.NO_PLAN + ",Sam,Test,2020-01-01,CPPI,2025-03-01,,,sw.test,\n"
                + "CP-TEST-0002,12345,Bad,Number,2020-01-01,CPPI,2025-03-01,,,sw.test,\n");

    assertThat(report.getParameter("fileOutcome").getValue().primitiveValue()).isEqualTo("PARTIAL");
    assertThat(report.getParameter().stream().filter(p -> p.getName().equals("record"))).hasSize(2);
    assertThat(epr.careTeams("ed-nurse", ScenarioNumbers.NO_PLAN, false).getEntry())
        .singleElement()
        .satisfies(e -> assertThat(((CareTeam) e.getResource()).getIdentifierFirstRep().getValue()).isEqualTo("714/CP-TEST-0001"));

    epr.reset();
    assertThat(epr.careTeams("ed-nurse", ScenarioNumbers.NO_PLAN, false).getTotal()).isZero();
  }

  @Test
  @DisplayName("an upload that is not the CSV format, or to an unknown local authority, is refused and changes nothing")
  void badUploads() {
    int audited = epr.auditEntries();
    HttpResponse<String> notCsv = epr.send("POST", "/_sandbox/local-authorities/714/uploads", "hello\n");
    HttpResponse<String> unknown = epr.send("POST", "/_sandbox/local-authorities/999/uploads", HEADER);

    assertThat(notCsv.statusCode()).isEqualTo(400);
    assertThat(code(notCsv)).isEqualTo("BAD_REQUEST");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(epr.auditEntries()).isEqualTo(audited);
  }

  @Test
  @DisplayName("a purge after the retention of the ended plan removes it and its access history (and the long-expired unborn plan)")
  void purge() {
    epr.moveClockTo("2026-02-27");
    epr.careTeams("ed-doctor", ScenarioNumbers.ENDED_PLAN_CHILD, null);
    epr.moveClockTo("2026-02-28");

    Parameters purged = epr.post("/_sandbox/purge", "");

    // the plan that ended on 2025-02-28, and the unborn plan whose expected delivery (2025-03-20) + 28 days passed
    assertThat(purged.getParameter("plansPurged").getValue().primitiveValue()).isEqualTo("2");
    assertThat(purged.getParameter("accessEventsPurged").getValue().primitiveValue()).isEqualTo("1");
    assertThat(purged.getParameter("notificationsPurged").getValue().primitiveValue()).isEqualTo("1");
  }

  @Test
  @DisplayName("the clock moves to an instant or to midday in London of a date, and a bad one is refused")
  void clock() {
    Parameters moved = epr.post("/_sandbox/clock?instant=2026-02-27T23:30:00Z", "");
    assertThat(moved.getParameter("today").getValue().primitiveValue()).isEqualTo("2026-02-27");
    Parameters summer = epr.post("/_sandbox/clock?date=2025-07-01", "");
    assertThat(summer.getParameter("now").getValue().primitiveValue()).startsWith("2025-07-01T11:00");

    assertThat(epr.send("POST", "/_sandbox/clock?date=tomorrow", "").statusCode()).isEqualTo(400);
    assertThat(epr.send("POST", "/_sandbox/clock", "").statusCode()).isEqualTo(400);
    assertThat(epr.send("DELETE", "/_sandbox/clock", null).statusCode()).isEqualTo(405);
  }

  @Test
  @DisplayName("a notification is reviewed once: a second review is a conflict, an unknown one is not found")
  void reviewOnce() {
    epr.careTeams("ed-nurse", ScenarioNumbers.CPP_CHILD, null);
    String id = URLEncoder.encode(epr.notifications("714").get(0).getIdentifierFirstRep().getValue(), StandardCharsets.UTF_8);
    String review = "/_sandbox/local-authorities/714/notifications/" + id + "/review?reviewer=sw.okafor&outcome=strategy_discussion";

    assertThat(epr.post(review, "").getParameter("outcome").getValue().primitiveValue()).isEqualTo("STRATEGY_DISCUSSION");
    HttpResponse<String> again = epr.send("POST", review, "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(code(again)).isEqualTo("CONFLICT");
    assertThat(epr.send("POST", "/_sandbox/local-authorities/702/notifications/" + id + "/review?reviewer=x", "").statusCode())
        .as("another authority's notification").isEqualTo(404);
    assertThat(epr.send("POST", "/_sandbox/local-authorities/714/notifications/nope/review?reviewer=x", "").statusCode()).isEqualTo(404);
  }

  private static String code(HttpResponse<String> response) {
    return OperationOutcomes.spineCode(SandboxClient.FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body())).orElse("");
  }
}
