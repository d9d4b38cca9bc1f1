package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's day (every date rule's day) is the calendar day of the instant in the engine's
 * zone, whatever instants came before: the engine keeps the last day's bounds and asks the zone
 * again only outside them, so the instants here jump back and forth across midnights, clock
 * changes, a midnight that does not exist and a day that was skipped.
 */
class EngineDayProperties {

  /** Zones with days of 23 and 25 hours, a day starting at 01:00 and a day that never was. */
  private static final List<String> ZONES =
      List.of("Europe/London", "America/Sao_Paulo", "Pacific/Apia", "Asia/Kolkata", "UTC");

  /** Days around those: London's clock changes, Sao Paulo's midnight gap, Apia's skipped day. */
  private static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2025, 3, 30),
          LocalDate.of(2025, 10, 26),
          LocalDate.of(2018, 11, 4),
          LocalDate.of(2011, 12, 29),
          LocalDate.of(2011, 12, 31),
          LocalDate.of(2025, 6, 2));

  @Property(tries = 200)
  void theDayIsTheInstantsCalendarDayInTheZone(
      @ForAll("zones") ZoneId zone, @ForAll("instants") List<Instant> instants) {
    Engine engine = new Engine(Cpis.builder().zone(zone));
    for (Instant i : instants) {
      assertThat(engine.dayOf(i)).as("%s in %s", i, zone).isEqualTo(i.atZone(zone).toLocalDate());
    }
  }

  @Example
  void aDaysFirstInstantIsInItAndTheOneBeforeInTheDayBefore() {
    ZoneId london = ZoneId.of("Europe/London");
    Engine engine = new Engine(Cpis.builder().zone(london));
    Instant midnight = LocalDate.of(2025, 6, 2).atStartOfDay(london).toInstant();
    assertThat(engine.dayOf(midnight.minusSeconds(3600))).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(engine.dayOf(midnight)).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(engine.dayOf(midnight.minusNanos(1))).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(engine.dayOf(midnight.plusSeconds(3600))).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(engine.dayOf(midnight.minusNanos(1))).isEqualTo(LocalDate.of(2025, 6, 1));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES).map(ZoneId::of);
  }

  /** Instants near the midnights of {@link #DAYS} in any of the zones: at, just before, just after, or hours off. */
  @Provide
  Arbitrary<List<Instant>> instants() {
    Arbitrary<Instant> midnight =
        Combinators.combine(Arbitraries.of(DAYS), Arbitraries.of(ZONES), Arbitraries.integers().between(-1, 2))
            .as((d, z, days) -> d.plusDays(days).atStartOfDay(ZoneId.of(z)).toInstant());
    Arbitrary<Long> offsetNanos =
        Arbitraries.oneOf(
            Arbitraries.of(-1L, 0L, 1L),
            Arbitraries.longs().between(-30 * 3_600_000_000_000L, 30 * 3_600_000_000_000L));
    return Combinators.combine(midnight, offsetNanos).as(Instant::plusNanos).list().ofMinSize(1).ofMaxSize(30);
  }
}
