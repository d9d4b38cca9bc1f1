package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cpis.testkit.CpisArbitraries;

/** The times of the messages (module README, decision 4). */
class Hl7TimesProperties {

  @Provide
  Arbitrary<LocalDate> fileDates() {
    return CpisArbitraries.dates(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31));
  }

  @Property
  void aPlanDateIsTwelveDigitsAtMidnightAndReadsBackAsTheSameDay(@ForAll("fileDates") LocalDate day) {
    String sent = Hl7Times.planDate(day);
    assertThat(sent).matches("(19|20)\\d{2}(0[1-9]|1[012])(0[1-9]|[12]\\d|3[01])0000");
    assertThat(Hl7Times.planDateAsIso(sent)).isEqualTo(day.toString());
  }

  @Property
  void anyRealTimeOfDayKeepsOnlyTheDay(
      @ForAll("fileDates") LocalDate day, @ForAll @IntRange(max = 23) int hour, @ForAll @IntRange(max = 59) int minute) {
    String sent = Hl7Times.planDate(day).substring(0, 8) + String.format("%02d%02d", hour, minute);
    assertThat(Hl7Times.planDateAsIso(sent)).isEqualTo(day.toString());
  }

  @Property
  void aTimeOfDayThatIsNoTimeIsPassedOnAsSentForTheEngineToReject(
      @ForAll("fileDates") LocalDate day, @ForAll @IntRange(min = 24, max = 99) int hour) {
    String sent = Hl7Times.planDate(day).substring(0, 8) + hour + "00";
    assertThat(Hl7Times.planDateAsIso(sent)).isEqualTo(sent);
  }

  @Property
  void aPlanDateOfAnotherLengthIsPassedOnAsSent(@ForAll("otherLengths") String digits) {
    assertThat(Hl7Times.planDateAsIso(digits)).isEqualTo(digits);
  }

  @Provide
  Arbitrary<String> otherLengths() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16).filter(s -> s.length() != 12);
  }

  @Property
  void aBirthTimeOfEightTwelveOrFourteenDigitsGivesItsDay(@ForAll("fileDates") LocalDate day, @ForAll("suffixes") String rest) {
    assertThat(Hl7Times.birthTimeAsIso(Hl7Times.birthTime(day) + rest)).isEqualTo(day.toString());
  }

  @Provide
  Arbitrary<String> suffixes() {
    return Arbitraries.of("", "0000", "1230", "123059", "000000+0100", "1200-0500");
  }

  @Property
  void aTimestampReadsBackAsTheSameInstant(@ForAll("instants") Instant at) {
    assertThat(Hl7Times.parseTimestamp(Hl7Times.timestamp(at))).contains(at);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return CpisArbitraries.instants().map(i -> i.truncatedTo(ChronoUnit.SECONDS));
  }
}
