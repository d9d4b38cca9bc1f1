package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.OptionalInt;
import org.cpis.model.InvalidNhsNumberException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Design rule 1: the NHS number's written forms, Modulus 11 check and masking, by example. */
class NhsNumberTest {

  @Test
  @DisplayName("943 476 5919, the NHS Data Dictionary's example, is valid in all three written forms")
  void theKnownExampleIsValid() {
    NhsNumber number = NhsNumber.parse("943 476 5919");
    assertThat(number.value()).isEqualTo("9434765919");
    assertThat(number.formatted()).isEqualTo("943 476 5919");
    assertThat(NhsNumber.parse("9434765919")).isEqualTo(number);
    assertThat(NhsNumber.parse("943-476-5919")).isEqualTo(number);
    assertThat(NhsNumber.checkDigit("943476591")).isEqualTo(OptionalInt.of(9));
  }

  @Test
  @DisplayName("The check digit is 11 minus the weighted sum mod 11, and 11 becomes 0")
  void checkDigitArithmetic() {
    // 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
    assertThat(NhsNumber.checkDigit("943476591")).hasValue(9);
    // all zeros: sum 0, 11 - 0 = 11, which becomes 0
    assertThat(NhsNumber.checkDigit("000000000")).hasValue(0);
    assertThat(NhsNumber.isValid("0000000000")).isTrue();
  }

  @Test
  @DisplayName("When the check digit would be 10, no tenth digit makes the number valid")
  void checkDigitTenIsInvalid() {
    // 000000006: sum 6 * 2 = 12, 12 mod 11 = 1, 11 - 1 = 10, which no digit can be
    assertThat(NhsNumber.checkDigit("000000006")).isEmpty();
    for (int d = 0; d <= 9; d++) {
      assertThat(NhsNumber.isValid("000000006" + d)).as("tenth digit %d", d).isFalse();
      assertThat(NhsNumberProperties.reasonOf("000000006" + d)).isEqualTo(Reason.CHECK_DIGIT);
    }
  }

  @ParameterizedTest(name = "\"{0}\" fails as {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"              | EMPTY",
        "\"   \"           | EMPTY",
        "\"\t\"            | EMPTY",
        "943476591A       | NON_DIGIT",
        "943 476 59l9     | NON_DIGIT",
        "943/476/5919     | NON_DIGIT",
        "943.476.5919     | NON_DIGIT",
        "\"943\t476\t5919\" | NON_DIGIT",
        "+449434765919    | NON_DIGIT",
        "abc              | NON_DIGIT",
        "943476591        | LENGTH",
        "94347659199      | LENGTH",
        "\"943 476 59\"    | LENGTH",
        "943-476-59       | LENGTH",
        "\"123 456 78 9\"  | LENGTH",
        "---              | LENGTH",
        "\"943 4765919\"   | GROUPING",
        "\"943  476 5919\" | GROUPING",
        "\"943 476-5919\"  | GROUPING",
        "\"94 3476 5919\"  | GROUPING",
        "\" 9434765919\"   | GROUPING",
        "\"9434765919 \"   | GROUPING",
        "9434-765-919     | GROUPING",
        "9434765918       | CHECK_DIGIT",
        "\"943 476 5910\"  | CHECK_DIGIT",
        "943-476-5911     | CHECK_DIGIT",
        "4347659198       | CHECK_DIGIT",
      })
  @DisplayName("A parse error names the rule that failed")
  void eachReasonForItsCase(String text, Reason reason) {
    assertThatThrownBy(() -> NhsNumber.parse(text))
        .isInstanceOf(InvalidNhsNumberException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(((InvalidNhsNumberException) e).reason()).isEqualTo(reason))
        .hasMessage("Invalid NHS number: " + reason.explanation());
    assertThat(NhsNumber.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @DisplayName("No NHS number at all is EMPTY, and isValid says false without throwing")
  void nullIsEmpty(String text) {
    assertThat(NhsNumber.isValid(text)).isFalse();
    assertThat(NhsNumberProperties.reasonOf(text)).isEqualTo(Reason.EMPTY);
  }

  @Test
  @DisplayName("An NHS number prints masked, showing only its last four digits")
  void printsMasked() {
    NhsNumber number = NhsNumber.parse("9434765919");
    assertThat(number.toString()).isEqualTo("*** *** 5919");
    assertThat(number.masked()).isEqualTo("*** *** 5919");
    assertThat(String.valueOf(number)).doesNotContain("943");
  }

  @ParameterizedTest
  @ValueSource(strings = {"94347659", "9434765910", "94347659A", "943 47659"})
  @DisplayName("A check digit is computed from exactly nine digits, and the error does not repeat the input")
  void checkDigitNeedsNineDigits(String text) {
    assertThatThrownBy(() -> NhsNumber.checkDigit(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(text);
  }

  @Test
  @DisplayName("An NHS number survives serialization, and equals the original")
  void serializes() throws Exception {
    NhsNumber number = NhsNumber.parse("943 476 5919");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(number);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(number);
    }
  }

  @Test
  @DisplayName("Two NHS numbers are equal when their digits are, whatever form they were written in")
  void equalByValue() {
    assertThat(NhsNumber.parse("943-476-5919"))
        .isEqualTo(NhsNumber.parse("9434765919"))
        .hasSameHashCodeAs(NhsNumber.parse("943 476 5919"))
        .isNotEqualTo(NhsNumber.parse("0000000000"))
        .isNotEqualTo("9434765919");
  }
}
