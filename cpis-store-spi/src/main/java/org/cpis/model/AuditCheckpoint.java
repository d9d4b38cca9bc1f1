package org.cpis.model;

import org.immutables.value.Value;

/**
 * A signed checkpoint of the audit log as the store keeps it: the tree size it covers and its
 * C2SP signed-note text, as the sealer signed it. The store keeps it to serve proofs against; the
 * copies that count are those published out of the database.
 */
@Value.Immutable
public abstract class AuditCheckpoint {

  /** How many sealed entries it covers. */
  public abstract long treeSize();

  /** The signed note: checkpoint text, blank line, signature lines. */
  public abstract String note();

  public static AuditCheckpoint of(long treeSize, String note) {
    return ImmutableAuditCheckpoint.builder().treeSize(treeSize).note(note).build();
  }

  @Value.Check
  protected void check() {
    Records.require(treeSize() >= 0, "a checkpoint's tree size is at least 0");
    Records.requireText(note(), "a checkpoint note");
  }
}
