package org.cpis.model;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * A later access of one attendance episode, gathered into the episode's first notification: who
 * looked and when. The organisation and setting are the notification's, by the episode's
 * definition. Holds no clinical information.
 */
@Value.Immutable
public abstract class EpisodeAccess {

  /** The access event, which is in the child's access history. */
  public abstract RecordId accessEventId();

  public abstract Accessor accessor();

  public abstract Instant accessedAt();

  public static ImmutableEpisodeAccess.Builder builder() {
    return ImmutableEpisodeAccess.builder();
  }

  /** The later access that {@code event} is. */
  public static EpisodeAccess of(AccessEvent event) {
    return builder().accessEventId(event.id()).accessor(event.accessor()).accessedAt(event.accessedAt()).build();
  }

  /** Instants are kept to the microsecond, as every store keeps them. */
  @Value.Check
  protected EpisodeAccess normalize() {
    return Records.isMicros(accessedAt())
        ? this
        : ImmutableEpisodeAccess.copyOf(this).withAccessedAt(Records.micros(accessedAt()));
  }
}
