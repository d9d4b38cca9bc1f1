package org.cpis.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.NotificationKind;
import org.cpis.model.RecordId;

/**
 * One notification per attendance episode: a later access at the same organisation, in the same
 * setting, within the {@link EpisodePolicy#window()} of the episode's first access, while that
 * first access's notification is not yet reviewed, is gathered into that notification (which then
 * lists every access) instead of creating another; per owning local authority. The access itself
 * still enters the history and the audit. With the policy {@link EpisodePolicy#off() off}, every
 * access gets its own notifications.
 */
public final class AttendanceEpisodes {

  private AttendanceEpisodes() {}

  /**
   * Whether {@code access} belongs to the episode whose first notification is {@code first}: an
   * access notification of the same local authority's interest, same organisation, same setting,
   * not before the first access and at most the window after it, not reviewed.
   */
  public static boolean joins(
      AccessNotification first, boolean reviewed, AccessEvent access, EpisodePolicy policy) {
    Instant start = first.accessedAt();
    return policy.enabled()
        && !reviewed
        && first.kind() == NotificationKind.ACCESS
        && first.organisation().odsCode().equals(access.organisation().odsCode())
        && first.setting() == access.setting()
        && !access.accessedAt().isBefore(start)
        && !access.accessedAt().isAfter(start.plus(policy.window()));
  }

  /**
   * What an access does with the notifications routed for it ({@code fresh}, one per owning local
   * authority): each is inserted, unless the authority has an episode the access {@link #joins}
   * among {@code recent} (the subject's notifications since the window before the access), in which
   * case the access is gathered into that episode's notification (the latest one it joins), which is
   * pending delivery again.
   *
   * @param reviewed the ids of the {@code recent} notifications that have been reviewed
   */
  public static Gathering gather(
      List<AccessNotification> fresh,
      List<AccessNotification> recent,
      Set<RecordId> reviewed,
      AccessEvent access,
      EpisodePolicy policy) {
    List<AccessNotification> inserted = new ArrayList<>();
    List<AccessNotification> gathered = new ArrayList<>();
    for (AccessNotification n : fresh) {
      AccessNotification episode = null;
      for (AccessNotification r : recent) {
        if (r.localAuthority().equals(n.localAuthority())
            && !r.accessEventId().equals(access.id())
            && joins(r, reviewed.contains(r.id()), access, policy)
            && (episode == null || LATEST.compare(r, episode) > 0)) {
          episode = r;
        }
      }
      if (episode != null) {
        gathered.add(into(episode, n, access));
      } else {
        inserted.add(n);
      }
    }
    return new Gathering(inserted, gathered);
  }

  /** Later access first, then greater id: the episode an access joins is the latest by this. */
  private static final Comparator<AccessNotification> LATEST =
      Comparator.comparing(AccessNotification::accessedAt).thenComparing(AccessNotification::id);

  /** {@code episode} with {@code access} gathered into it: pending again, from the access on. */
  private static AccessNotification into(
      AccessNotification episode, AccessNotification fresh, AccessEvent access) {
    return AccessNotification.builder()
        .from(episode)
        .addFurtherAccesses(EpisodeAccess.of(access))
        .repeatAttendance(fresh.repeatAttendance().or(episode::repeatAttendance))
        .deliveryStatus(DeliveryStatus.PENDING)
        .deliveredAt(Optional.empty())
        .failedAttempts(0)
        .nextAttemptAt(access.accessedAt())
        .build();
  }

  /** The notifications an access inserts, and those it was gathered into (to be replaced). */
  public static final class Gathering {
    private final List<AccessNotification> inserted;
    private final List<AccessNotification> gathered;

    Gathering(List<AccessNotification> inserted, List<AccessNotification> gathered) {
      this.inserted = List.copyOf(inserted);
      this.gathered = List.copyOf(gathered);
    }

    /** New notifications, one per owning local authority with no episode to join. */
    public List<AccessNotification> inserted() {
      return inserted;
    }

    /** Episodes' first notifications with the access gathered into them. */
    public List<AccessNotification> gathered() {
      return gathered;
    }

  }
}
