package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.EpisodePolicy;

/**
 * Attendance episodes through the engine, for any sequence of checks at a few organisations and
 * settings, with the clock moving on and reviews between them: no access is lost from the
 * notifications, an episode never spans organisations, settings, its window or a review, and
 * with episodes off every access has notifications of its own, as before.
 */
class AttendanceEpisodesProperties {

  private static final NhsNumber CHILD = nhs(1);
  private static final List<OdsCode> OWNERS = List.of(ISLINGTON.odsCode(), CAMDEN.odsCode());

  /** A check at organisation {@code organisation} in {@code setting}, {@code minutes} after the last step; or a review. */
  record Step(boolean review, int organisation, CareSetting setting, int minutes, boolean islington) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5).map(i -> i == 0),
            Arbitraries.integers().between(0, 1),
            Arbitraries.of(CareSetting.EMERGENCY_DEPARTMENT, CareSetting.PAEDIATRIC_WARD),
            Arbitraries.oneOf(Arbitraries.integers().between(0, 90), Arbitraries.of(719, 720, 721, 1_500)),
            Arbitraries.of(true, false))
        .as(Step::new)
        .list()
        .ofMaxSize(12);
  }

  private static TestEngine run(List<Step> steps, EpisodePolicy policy) {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false).episodePolicy(policy));
    LocalDate start = t.today().minusDays(30);
    t.islington().upload(List.of(cpp(1, "CP-1", CHILD, start, null)));
    t.camden().upload(List.of(cpp(1, "CP-7", CHILD, start, null)));
    for (Step s : steps) {
      t.clock.advance(Duration.ofMinutes(s.minutes()));
      if (s.review()) {
        ReviewInbox inbox = t.cpis.reviews(s.islington() ? ISLINGTON.odsCode() : CAMDEN.odsCode());
        inbox.pending().stream().findFirst()
            .ifPresent(n -> inbox.record(n.id(), "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true));
      } else {
        t.cpis.health().check(
            CheckRequest.builder()
                .nhsNumber(CHILD)
                .accessor(ED_NURSE)
                .organisation(Organisation.of(OdsCode.of("RA" + s.organisation()), "Hospital " + s.organisation()))
                .setting(s.setting())
                .build());
      }
    }
    return t;
  }

  private static List<RecordId> accessesOf(AccessNotification n) {
    List<RecordId> ids = new ArrayList<>();
    ids.add(n.accessEventId());
    n.furtherAccesses().forEach(a -> ids.add(a.accessEventId()));
    return ids;
  }

  @Property(tries = 60)
  @Label("No access is lost: each unscheduled access that found a plan is in exactly one notification per owning local authority")
  void noAccessIsLost(@ForAll("steps") List<Step> steps) {
    TestEngine t = run(steps, EpisodePolicy.defaults());
    List<AccessEvent> events = t.accessesTo(CHILD);
    List<AccessNotification> notifications = t.notificationsAbout(CHILD);
    for (AccessEvent e : events) {
      for (OdsCode la : OWNERS) {
        assertThat(notifications.stream().filter(n -> n.localAuthority().equals(la)).filter(n -> accessesOf(n).contains(e.id())))
            .as("notifications of %s telling of access %s", la, e.id())
            .hasSize(1);
      }
    }
    assertThat(notifications.stream().mapToInt(AccessNotification::accessCount).sum()).isEqualTo(events.size() * OWNERS.size());
  }

  @Property(tries = 60)
  @Label("An episode never spans organisations, settings, more than its window, or a review")
  void anEpisodeNeverSpansOrganisationsOrAReview(@ForAll("steps") List<Step> steps) {
    TestEngine t = run(steps, EpisodePolicy.defaults());
    Map<RecordId, AccessEvent> events = new HashMap<>();
    t.accessesTo(CHILD).forEach(e -> events.put(e.id(), e));
    for (AccessNotification n : t.notificationsAbout(CHILD)) {
      Optional<Review> review = t.read(tx -> tx.reviews().find(n.id()));
      for (EpisodeAccess a : n.furtherAccesses()) {
        AccessEvent e = events.get(a.accessEventId());
        assertThat(e.organisation().odsCode()).isEqualTo(n.organisation().odsCode());
        assertThat(e.setting()).isEqualTo(n.setting());
        assertThat(Duration.between(n.accessedAt(), e.accessedAt())).isBetween(Duration.ZERO, Duration.ofHours(12));
        review.ifPresent(r -> assertThat(e.accessedAt()).isBeforeOrEqualTo(r.reviewedAt()));
      }
    }
  }

  @Property(tries = 60)
  @Label("With episodes off, every access has its own notification per owning local authority, gathering nothing: today's behaviour")
  void offIsTodaysBehaviour(@ForAll("steps") List<Step> steps) {
    TestEngine t = run(steps, EpisodePolicy.off());
    List<AccessEvent> events = t.accessesTo(CHILD);
    List<AccessNotification> notifications = t.notificationsAbout(CHILD);
    assertThat(notifications).allSatisfy(n -> assertThat(n.furtherAccesses()).isEmpty());
    assertThat(notifications).hasSize(events.size() * OWNERS.size());
    for (AccessEvent e : events) {
      assertThat(notifications.stream().filter(n -> n.accessEventId().equals(e.id()))).hasSize(OWNERS.size());
    }
  }
}
