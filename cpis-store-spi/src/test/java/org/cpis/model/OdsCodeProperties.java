package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An ODS code is three to ten upper-case letters or digits; case does not matter on input. */
class OdsCodeProperties {

  @Property
  void anyWellFormedCodeIsAcceptedInEitherCase(@ForAll("codes") String code) {
    assertThat(OdsCode.of(code).value()).isEqualTo(code);
    assertThat(OdsCode.of(code.toLowerCase(java.util.Locale.ROOT))).isEqualTo(OdsCode.of(code));
  }

  @Property
  void acceptedExactlyWhenWellFormed(@ForAll("texts") String text) {
    boolean wellFormed = text.trim().toUpperCase(java.util.Locale.ROOT).matches("[A-Z0-9]{3,10}");
    boolean accepted;
    try {
      OdsCode.of(text);
      accepted = true;
    } catch (IllegalArgumentException e) {
      accepted = false;
    }
    assertThat(accepted).isEqualTo(wellFormed);
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(3).ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange('A', 'z').numeric().withChars(' ', '-').ofMaxLength(12);
  }
}
