package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The one date rule: a four-digit year from 1900 to 2199, as text or in a record's builder. */
class CpisDatesProperties {

  @Property
  void everyDayOfTheRangeReadsBackFromItsIsoText(
      @ForAll @LongRange(min = -25567, max = 84006) long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);

    assertThat(CpisDates.parse(date.toString())).isEqualTo(Optional.of(date).filter(CpisDates::isAccepted));
    assertThat(CpisDates.isAccepted(date)).isEqualTo(date.getYear() >= 1900 && date.getYear() <= 2199);
  }

  @Property
  void anyTextParsesToNothingOrToAnAcceptedDateWrittenExactlySo(@ForAll String text) {
    Optional<LocalDate> parsed = CpisDates.parse(text);

    parsed.ifPresent(d -> assertThat(d.toString()).isEqualTo(text));
    assertThat(parsed.map(CpisDates::isAccepted)).isNotEqualTo(Optional.of(false));
  }

  @Example
  void signedSixDigitAndImpossibleDatesAreRefused() {
    for (String text : new String[] {"+999999999-12-31", "-0001-01-01", "+2024-05-01", "0000-01-01", "1899-12-31",
        "2200-01-01", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "2024/05/01", "२०२४-05-01", null}) {
      assertThat(CpisDates.parse(text)).as(String.valueOf(text)).isEmpty();
    }
    assertThat(CpisDates.parse("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
    assertThat(CpisDates.parse("1900-01-01")).contains(CpisDates.FIRST);
    assertThat(CpisDates.parse("2199-12-31")).contains(CpisDates.LAST);
  }

  @Property
  void aPlanCannotBeBuiltWithADateOutsideTheRange(@ForAll("outside") LocalDate date) {
    PlanId id = PlanId.of(OdsCode.of("LA1"), "CP-1");
    NhsNumber subject = NhsNumber.parse("9434765919");
    java.util.function.Supplier<ImmutableProtectionPlan.Builder> plan =
        () -> ProtectionPlan.builder().id(id).subject(subject).type(PlanType.CHILD_PROTECTION_PLAN).start(LocalDate.of(2024, 1, 1));

    assertThatThrownBy(() -> plan.get().start(date).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    assertThatThrownBy(() -> plan.get().childDateOfBirth(date).build()).hasMessageContaining("childDateOfBirth");
    assertThatThrownBy(() -> ProtectionPlan.builder().id(id).subject(subject).type(PlanType.CHILD_PROTECTION_PLAN)
            .start(CpisDates.FIRST).end(date).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProtectionPlan.builder().id(id).subject(subject).type(PlanType.UNBORN_CHILD_PROTECTION_PLAN)
            .start(LocalDate.of(2024, 1, 1)).expectedDeliveryDate(date).build())
        .hasMessageContaining("expectedDeliveryDate");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<LocalDate> outside() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), CpisDates.FIRST.toEpochDay() - 1).map(LocalDate::ofEpochDay),
        Arbitraries.longs().between(CpisDates.LAST.toEpochDay() + 1, LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay),
        Arbitraries.of(LocalDate.MAX, LocalDate.MIN, CpisDates.FIRST.minusDays(1), CpisDates.LAST.plusDays(1)));
  }
}
