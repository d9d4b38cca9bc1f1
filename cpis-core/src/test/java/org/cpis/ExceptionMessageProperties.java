package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.nhs;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.rules.Birth;

/**
 * No exception message exceeds {@value Messages#MAX_MESSAGE_LENGTH} characters or repeats a
 * ten-digit run it was given, bare, spaced or hyphenated, wherever the hostile text went in.
 */
class ExceptionMessageProperties {

  private static final TestEngine ENGINE = new TestEngine();

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().numeric().ofLength(10);
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars(",\"\r\n\u0000 -x").ofMaxLength(40),
        Arbitraries.strings().alpha().ofMinLength(600).ofMaxLength(5_000));
  }

  @Provide
  Arbitrary<String> written() {
    return Arbitraries.of("bare", "spaced", "hyphenated");
  }

  private static String write(String digits, String how) {
    String a = digits.substring(0, 3);
    String b = digits.substring(3, 6);
    String c = digits.substring(6);
    return how.equals("bare") ? digits : how.equals("spaced") ? a + " " + b + " " + c : a + "-" + b + "-" + c;
  }

  @Property(tries = 200)
  void noMessageIsLongOrRepeatsTheDigitsItWasGiven(
      @ForAll("digits") String digits, @ForAll("written") String how, @ForAll("junk") String before, @ForAll("junk") String after) {
    String hostile = before + write(digits, how) + after;
    String header = String.join(",", UploadCsv.COLUMNS);
    LocalAuthorityDesk desk = ENGINE.islington();
    List<Runnable> attempts =
        List.of(
            () -> UploadCsv.read(new StringReader(hostile)),
            () -> UploadCsv.read(new StringReader(hostile + "," + header + "\n")),
            () -> UploadCsv.read(new StringReader(header.replace("nhs_number", hostile.replace(",", "")) + "\n")),
            () -> desk.upload(new StringReader(hostile + "\n" + hostile)),
            () -> desk.deletePlan(hostile),
            () -> desk.recordBirth(hostile, Birth.builder().babyNhsNumber(nhs(9)).dateOfBirth(java.time.LocalDate.of(2024, 6, 1)).build()),
            () -> desk.recordBirth(digits, Birth.builder().babyNhsNumber(nhs(9)).dateOfBirth(java.time.LocalDate.of(2024, 6, 1)).build()),
            () -> ENGINE.cpis.localAuthority(OdsCode.of(hostile)),
            () -> ENGINE.cpis.reviews(OdsCode.of(digits.substring(0, 5))),
            () -> ENGINE.cpis.reviews(ENGINE.islington().odsCode()).record(RecordId.of(digits), hostile, org.cpis.model.ReviewOutcome.values()[0], false),
            () -> ENGINE.cpis.reviews(ENGINE.islington().odsCode()).confirmRecordedOnCaseRecord(RecordId.of(digits), "sw"),
            () -> NhsNumber.parse(hostile),
            () -> RecordId.of(hostile),
            () -> Cpis.builder().nodeId(hostile));

    List<Throwable> thrown = new ArrayList<>();
    for (Runnable attempt : attempts) {
      try {
        attempt.run();
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          thrown.add(t);
        }
      }
    }

    assertThat(thrown).as("hostile input is refused somewhere").isNotEmpty();
    for (Throwable t : thrown) {
      String message = String.valueOf(t.getMessage());
      assertThat(message.length()).as("length of %s", t.getClass().getName()).isLessThanOrEqualTo(Messages.MAX_MESSAGE_LENGTH);
      assertThat(message.replaceAll("[\\s-]", "")).as("message of %s", t.getClass().getName()).doesNotContain(digits);
    }
  }
}
