package org.cpis;

import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.rules.Reconciliation;
import org.cpis.rules.RejectionReason;
import org.immutables.value.Value;

/** What happened to one record of an upload (design rule 5). */
@Value.Immutable
public abstract class RecordOutcome {

  /** A record's outcome. */
  public enum Status {
    /** Valid, and it changed the stored plans (insert, update or delete). */
    ACCEPTED,
    /** Valid, and the stored plans already said the same. */
    UNCHANGED,
    /** Not applied; {@link #reason()} says why. */
    REJECTED
  }

  /** The record's position in its file, from 1. */
  public abstract int lineNumber();

  /** The local authority's reference for the plan, when the record had one. */
  public abstract Optional<String> localReference();

  public abstract Status status();

  /** Why it was rejected; present exactly when {@link #status()} is {@code REJECTED}. */
  public abstract Optional<RejectionReason> reason();

  /** For an accepted record: whether it inserted, updated or deleted the plan. */
  public abstract Optional<Reconciliation> change();

  /**
   * For a record that was applied (accepted or unchanged) under an NHS number PDS reported
   * superseded: the replacement, so that the local authority fixes its record (issue 12). The
   * plan is kept under the number sent, and shown under both.
   */
  public abstract Optional<NhsNumber> supersededBy();

  public static ImmutableRecordOutcome.Builder builder() {
    return ImmutableRecordOutcome.builder();
  }

  @Value.Check
  protected void check() {
    if ((status() == Status.REJECTED) != reason().isPresent()) {
      throw new IllegalArgumentException("a record outcome has a reason exactly when it is rejected");
    }
    if ((status() == Status.ACCEPTED) != change().isPresent()) {
      throw new IllegalArgumentException("a record outcome names its change exactly when it is accepted");
    }
  }
}
