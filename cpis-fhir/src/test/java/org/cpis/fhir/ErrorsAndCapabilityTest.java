package org.cpis.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.fhir.Fixtures.FHIR;

import java.time.Instant;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Errors and the CapabilityStatement")
class ErrorsAndCapabilityTest {

  @ParameterizedTest
  @EnumSource(SpineError.class)
  @DisplayName("an error is an OperationOutcome whose details carry the Spine code")
  void spineCode(SpineError error) {
    OperationOutcome oo = FHIR.parseStrictly(OperationOutcome.class, FHIR.encode(OperationOutcomes.error(error, "why")));
    assertThat(oo.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem())
        .isEqualTo("https://fhir.nhs.uk/CodeSystem/England-SpineErrorOrWarningCode");
    assertThat(OperationOutcomes.spineCode(oo)).contains(error.code());
    assertThat(oo.getIssueFirstRep().getDiagnostics()).isEqualTo("why");
  }

  @Test
  @DisplayName("the national codes: 400 INVALID_SEARCH_DATA and PRECONDITION_FAILED, 403 ACCESS_DENIED")
  void nationalCodes() {
    assertThat(SpineError.INVALID_SEARCH_DATA.status()).isEqualTo(400);
    assertThat(SpineError.PRECONDITION_FAILED.status()).isEqualTo(400);
    assertThat(SpineError.ACCESS_DENIED.status()).isEqualTo(403);
    assertThat(SpineError.ACCESS_DENIED.code()).isEqualTo("ACCESS_DENIED");
    assertThat(SpineError.UNAUTHORISED.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("the CapabilityStatement says FHIR 4.0.1, JSON only, and search on CareTeam and AuditEvent by patient:identifier")
  void capability() {
    CapabilityStatement cs =
        FHIR.parseStrictly(CapabilityStatement.class, FHIR.encode(Capability.statement("http://x", "cpis", Instant.EPOCH)));
    assertThat(cs.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
    assertThat(cs.getFormat()).extracting(f -> f.getValue()).containsExactly("application/fhir+json");
    assertThat(cs.getRestFirstRep().getResource())
        .extracting(r -> r.getType(), r -> r.getSearchParamFirstRep().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CareTeam", "patient:identifier"),
            org.assertj.core.groups.Tuple.tuple("AuditEvent", "patient:identifier"));
  }
}
