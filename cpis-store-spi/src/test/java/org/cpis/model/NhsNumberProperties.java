package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.cpis.model.InvalidNhsNumberException.Reason;

/**
 * Design rule 1, NHS number: Modulus 11 with weights 10 to 2, written as ten digits or 3-3-4
 * groups, never shown unmasked.
 */
class NhsNumberProperties {

  // ------------------------------------------------------------ round trips

  @Property
  @Label("parse(value()) and parse(formatted()) give back the same number")
  void parsesItsOwnForms(@ForAll("validNumbers") NhsNumber number) {
    assertThat(NhsNumber.parse(number.value())).isEqualTo(number);
    assertThat(NhsNumber.parse(number.formatted())).isEqualTo(number);
    assertThat(NhsNumber.parse(number.formatted().replace(' ', '-'))).isEqualTo(number);
    assertThat(number.formatted()).matches("[0-9]{3} [0-9]{3} [0-9]{4}");
    assertThat(number.formatted().replace(" ", "")).isEqualTo(number.value());
  }

  // ------------------------------------------------------------ the check digit

  @Property
  @Label("a nine-digit prefix has at most one valid tenth digit: exactly the one checkDigit gives")
  void atMostOneCheckDigit(@ForAll @NumericChars @StringLength(9) String prefix) {
    long validTenthDigits = java.util.stream.IntStream.rangeClosed(0, 9).filter(d -> NhsNumber.isValid(prefix + d)).count();
    assertThat(validTenthDigits).isLessThanOrEqualTo(1);
    OptionalInt check = NhsNumber.checkDigit(prefix);
    for (int d = 0; d <= 9; d++) {
      boolean valid = NhsNumber.isValid(prefix + d);
      assertThat(valid).as("tenth digit %d", d).isEqualTo(check.isPresent() && check.getAsInt() == d);
    }
  }

