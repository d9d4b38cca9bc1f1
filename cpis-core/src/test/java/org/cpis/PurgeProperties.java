package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessEvent;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.Visibility;
import org.cpis.store.StoreTransaction;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rule 9, retention, through the engine: a purge on any day removes exactly the plans
 * whose visibility has expired ({@link Visibility#hasExpired}), whatever the store's date
 * queries return, and the access history of exactly the subjects left with no plan.
 */
class PurgeProperties {

  @Provide
  Arbitrary<List<ProtectionPlan>> plans() {
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            pool ->
                CpisArbitraries.plans()
                    .flatMap(p -> Arbitraries.of(EngineArbitraries.CHILDREN).map(c -> pool == 0 ? p : withSubject(p, c)))
                    .list()
                    .ofMaxSize(12)
                    .uniqueElements(ProtectionPlan::id));
  }

  private static ProtectionPlan withSubject(ProtectionPlan p, NhsNumber subject) {
    return ProtectionPlan.builder().from(p).subject(subject).build();
  }

  @Provide
  Arbitrary<LocalDate> days() {
    return CpisArbitraries.dates();
  }

  @Property(tries = 300)
  void purgeRemovesExactlyTheExpiredPlansAndTheHistoryOfSubjectsLeftWithoutOne(
      @ForAll("plans") List<ProtectionPlan> plans,
      @ForAll("days") LocalDate someDay,
      @ForAll @IntRange(min = 0, max = 20) int boundaryOf,
      @ForAll @IntRange(min = -1, max = 2) int daysAfterLastVisible,
      @ForAll("events") List<AccessEvent> events) {
    TestEngine t = new TestEngine();
    // half the time, a day at the edge of some plan's visibility
    LocalDate today =
        plans.isEmpty() || boundaryOf % 2 == 0
            ? someDay
            : Visibility.lastVisibleDay(plans.get(boundaryOf % plans.size()), t.cpis.retentionPolicy())
                .map(d -> d.plusDays(daysAfterLastVisible))
                .orElse(someDay);
    t.store.runInTransaction(
        tx -> {
          plans.forEach(tx.plans()::insert);
          events.forEach(tx.accessEvents()::insert);
        });
    t.clock.set(today.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant());

    PurgeReport report = t.cpis.purge();

    List<ProtectionPlan> kept =
        plans.stream()
            .filter(p -> !Visibility.hasExpired(p, today, t.cpis.retentionPolicy()))
            .sorted(Comparator.comparing(ProtectionPlan::id))
            .collect(Collectors.toList());
    Map<PlanId, ProtectionPlan> remaining = new LinkedHashMap<>();
    t.<List<ProtectionPlan>>read(tx -> allPlans(tx, plans)).forEach(p -> remaining.put(p.id(), p));
    assertThat(remaining.values()).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(report.plansPurged()).isEqualTo(plans.size() - kept.size());

    Set<NhsNumber> purgedSubjects =
        plans.stream().filter(p -> !kept.contains(p)).map(ProtectionPlan::subject).collect(Collectors.toSet());
    Set<NhsNumber> keptSubjects = kept.stream().map(ProtectionPlan::subject).collect(Collectors.toSet());
    int expectedEventsPurged = 0;
    for (AccessEvent e : events) {
      boolean cleared = purgedSubjects.contains(e.subject()) && !keptSubjects.contains(e.subject());
      expectedEventsPurged += cleared ? 1 : 0;
      assertThat(t.read(tx -> tx.accessEvents().find(e.id())).isPresent()).isEqualTo(!cleared);
    }
    assertThat(report.accessEventsPurged()).isEqualTo(expectedEventsPurged);
  }

  @Provide
  Arbitrary<List<AccessEvent>> events() {
    return CpisArbitraries.accessEvents()
        .flatMap(e -> Arbitraries.of(EngineArbitraries.CHILDREN).map(c -> (AccessEvent) AccessEvent.builder().from(e).subject(c).build()))
        .list()
        .ofMaxSize(5)
        .uniqueElements(AccessEvent::id);
  }

  private static List<ProtectionPlan> allPlans(StoreTransaction tx, List<ProtectionPlan> generated) {
    return generated.stream()
        .map(ProtectionPlan::subject)
        .distinct()
        .flatMap(s -> tx.plans().findBySubject(s).stream())
        .collect(Collectors.toList());
  }
}
