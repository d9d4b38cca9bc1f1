package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cpis.sandbox.ScenarioNumbers.CPP_CHILD;
import static org.cpis.sandbox.ScenarioNumbers.ENDED_PLAN_CHILD;
import static org.cpis.sandbox.ScenarioNumbers.INVALID;
import static org.cpis.sandbox.ScenarioNumbers.ISLINGTON;
import static org.cpis.sandbox.ScenarioNumbers.LAC_CHILD;
import static org.cpis.sandbox.ScenarioNumbers.MASH_CHILD;
import static org.cpis.sandbox.ScenarioNumbers.MOTHER;
import static org.cpis.sandbox.ScenarioNumbers.NO_PLAN;

import ca.uhn.fhir.rest.client.interceptor.CapturingInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpis.fhir.OperationOutcomes;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every row of the national API's table and its error table, with HAPI's generic client against
 * a sandbox listening on a free port, reset to the scenario before each test.
 */
@DisplayName("The sandbox's national API, through HAPI's generic client")
class NationalApiTest extends RunningSandbox {

  @BeforeEach
  void reset() {
    epr.reset();
  }

  @Nested
  @DisplayName("GET /CareTeam")
  class CareTeams {

    @Test
    @DisplayName("gives a searchset with one CareTeam per visible plan: category, period, name, work and mobile phones, subject")
    void childOnAPlan() {
      Bundle bundle = epr.careTeams("ed-nurse", CPP_CHILD, null);

      assertSearchsetStructure(bundle, 1);
      CareTeam team = (CareTeam) bundle.getEntryFirstRep().getResource();
      assertThat(team.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
      assertThat(team.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("342191000000101");
      assertThat(team.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-11-04");
      assertThat(team.getPeriod().hasEnd()).isFalse();
      assertThat(team.getName()).isEqualTo("Islington");
      assertThat(team.getTelecom())
          .extracting(t -> t.getUse() + " " + t.getValue())
          .containsExactly(ContactPointUse.WORK + " 020 7946 0100", ContactPointUse.MOBILE + " 020 7946 0199");
      assertThat(team.getSubject().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
      assertThat(team.getSubject().getIdentifier().getValue()).isEqualTo(CPP_CHILD);
    }

    @Test
    @DisplayName("names a looked-after child's and an unborn child's plan by their SNOMED CT concepts")
    void planTypes() {
      assertThat(category(epr.careTeams("ed-nurse", LAC_CHILD, false))).isEqualTo("764841000000100");
      assertThat(category(epr.careTeams("midwife", MOTHER, false))).isEqualTo("818901000000100");
    }

    @Test
    @DisplayName("for a child on no plan answers 200 with total 0 and no entry")
    void noPlan() {
      Bundle bundle = epr.careTeams("ed-nurse", NO_PLAN, null);

      assertThat(bundle.getType()).isEqualTo(BundleType.SEARCHSET);
      assertThat(bundle.getTotal()).isZero();
      assertThat(bundle.hasEntry()).isFalse();
    }

    @Test
    @DisplayName("shows an ended plan on its end + 364 days and no more on end + 365, after moving the sandbox clock")
    void retentionBoundary() {
      epr.moveClockTo("2026-02-27");
      Bundle lastDay = epr.careTeams("ed-doctor", ENDED_PLAN_CHILD, null);
      assertThat(lastDay.getTotal()).isEqualTo(1);
      CareTeam team = (CareTeam) lastDay.getEntryFirstRep().getResource();
      assertThat(team.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-02-28");
      assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.INACTIVE);

      epr.moveClockTo("2026-02-28");
      assertThat(epr.careTeams("ed-doctor", ENDED_PLAN_CHILD, null).getTotal()).isZero();
    }

    @Test
    @DisplayName("without IsUnscheduledAccessEvent is an unscheduled access: the owning local authority is notified")
    void unscheduledNotifies() {
      epr.careTeams("ed-nurse", CPP_CHILD, null);

      List<Communication> inbox = epr.notifications(ISLINGTON);
      assertThat(inbox).hasSize(1);
      Communication n = inbox.get(0);
      assertThat(n.getSubject().getIdentifier().getValue()).isEqualTo(CPP_CHILD);
      assertThat(n.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
      assertThat(n.getRecipient()).extracting(r -> r.getIdentifier().getValue()).containsExactly(ISLINGTON, "sw.okafor");
    }

    @Test
    @DisplayName("with IsUnscheduledAccessEvent: false is a silent read: it shows the plan and notifies nobody")
    void silentReadByHeader() {
      Bundle bundle = epr.careTeams("ed-nurse", CPP_CHILD, false);

      assertThat(bundle.getTotal()).isEqualTo(1);
      assertThat(epr.notifications(ISLINGTON)).isEmpty();
      assertThat(epr.auditEvents("ed-nurse", CPP_CHILD).getTotal()).isZero();
    }

    @Test
    @DisplayName("by a B0170 token is a silent read even when the header says true")
    void silentReadByActivity() {
      assertThat(epr.careTeams("silent-reader", CPP_CHILD, true).getTotal()).isEqualTo(1);

      assertThat(epr.notifications(ISLINGTON)).isEmpty();
    }

    @Test
    @DisplayName("for Camden's plan without a social worker notifies Camden's MASH team")
    void mash() {
      epr.careTeams("utc-practitioner", MASH_CHILD, null);

      assertThat(epr.notifications(ScenarioNumbers.CAMDEN))
          .singleElement()
          .satisfies(n -> assertThat(n.getRecipient().get(1).getDisplay()).isEqualTo("MASH team"));
    }
  }

  @Nested
  @DisplayName("GET /AuditEvent")
  class AuditEvents {

    @Test
    @DisplayName("lists the unscheduled accesses newest first, each viewer an included PractitionerRole with name, role, organisation")
    void history() {
      epr.careTeams("ed-nurse", CPP_CHILD, null);
      epr.moveClockTo("2025-03-04");
      epr.careTeams("utc-practitioner", CPP_CHILD, null);
      epr.careTeams("ed-nurse", CPP_CHILD, false); // silent: not in the history

      Bundle bundle = epr.auditEvents("ed-doctor", CPP_CHILD);

      assertSearchsetStructure(bundle, 2);
      List<AuditEvent> events = matches(bundle, AuditEvent.class);
      assertThat(events.get(0).getRecorded()).isAfter(events.get(1).getRecorded());
      List<PractitionerRole> viewers =
          bundle.getEntry().stream()
              .filter(e -> e.getSearch().getMode() == SearchEntryMode.INCLUDE)
              .map(e -> (PractitionerRole) e.getResource())
              .collect(Collectors.toList());
      assertThat(viewers)
          .extracting(v -> v.getPractitioner().getDisplay() + ", " + v.getCodeFirstRep().getText() + ", " + v.getOrganization().getDisplay())
          .containsExactly(
              "Sam Kowalski, Emergency Nurse Practitioner, Kentish Town Urgent Treatment Centre",
              "Priya Shah, Staff Nurse, Whittington Hospital");
      assertThat(events.get(0).getAgentFirstRep().getWho().getReference())
          .isEqualTo("PractitionerRole/" + viewers.get(0).getIdElement().getIdPart());
    }

    @Test
    @DisplayName("gives at most the 25 most recent accesses, and its own search enters no history")
    void atMost25() {
      for (int i = 0; i < 27; i++) {
        epr.careTeams("ed-nurse", LAC_CHILD, null);
      }
      assertThat(epr.auditEvents("ed-nurse", LAC_CHILD).getTotal()).isEqualTo(25);
      assertThat(epr.notifications(ISLINGTON)).hasSize(27);
    }

    @Test
    @DisplayName("for a child on no plan answers total 0")
    void noPlan() {
      assertThat(epr.auditEvents("ed-nurse", NO_PLAN).getTotal()).isZero();
    }
  }

  @Nested
  @DisplayName("headers")
  class Headers {

    @Test
    @DisplayName("X-Request-ID and X-Correlation-ID are echoed")
    void echoed() {
      CapturingInterceptor capture = new CapturingInterceptor();
      epr.client.registerInterceptor(capture);
      String requestId = UUID.randomUUID().toString();
      try {
        epr.search(CareTeam.class, "ed-nurse", CPP_CHILD, null)
            .withAdditionalHeader("X-Request-ID", requestId)
            .withAdditionalHeader("X-Correlation-ID", "epr-run-42")
            .execute();
        assertThat(capture.getLastResponse().getHeaders("X-Request-ID")).containsExactly(requestId);
        assertThat(capture.getLastResponse().getHeaders("X-Correlation-ID")).containsExactly("epr-run-42");
      } finally {
        epr.client.unregisterInterceptor(capture);
      }
    }
  }

  @Nested
  @DisplayName("errors")
  class Errors {

    @Test
    @DisplayName("an invalid NHS number: 400 INVALID_SEARCH_DATA")
    void invalidNhsNumber() {
      assertError(() -> epr.careTeams("ed-nurse", INVALID, null), InvalidRequestException.class, 400, "INVALID_SEARCH_DATA");
      assertError(() -> epr.auditEvents("ed-nurse", "12345"), InvalidRequestException.class, 400, "INVALID_SEARCH_DATA");
    }

    @Test
    @DisplayName("a missing or non-UUID TraceID, or an IsUnscheduledAccessEvent that is not true or false: 400 PRECONDITION_FAILED")
    void preconditionFailed() {
      assertError(
          () -> epr.bare(CareTeam.class, CPP_CHILD).withAdditionalHeader("Authorization", "Bearer ed-nurse").execute(),
          InvalidRequestException.class, 400, "PRECONDITION_FAILED");
      assertError(
          () -> epr.bare(CareTeam.class, CPP_CHILD)
              .withAdditionalHeader("Authorization", "Bearer ed-nurse")
              .withAdditionalHeader("TraceID", "not-a-uuid")
              .execute(),
          InvalidRequestException.class, 400, "PRECONDITION_FAILED");
      assertError(
          () -> epr.search(CareTeam.class, "ed-nurse", CPP_CHILD, null).withAdditionalHeader("IsUnscheduledAccessEvent", "maybe").execute(),
          InvalidRequestException.class, 400, "PRECONDITION_FAILED");
    }

    @Test
    @DisplayName("no token, or one the sandbox does not know: 401")
    void unauthorised() {
      assertError(
          () -> epr.bare(CareTeam.class, CPP_CHILD).withAdditionalHeader("TraceID", UUID.randomUUID().toString()).execute(),
          AuthenticationException.class, 401, "ACCESS_DENIED");
      assertError(() -> epr.careTeams("no-such-token", CPP_CHILD, null), AuthenticationException.class, 401, "ACCESS_DENIED");
    }

    @Test
    @DisplayName("a token whose activity allows no CP-IS view: 403 ACCESS_DENIED, and nothing is recorded")
    void forbidden() {
      int audited = epr.auditEntries();
      assertError(() -> epr.careTeams("receptionist", CPP_CHILD, null), ForbiddenOperationException.class, 403, "ACCESS_DENIED");
      assertError(() -> epr.auditEvents("receptionist", CPP_CHILD), ForbiddenOperationException.class, 403, "ACCESS_DENIED");
      assertThat(epr.auditEntries()).isEqualTo(audited);
      assertThat(epr.notifications(ISLINGTON)).isEmpty();
    }
  }

  @Test
  @DisplayName("GET /metadata is the CapabilityStatement: FHIR 4.0.1, JSON, search on CareTeam and AuditEvent")
  void metadata() {
    CapabilityStatement cs = epr.client.capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("CareTeam", "AuditEvent");
  }

  @Test
  @DisplayName("a reviewed notification leaves the local authority's inbox")
  void review() {
    epr.careTeams("ed-nurse", CPP_CHILD, null);
    String id = epr.notifications(ISLINGTON).get(0).getIdentifierFirstRep().getValue();

    epr.post(
        "/_sandbox/local-authorities/714/notifications/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
            + "/review?reviewer=sw.okafor&outcome=NO_FURTHER_ACTION&recordedOnCaseRecord=true",
        "");

    assertThat(epr.notifications(ISLINGTON)).isEmpty();
  }

  static void assertSearchsetStructure(Bundle bundle, int total) {
    assertThat(bundle.getType()).isEqualTo(BundleType.SEARCHSET);
    assertThat(bundle.getTotal()).isEqualTo(total);
    assertThat(bundle.getLink("self")).isNotNull();
    assertThat(bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == SearchEntryMode.MATCH)).hasSize(total);
    for (BundleEntryComponent e : bundle.getEntry()) {
      assertThat(e.getFullUrl())
          .isEqualTo(sandbox.baseUrl() + "/" + e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart());
      assertThat(e.getSearch().hasMode()).isTrue();
    }
  }

  static <T> List<T> matches(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .filter(e -> e.getSearch().getMode() == SearchEntryMode.MATCH)
        .map(e -> type.cast(e.getResource()))
        .collect(Collectors.toList());
  }

  private static String category(Bundle bundle) {
    return ((CareTeam) bundle.getEntryFirstRep().getResource()).getCategoryFirstRep().getCodingFirstRep().getCode();
  }

  static void assertError(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      Class<? extends BaseServerResponseException> type,
      int status,
      String spineCode) {
    BaseServerResponseException e = catchThrowableOfType(call, type);
    assertThat(e).as("the client throws %s", type.getSimpleName()).isNotNull();
    assertThat(e.getStatusCode()).isEqualTo(status);
    assertThat(OperationOutcomes.spineCode((OperationOutcome) e.getOperationOutcome())).contains(spineCode);
  }
}
