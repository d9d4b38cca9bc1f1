package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.rules.Attendances.NOW;
import static org.cpis.rules.Attendances.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.AccessEvent;
import org.cpis.model.RepeatAttendance;

/**
 * Repeat attendances: the pattern is present exactly when the definition holds, at its
 * boundaries: attendances at exactly the window's start, one microsecond before it; exactly the
 * minimum count and organisations, one fewer.
 */
class RepeatAttendancesProperties {

  /** Offsets before now, in microseconds, clustered at the window's edge and spread within it. */
  @Provide
  Arbitrary<List<AccessEvent>> histories() {
    long window = Duration.ofDays(14).toNanos() / 1_000;
    Arbitrary<Long> offset =
        Arbitraries.oneOf(
            Arbitraries.of(0L, window - 1, window, window + 1),
            // At least 13 hours apart from one another, so each access is an attendance of its own.
            Arbitraries.longs().between(1, 26).map(h -> h * Duration.ofHours(13).toNanos() / 1_000));
    return Combinators.combine(offset, Arbitraries.integers().between(0, 2))
        .as((o, org) -> new long[] {o, org})
        .list()
        .ofMaxSize(5)
        .uniqueElements(a -> a[0])
        .map(
            items -> {
              List<AccessEvent> history = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                long[] a = items.get(i);
                history.add(access("e" + i, (int) a[1], NOW.minusNanos(a[0] * 1_000)));
              }
              return history;
            });
  }

  @Property(tries = 500)
  @Label("With every access its own attendance, the pattern holds exactly when >= 3 attendances at >= 2 organisations lie in [now - 14 days, now]")
  void presentExactlyWhenTheDefinitionHolds(@ForAll("histories") List<AccessEvent> history) {
    RepeatAttendancePolicy policy = RepeatAttendancePolicy.builder().sameAttendanceWithin(Duration.ZERO).build();
    Instant from = NOW.minus(Duration.ofDays(14));
    List<AccessEvent> inWindow =
        history.stream().filter(e -> !e.accessedAt().isBefore(from) && !e.accessedAt().isAfter(NOW)).collect(Collectors.toList());
    Set<Object> organisations = inWindow.stream().map(e -> e.organisation().odsCode()).collect(Collectors.toSet());
    boolean holds = inWindow.size() >= 3 && organisations.size() >= 2;

    Optional<RepeatAttendance> pattern = RepeatAttendances.pattern(history, NOW, policy);

    assertThat(pattern.isPresent()).as("pattern for %s", history).isEqualTo(holds);
    pattern.ifPresent(p -> assertThat(p.attendances()).hasSize(inWindow.size()));
  }

  @Property(tries = 300)
  @Label("The configured counts are boundaries: n attendances at k organisations make the pattern exactly when n >= min and k >= min")
  void configuredCountsAreBoundaries(
      @ForAll("histories") List<AccessEvent> history,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 4) int minAttendances,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3) int minOrganisations) {
    RepeatAttendancePolicy policy =
        RepeatAttendancePolicy.builder()
            .minAttendances(minAttendances)
            .minOrganisations(minOrganisations)
            .sameAttendanceWithin(Duration.ZERO)
            .build();
    Instant from = NOW.minus(Duration.ofDays(14));
    List<AccessEvent> inWindow =
        history.stream().filter(e -> !e.accessedAt().isBefore(from)).collect(Collectors.toList());
    long organisations = inWindow.stream().map(e -> e.organisation().odsCode()).distinct().count();

    assertThat(RepeatAttendances.pattern(history, NOW, policy).isPresent())
        .isEqualTo(inWindow.size() >= minAttendances && organisations >= minOrganisations);
  }

  @Property(tries = 300)
  @Label("Accesses at one organisation and setting within 12 hours of an attendance's first access add no attendance")
  void accessesOfOneVisitAddNoAttendance(
      @ForAll("histories") List<AccessEvent> history,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 12 * 3600) long secondsLater) {
    RepeatAttendancePolicy policy = RepeatAttendancePolicy.defaults();
    List<AccessEvent> withVisit = new ArrayList<>(history);
    if (!history.isEmpty()) {
      // The earliest access always begins an attendance.
      AccessEvent first =
          history.stream().min(java.util.Comparator.comparing(AccessEvent::accessedAt)).orElseThrow();
      withVisit.add(access("later", ordinal(first), first.accessedAt().plusSeconds(secondsLater)));
    }
    assertThat(RepeatAttendances.attendances(withVisit, policy))
        .isEqualTo(RepeatAttendances.attendances(history, policy));
  }

  private static int ordinal(AccessEvent e) {
    return e.organisation().odsCode().value().charAt(2) - 'A';
  }
}