  @Property
  @Label("valid exactly when the digits weighted 10, 9, ..., 2, 1 sum to a multiple of 11")
  void validityIsTheWeightedSum(@ForAll @NumericChars @StringLength(10) String digits) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    assertThat(NhsNumber.isValid(digits)).isEqualTo(sum % 11 == 0);
  }

  @Property
  @Label("changing any single digit of a valid number makes it invalid")
  void singleDigitErrorsAreCaught(
      @ForAll("validNumbers") NhsNumber number,
      @ForAll @IntRange(min = 0, max = 9) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] digits = number.value().toCharArray();
    digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
    assertThat(NhsNumber.isValid(new String(digits))).isFalse();
  }

  @Property
  @Label("transposing two adjacent different digits of a valid number makes it invalid")
  void adjacentTranspositionsAreCaught(
      @ForAll("validNumbers") NhsNumber number, @ForAll @IntRange(min = 0, max = 8) int position) {
    char[] digits = number.value().toCharArray();
    Assume.that(digits[position] != digits[position + 1]);
    char swapped = digits[position];
    digits[position] = digits[position + 1];
    digits[position + 1] = swapped;
    assertThat(NhsNumber.isValid(new String(digits))).isFalse();
  }

  // ------------------------------------------------------------ never unmasked

  @Property
  @Label("toString is masked and never holds the number")
  void toStringIsMasked(@ForAll("validNumbers") NhsNumber number) {
    assertThat(number.toString())
        .isEqualTo("*** *** " + number.value().substring(6))
        .isEqualTo(number.masked())
        .doesNotContain(number.value())
        .doesNotContain(number.formatted())
        .doesNotContain(number.value().substring(0, 6));
  }

  @Property
  @Label("a parse error's message is a fixed sentence per reason and never repeats the input")
  void messagesNeverRepeatTheInput(@ForAll("anyText") String text) {
    InvalidNhsNumberException e =
        catchThrowableOfType(InvalidNhsNumberException.class, () -> NhsNumber.parse(text));
    Assume.that(e != null);
    assertThat(e.getMessage()).isEqualTo("Invalid NHS number: " + e.reason().explanation());
    // no explanation holds three digits in a row, so none can hold a group of the input
    assertThat(e.getMessage()).doesNotContainPattern("[0-9]{3}");
  }

  @Property
  @Label("a wrong check digit's message does not hold the number")
  void wrongCheckDigitMessageHidesTheNumber(
      @ForAll("validNumbers") NhsNumber number, @ForAll @IntRange(min = 1, max = 9) int shift) {
    String wrong =
        number.value().substring(0, 9) + (char) ('0' + (number.value().charAt(9) - '0' + shift) % 10);
    assertThatThrownBy(() -> NhsNumber.parse(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(wrong.substring(6));
  }

  // ------------------------------------------------------------ isValid and the reasons

  @Property
  @Label("isValid never throws and agrees with parse")
  void isValidAgreesWithParse(@ForAll("anyText") String text) {
    boolean valid = NhsNumber.isValid(text);
    boolean parses;
    try {
      NhsNumber.parse(text);
      parses = true;
    } catch (InvalidNhsNumberException e) {
      parses = false;
    }
    assertThat(valid).isEqualTo(parses);
  }

  @Property
  @Label("text with a character other than a digit, space or hyphen fails as NON_DIGIT")
  void otherCharactersAreNonDigit(
      @ForAll("anyText") String text,
      @ForAll("foreignCharacters") char foreign,
      @ForAll @IntRange(min = 0, max = 20) int at) {
    int position = at % (text.length() + 1);
    String withForeign = text.substring(0, position) + foreign + text.substring(position);
    Assume.that(!withForeign.isBlank());
    assertThat(reasonOf(withForeign)).isEqualTo(Reason.NON_DIGIT);
  }

  @Property
  @Label("digits and separators that are not ten digits fail as LENGTH")
  void notTenDigitsIsLength(@ForAll("digitsAndSeparators") String text) {
    long digits = text.chars().filter(Character::isDigit).count();
    Assume.that(digits != 10 && !text.isBlank());
    assertThat(reasonOf(text)).isEqualTo(Reason.LENGTH);
  }

  @Property
  @Label("ten digits with separators other than 3-3-4 single spaces or hyphens fail as GROUPING")
  void misplacedSeparatorsAreGrouping(@ForAll("tenDigitsAndSeparators") String text) {
    boolean threeThreeFour =
        text.length() == 12
            && (text.charAt(3) == ' ' || text.charAt(3) == '-')
            && text.charAt(7) == text.charAt(3);
    Assume.that(text.length() != 10 && !threeThreeFour);
    assertThat(reasonOf(text)).isEqualTo(Reason.GROUPING);
  }

  @Property
  @Label("white space only fails as EMPTY")
  void whiteSpaceIsEmpty(@ForAll("whiteSpace") String text) {
    assertThat(reasonOf(text)).isEqualTo(Reason.EMPTY);
  }

  // ------------------------------------------------------------ equality

  @Property
  @Label("equal, with equal hash codes, exactly when the digits are equal, whatever the written form")
  void equalityIsByValue(@ForAll("validNumbers") NhsNumber a, @ForAll("validNumbers") NhsNumber b) {
    NhsNumber sameAsA = NhsNumber.parse(a.formatted().replace(' ', '-'));
    assertThat(sameAsA).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.equals(b)).isEqualTo(a.value().equals(b.value()));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(a.value().compareTo(b.value())));
  }

  // ------------------------------------------------------------ generators

  @Provide
  Arbitrary<NhsNumber> validNumbers() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(9)
        .filter(prefix -> NhsNumber.checkDigit(prefix).isPresent())
        .map(prefix -> NhsNumber.parse(prefix + NhsNumber.checkDigit(prefix).getAsInt()));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        java.util.List.of(
            Arbitraries.strings().ofMaxLength(16),
            Arbitraries.strings().withChars("0123456789 -").ofMaxLength(14),
            Arbitraries.strings().numeric().ofLength(10),
            validNumbers().map(NhsNumber::formatted)));
  }

  @Provide
  Arbitrary<Character> foreignCharacters() {
    return Arbitraries.chars()
        .filter(c -> !(c >= '0' && c <= '9') && c != ' ' && c != '-');
  }

  @Provide
  Arbitrary<String> digitsAndSeparators() {
    return withSeparators(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(13));
  }

  @Provide
  Arbitrary<String> tenDigitsAndSeparators() {
    return withSeparators(Arbitraries.strings().numeric().ofLength(10));
  }

  private static Arbitrary<String> withSeparators(Arbitrary<String> digitStrings) {
    return Combinators.combine(
            digitStrings,
            Arbitraries.strings().withChars(" -").ofMinLength(0).ofMaxLength(3),
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 20))
        .as(
            (digits, separators, first, second) -> {
              StringBuilder s = new StringBuilder(digits);
              for (int i = 0; i < separators.length(); i++) {
                s.insert((i == 0 ? first : second + i) % (s.length() + 1), separators.charAt(i));
              }
              return s.toString();
            });
  }

  @Provide
  Arbitrary<String> whiteSpace() {
    return Arbitraries.strings().withChars(" \t\n\r\u000B\f\u2003").ofMaxLength(12);
  }

  static Reason reasonOf(String text) {
    InvalidNhsNumberException e =
        catchThrowableOfType(InvalidNhsNumberException.class, () -> NhsNumber.parse(text));
    assertThat(e).as("parse fails").isNotNull();
    return e.reason();
  }
}
