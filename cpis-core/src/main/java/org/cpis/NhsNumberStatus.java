package org.cpis;

import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.immutables.value.Value;

/** What PDS says of an NHS number: in use, superseded by another, or inactive with no replacement. */
@Value.Immutable
public abstract class NhsNumberStatus {

  /** The three states of a number. */
  public enum State {
    IN_USE,
    SUPERSEDED,
    INACTIVE
  }

  public abstract State state();

  /** The replacement; present exactly when {@link #state()} is {@link State#SUPERSEDED}. */
  public abstract Optional<NhsNumber> replacement();

  public static NhsNumberStatus inUse() {
    return ImmutableNhsNumberStatus.builder().state(State.IN_USE).build();
  }

  public static NhsNumberStatus supersededBy(NhsNumber replacement) {
    return ImmutableNhsNumberStatus.builder().state(State.SUPERSEDED).replacement(replacement).build();
  }

  public static NhsNumberStatus inactive() {
    return ImmutableNhsNumberStatus.builder().state(State.INACTIVE).build();
  }

  @Value.Check
  protected void check() {
    if ((state() == State.SUPERSEDED) != replacement().isPresent()) {
      throw new IllegalArgumentException("a number status has a replacement exactly when it is superseded");
    }
  }
}
