package org.cpis.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.fhir.Fixtures.FHIR;

import java.time.Instant;
import java.util.List;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HAPI weight the parent POM excludes (Jena, ICU4J, Saxon; see README) is really gone, and the
 * JSON model and parser work without it: every kind of resource this module writes encodes and
 * parses strictly.
 */
@DisplayName("Without Jena, ICU4J and Saxon")
class HapiWeightTest {

  @ParameterizedTest
  @ValueSource(strings = {"org.apache.jena.rdf.model.Model", "com.ibm.icu.text.Normalizer2", "net.sf.saxon.s9api.Processor"})
  @DisplayName("the excluded library is not on the class path")
  void excluded(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  @DisplayName("JSON still encodes and parses strictly: bundles, the CapabilityStatement, an OperationOutcome")
  void jsonStillWorks() {
    Bundle careTeams = CareTeams.searchset(Fixtures.result(List.of(Fixtures.childProtectionPlan()), List.of()), Fixtures.BASE, Fixtures.BASE);
    Bundle accesses =
        AccessHistory.searchset(
            Fixtures.result(List.of(Fixtures.childProtectionPlan()), List.of(Fixtures.access("a-1", Instant.parse("2025-03-03T14:20:00Z")))),
            Fixtures.BASE,
            Fixtures.BASE);
    assertThat(FHIR.parseStrictly(Bundle.class, FHIR.encode(careTeams)).getEntry()).hasSize(1);
    assertThat(FHIR.parseStrictly(Bundle.class, FHIR.encode(accesses)).getEntry()).hasSize(2);
    CapabilityStatement cs = Capability.statement(Fixtures.BASE, "cpis", Instant.EPOCH);
    assertThat(FHIR.parseStrictly(CapabilityStatement.class, FHIR.encode(cs)).getRest()).hasSize(1);
    OperationOutcome oo = OperationOutcomes.error(SpineError.INVALID_SEARCH_DATA, "invalid NHS number");
    assertThat(OperationOutcomes.spineCode(FHIR.parseStrictly(OperationOutcome.class, FHIR.encode(oo))))
        .contains("INVALID_SEARCH_DATA");
  }

  @Test
  @DisplayName("the strict parser refuses an unknown element rather than dropping it")
  void strict() {
    assertThatThrownBy(() -> FHIR.parseStrictly(Bundle.class, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"colour\":\"red\"}"))
        .isInstanceOf(DataFormatException.class);
  }
}
