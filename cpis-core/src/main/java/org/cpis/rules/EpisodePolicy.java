package org.cpis.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * What makes one attendance episode, whose accesses one notification tells of ({@link
 * AttendanceEpisodes}): accesses at the same organisation, in the same setting, within {@link
 * #window()} of the episode's first access, while its notification is not yet reviewed. Default:
 * on, 12 hours. {@link #off()} gives every access its own notification, as the national service
 * does.
 */
@Value.Immutable
public abstract class EpisodePolicy {

  /** Whether later accesses are gathered at all: default {@code true}. */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /** How long after the first access a later one still belongs to the episode: 12 hours (inclusive). */
  @Value.Default
  public Duration window() {
    return Duration.ofHours(12);
  }

  public static EpisodePolicy defaults() {
    return builder().build();
  }

  /** Every access its own notification. */
  public static EpisodePolicy off() {
    return builder().enabled(false).build();
  }

  public static ImmutableEpisodePolicy.Builder builder() {
    return ImmutableEpisodePolicy.builder();
  }

  @Value.Check
  protected void check() {
    if (window().isNegative()) {
      throw new IllegalArgumentException("an episode's window cannot be negative");
    }
  }
}
