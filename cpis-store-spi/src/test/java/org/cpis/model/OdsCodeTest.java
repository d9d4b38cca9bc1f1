package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An ODS code is three to ten upper-case letters or digits. */
class OdsCodeTest {

  @Test
  @DisplayName("An ODS code is upper-cased and trimmed, and prints as its value")
  void normalised() {
    assertThat(OdsCode.of(" ral01 ").value()).isEqualTo("RAL01");
    assertThat(OdsCode.of("714")).hasToString("714");
    assertThat(OdsCode.of("ral01")).isEqualTo(OdsCode.of("RAL01"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "71", "RAL-01", "R AL", "ABCDEFGHIJK", "É12"})
  @DisplayName("An ODS code that is not three to ten letters or digits is refused")
  void refused(String text) {
    assertThatThrownBy(() -> OdsCode.of(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullSource
  @DisplayName("No ODS code at all is refused")
  void nullRefused(String text) {
    assertThatThrownBy(() -> OdsCode.of(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("ODS codes order by their text")
  void ordered() {
    assertThat(OdsCode.of("714").compareTo(OdsCode.of("802"))).isNegative();
    assertThat(OdsCode.of("RAL").compareTo(OdsCode.of("RAL"))).isZero();
  }
}
