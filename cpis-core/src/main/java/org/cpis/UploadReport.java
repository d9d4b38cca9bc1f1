package org.cpis;

import java.time.Instant;
import java.util.List;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.rules.FileOutcome;
import org.immutables.value.Value;

/**
 * The answer to a local authority's upload (design rule 5): one outcome per record, in file
 * order, and the file's outcome.
 */
@Value.Immutable
public abstract class UploadReport {

  public abstract OdsCode localAuthority();

  public abstract Instant receivedAt();

  /** The id of the stored upload receipt. */
  public abstract RecordId receiptId();

  public abstract List<RecordOutcome> outcomes();

  @Value.Derived
  public FileOutcome fileOutcome() {
    return FileOutcome.of(accepted() + unchanged(), rejected());
  }

  @Value.Derived
  public int accepted() {
    return count(RecordOutcome.Status.ACCEPTED);
  }

  @Value.Derived
  public int unchanged() {
    return count(RecordOutcome.Status.UNCHANGED);
  }

  @Value.Derived
  public int rejected() {
    return count(RecordOutcome.Status.REJECTED);
  }

  private int count(RecordOutcome.Status status) {
    return (int) outcomes().stream().filter(o -> o.status() == status).count();
  }

  public static ImmutableUploadReport.Builder builder() {
    return ImmutableUploadReport.builder();
  }
}
