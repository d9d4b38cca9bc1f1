package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.rules.Attendances.NOW;
import static org.cpis.rules.Attendances.access;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Attendance episodes")
class AttendanceEpisodesTest {

  private static final OdsCode ISLINGTON = OdsCode.of("714");
  private final EpisodePolicy policy = EpisodePolicy.defaults();

  static AccessNotification notified(AccessEvent e, OdsCode la) {
    return AccessNotification.builder()
        .id(NotificationRouting.notificationId(e.id(), la))
        .accessEventId(e.id())
        .subject(e.subject())
        .planId(PlanId.of(la, "CP-1"))
        .planType(PlanType.CHILD_PROTECTION_PLAN)
        .organisation(e.organisation())
        .setting(e.setting())
        .accessor(e.accessor())
        .accessedAt(e.accessedAt())
        .deliveryStatus(DeliveryStatus.PENDING)
        .nextAttemptAt(e.accessedAt())
        .build();
  }

  private AttendanceEpisodes.Gathering later(AccessNotification first, boolean reviewed, AccessEvent access) {
    return AttendanceEpisodes.gather(
        List.of(notified(access, ISLINGTON)), List.of(first),
        reviewed ? Set.of(first.id()) : Set.<RecordId>of(), access, policy);
  }

  @Test
  @DisplayName("A later access at the same organisation and setting within 12 hours is gathered into the first notification, which lists every access")
  void laterAccessIsGathered() {
    AccessNotification first = notified(access("a", 0, NOW), ISLINGTON);
    AccessEvent doctor = access("b", 0, NOW.plus(Duration.ofHours(12)));

    AttendanceEpisodes.Gathering g = later(first, false, doctor);

    assertThat(g.inserted()).isEmpty();
    AccessNotification episode = g.gathered().get(0);
    assertThat(episode.id()).isEqualTo(first.id());
    assertThat(episode.furtherAccesses()).containsExactly(EpisodeAccess.of(doctor));
    assertThat(episode.accessCount()).isEqualTo(2);
    assertThat(episode.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  @DisplayName("An access a microsecond more than 12 hours after the first begins a new episode")
  void pastTheWindowIsNew() {
    AccessNotification first = notified(access("a", 0, NOW), ISLINGTON);
    assertThat(later(first, false, access("b", 0, NOW.plus(Duration.ofHours(12)).plusNanos(1_000))).gathered()).isEmpty();
  }

  @Test
  @DisplayName("An access at another organisation, or in another setting, begins a new episode")
  void anotherPlaceIsNew() {
    AccessNotification first = notified(access("a", 0, NOW), ISLINGTON);
    assertThat(later(first, false, access("b", 1, NOW.plusSeconds(60))).gathered()).isEmpty();
    assertThat(later(first, false, access("c", 0, CareSetting.PAEDIATRIC_WARD, NOW.plusSeconds(60))).gathered()).isEmpty();
  }

  @Test
  @DisplayName("Once the first notification is reviewed, a later access begins a new episode")
  void reviewedIsClosed() {
    AccessNotification first = notified(access("a", 0, NOW), ISLINGTON);
    assertThat(later(first, true, access("b", 0, NOW.plusSeconds(60))).inserted()).hasSize(1);
  }

  @Test
  @DisplayName("An episode is per owning local authority: another authority's notification gathers nothing for this one")
  void perLocalAuthority() {
    AccessNotification camdens = notified(access("a", 0, NOW), OdsCode.of("702"));
    AccessEvent doctor = access("b", 0, NOW.plusSeconds(60));
    AttendanceEpisodes.Gathering g =
        AttendanceEpisodes.gather(List.of(notified(doctor, ISLINGTON)), List.of(camdens), Set.of(), doctor, policy);
    assertThat(g.inserted()).containsExactly(notified(doctor, ISLINGTON));
    assertThat(g.gathered()).isEmpty();
  }

  @Test
  @DisplayName("Where two open episodes of the authority could take the access (episodes were off between them), it is gathered into the latest, whatever the order they are read in")
  void intoTheLatestEpisode() {
    AccessNotification earlier = notified(access("a", 0, NOW), ISLINGTON);
    AccessNotification later = notified(access("b", 0, NOW.plus(Duration.ofHours(1))), ISLINGTON);
    AccessEvent doctor = access("c", 0, NOW.plus(Duration.ofHours(2)));
    for (List<AccessNotification> recent : List.of(List.of(earlier, later), List.of(later, earlier))) {
      AttendanceEpisodes.Gathering g =
          AttendanceEpisodes.gather(List.of(notified(doctor, ISLINGTON)), recent, Set.of(), doctor, policy);
      assertThat(g.inserted()).isEmpty();
      assertThat(g.gathered()).extracting(AccessNotification::id).containsExactly(later.id());
    }
  }

  @Test
  @DisplayName("An access is never gathered into its own notification")
  void notIntoItself() {
    AccessEvent nurse = access("a", 0, NOW);
    AttendanceEpisodes.Gathering g =
        AttendanceEpisodes.gather(List.of(notified(nurse, ISLINGTON)), List.of(notified(nurse, ISLINGTON)), Set.of(), nurse, policy);
    assertThat(g.inserted()).hasSize(1);
    assertThat(g.gathered()).isEmpty();
  }

  @Test
  @DisplayName("With episodes off, every access gets its own notification")
  void offNotifiesEveryAccess() {
    AccessNotification first = notified(access("a", 0, NOW), ISLINGTON);
    AccessEvent doctor = access("b", 0, NOW.plusSeconds(60));
    AttendanceEpisodes.Gathering g =
        AttendanceEpisodes.gather(List.of(notified(doctor, ISLINGTON)), List.of(first), Set.of(), doctor, EpisodePolicy.off());
    assertThat(g.inserted()).containsExactly(notified(doctor, ISLINGTON));
    assertThat(g.gathered()).isEmpty();
  }
}
