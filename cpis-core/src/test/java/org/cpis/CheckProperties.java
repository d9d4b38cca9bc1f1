package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.OdsCode;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.AccessKind;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.Visibility;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rules 6 and 7 through the engine: a check shows exactly the visible plans; an
 * unscheduled access that finds them creates exactly one notification per owning local
 * authority and one access event; a silent read creates neither; every check is audited.
 */
class CheckProperties {

  @Provide
  Arbitrary<List<UploadRecord>> files() {
    return EngineArbitraries.filesAboutTheChildren(8);
  }

  @Provide
  Arbitrary<List<CheckRequest>> checks() {
    return Combinators.combine(
            Arbitraries.of(EngineArbitraries.CHILDREN),
            CpisArbitraries.accessors(),
            CpisArbitraries.organisations(),
            CpisArbitraries.careSettings(),
            Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)))
        .as(
            (child, accessor, organisation, setting, unscheduled) ->
                (CheckRequest)
                    CheckRequest.builder()
                        .nhsNumber(child)
                        .accessor(accessor)
                        .organisation(organisation)
                        .setting(setting)
                        .unscheduled(unscheduled)
                        .build())
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  @Property(tries = 100)
  void eachNotifyingCheckNotifiesEveryOwningLocalAuthorityOnceAndASilentReadNobody(
      @ForAll("files") List<UploadRecord> islington,
      @ForAll("files") List<UploadRecord> camden,
      @ForAll("checks") List<CheckRequest> checks,
      @ForAll @IntRange(min = 0, max = 50) int anchor,
      @ForAll @IntRange(min = -30, max = 800) int daysAfterStart) {
    // With episodes off, behaviour is as before attendance episodes: one notification per owning
    // local authority for every unscheduled access (AttendanceEpisodesProperties covers them on).
    TestEngine t =
        new TestEngine(b -> b.dispatchAfterCheck(false).episodePolicy(org.cpis.rules.EpisodePolicy.off()));
    t.islington().upload(islington);
    t.camden().upload(camden);
    List<ProtectionPlan> all = new ArrayList<>(t.islington().plans());
    all.addAll(t.camden().plans());
    LocalDate today =
        all.isEmpty() ? Fixtures.START.atZone(ZoneId.of("Europe/London")).toLocalDate()
            : all.get(anchor % all.size()).start().plusDays(daysAfterStart);
    t.clock.set(today.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    int expectedNotifications = 0;
    int expectedEvents = 0;

    for (CheckRequest request : checks) {
      int audited = t.cpis.auditLog().size();
      List<ProtectionPlan> visible =
          all.stream()
              .filter(p -> p.subject().equals(request.nhsNumber()))
              .filter(p -> Visibility.isVisible(p, today, t.cpis.retentionPolicy()))
              .sorted(java.util.Comparator.comparing(ProtectionPlan::id))
              .collect(Collectors.toList());
      Set<OdsCode> owners = visible.stream().map(ProtectionPlan::localAuthority).collect(Collectors.toSet());
      AccessKind kind =
          AccessKind.of(request.accessor().rbacActivityCode(), request.setting(), request.unscheduled());

      CheckResult result = t.cpis.health().check(request);
      Statistics.label("checks").collect(kind, owners.size());

      assertThat(result.accessKind()).isEqualTo(kind);
      assertThat(result.plans()).extracting(VisiblePlan::planId)
          .isEqualTo(visible.stream().map(ProtectionPlan::id).collect(Collectors.toList()));
      List<AccessNotification> created =
          t.notificationsAbout(request.nhsNumber()).stream()
              .filter(n -> result.notificationIds().contains(n.id()))
              .collect(Collectors.toList());
      if (kind.notifies()) {
        assertThat(created).extracting(AccessNotification::localAuthority).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(owners);
        assertThat(result.accessEventId().isPresent()).isEqualTo(!owners.isEmpty());
        expectedNotifications += owners.size();
        expectedEvents += owners.isEmpty() ? 0 : 1;
      } else {
        assertThat(result.notificationsCreated()).isZero();
        assertThat(result.accessEventId()).isEmpty();
      }
      assertThat(created).hasSize(result.notificationsCreated());
      assertThat(t.cpis.auditLog()).hasSize(audited + 1).last()
          .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CHECK));
    }

    int notifications = 0;
    int events = 0;
    for (var child : EngineArbitraries.CHILDREN) {
      notifications += t.notificationsAbout(child).size();
      events += t.accessesTo(child).size();
    }
    assertThat(notifications).isEqualTo(expectedNotifications);
    assertThat(events).isEqualTo(expectedEvents);
    assertThat(t.notifier.attempts()).isEmpty();
    Statistics.label("checks")
        .coverage(
            c -> {
              c.check(AccessKind.UNSCHEDULED, 1).percentage(p -> p >= 5);
              c.check(AccessKind.UNSCHEDULED, 2).percentage(p -> p >= 1);
              c.check(AccessKind.SILENT_READ, 1).percentage(p -> p >= 1);
            });
  }

  @Property(tries = 50)
  void aCheckShowsAtMostTheHistoryLimitOfEarlierUnscheduledAccessesNewestFirst(
      @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 120) Integer> minutesBetween,
      @ForAll @IntRange(min = 0, max = 30) int limit) {
    TestEngine t = new TestEngine(b -> b.serviceLevels(org.cpis.rules.ServiceLevels.builder().accessHistoryLimit(limit).build()));
    var child = EngineArbitraries.CHILDREN.get(0);
    t.islington().upload(List.of(Fixtures.cpp(1, "CP-1", child, LocalDate.of(2024, 5, 1), null)));
    List<java.time.Instant> times = new ArrayList<>();
    for (int minutes : minutesBetween) {
      t.clock.advance(java.time.Duration.ofMinutes(minutes));
      times.add(t.clock.instant());
      t.cpis.health().check(Fixtures.check(child, Fixtures.ED_NURSE, org.cpis.model.CareSetting.MINOR_INJURIES));
    }
    t.clock.advance(java.time.Duration.ofMinutes(1));

    CheckResult result = t.cpis.health().check(Fixtures.check(child, Fixtures.ED_NURSE, org.cpis.model.CareSetting.MINOR_INJURIES));

    java.util.Collections.reverse(times);
    assertThat(result.recentAccesses()).extracting(org.cpis.model.AccessEvent::accessedAt)
        .isEqualTo(times.subList(0, Math.min(limit, times.size())));
  }
}
