package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Design rule 2: the plan types, their CP-IS codes and their SNOMED CT concepts. */
class PlanTypeTest {

  @ParameterizedTest(name = "{0} is {1}, SNOMED CT {2}")
  @CsvSource({
    "CHILD_PROTECTION_PLAN, CPPI, 342191000000101",
    "LOOKED_AFTER_CHILD, LACI, 764841000000100",
    "UNBORN_CHILD_PROTECTION_PLAN, UCPI, 818901000000100"
  })
  @DisplayName("Each plan type has its CP-IS code and SNOMED CT concept, and is found by either")
  void codes(PlanType type, String code, String snomed) {
    assertThat(type.code()).isEqualTo(code);
    assertThat(type.snomedConceptId()).isEqualTo(snomed);
    assertThat(PlanType.fromCode(code)).contains(type);
    assertThat(PlanType.fromSnomedConceptId(snomed)).contains(type);
  }

  @Test
  @DisplayName("There are exactly three plan types")
  void three() {
    assertThat(PlanType.values()).hasSize(3);
  }

  @ParameterizedTest
  @CsvSource({"cppi, CHILD_PROTECTION_PLAN", "' LACI ', LOOKED_AFTER_CHILD", "Ucpi, UNBORN_CHILD_PROTECTION_PLAN"})
  @DisplayName("A plan code is found whatever its case and surrounding spaces")
  void caseInsensitive(String code, PlanType type) {
    assertThat(PlanType.fromCode(code)).contains(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CPP", "LAC", "UCPP", "342191000000101", "C P P I"})
  @DisplayName("An unknown plan code finds nothing")
  void unknown(String code) {
    assertThat(PlanType.fromCode(code)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @DisplayName("No plan code finds nothing, without throwing")
  void noCode(String code) {
    assertThat(PlanType.fromCode(code)).isEmpty();
    assertThat(PlanType.fromSnomedConceptId(code)).isEmpty();
  }

  @Test
  @DisplayName("Only the unborn child protection plan is unborn")
  void onlyUnbornIsUnborn() {
    assertThat(PlanType.UNBORN_CHILD_PROTECTION_PLAN.isUnborn()).isTrue();
    assertThat(PlanType.CHILD_PROTECTION_PLAN.isUnborn()).isFalse();
    assertThat(PlanType.LOOKED_AFTER_CHILD.isUnborn()).isFalse();
  }
}
