package org.cpis;

import java.util.OptionalLong;
import org.immutables.value.Value;

/** Whether the audit log's hash chain is intact (design rule 9). */
@Value.Immutable
public abstract class AuditVerification {

  /** How many entries were read. */
  public abstract long entriesChecked();

  /** The sequence number of the first entry that breaks the chain; empty when intact. */
  public abstract OptionalLong firstBrokenSequence();

  public boolean intact() {
    return firstBrokenSequence().isEmpty();
  }

  public static ImmutableAuditVerification.Builder builder() {
    return ImmutableAuditVerification.builder();
  }
}
