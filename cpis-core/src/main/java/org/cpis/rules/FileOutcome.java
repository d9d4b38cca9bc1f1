package org.cpis.rules;

/** How an upload file went as a whole. */
public enum FileOutcome {
  /** No record was rejected. */
  SUCCESS,
  /** Some records were rejected, some were not. */
  PARTIAL,
  /** Every record was rejected. */
  FAILED;

  /** The outcome of a file with these counts; an empty file succeeds. */
  public static FileOutcome of(int acceptedOrUnchanged, int rejected) {
    if (rejected == 0) {
      return SUCCESS;
    }
    return acceptedOrUnchanged == 0 ? FAILED : PARTIAL;
  }
}
