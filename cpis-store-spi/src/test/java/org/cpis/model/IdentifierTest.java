package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Identifiers are 1 to 64 printable ASCII characters, so that every store keys and orders them alike. */
class IdentifierTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "714/CP-2024-0031", "~!", "0123456789012345678901234567890123456789012345678901234567890123"})
  @DisplayName("1 to 64 characters from U+0021 to U+007E make a record id and a local reference")
  void accepted(String value) {
    assertThat(RecordId.of(value).value()).isEqualTo(value);
    assertThat(PlanId.of(OdsCode.of("714"), value).localReference()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "tab\t", "nul\u0000", "del\u007f", "caf\u00e9", "emoji\ud83d\ude00",
      "01234567890123456789012345678901234567890123456789012345678901234"})
  @DisplayName("Anything else is an InvalidIdentifierException that does not repeat the value")
  void refused(String value) {
    assertThatThrownBy(() -> RecordId.of(value))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageContaining("a record id must be 1 to 64 printable ASCII characters");
    assertThatThrownBy(() -> PlanId.of(OdsCode.of("714"), value))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageContaining("a plan's local reference");
    if (value.length() > 3) {
      assertThatThrownBy(() -> RecordId.of(value)).message().doesNotContain(value);
    }
  }

  @Test
  @DisplayName("Plan ids order as their joined text ODS/reference, which is how a store orders (code, reference)")
  void planIdOrder() {
    PlanId a = PlanId.of(OdsCode.of("714"), "Z");
    PlanId b = PlanId.of(OdsCode.of("7140"), "A");
    PlanId c = PlanId.of(OdsCode.of("714"), "-");
    assertThat(a.compareTo(b)).isNegative();
    assertThat(a.value().compareTo(b.value())).isNegative();
    assertThat(c.compareTo(a)).isNegative();
    assertThat(b.compareTo(c)).isPositive();
  }
}
