package org.cpis.hl7v3;

import java.time.Instant;
import org.immutables.value.Value;

/** What an upload {@code File} says about itself before its records. */
@Value.Immutable
public abstract class FileHeader {

  /** The file's id (the local authority's sequence number), echoed in the acknowledgement. */
  public abstract String fileId();

  /** When the local authority made the file. */
  public abstract Instant creationTime();

  /** How many records the file says it holds ({@code transmissionQuantity}). */
  public abstract int recordCount();

  public abstract SendingOrganisation sender();

  public static ImmutableFileHeader.Builder builder() {
    return ImmutableFileHeader.builder();
  }
}
