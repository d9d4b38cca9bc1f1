package org.cpis.hl7v3;

import org.cpis.rules.FileOutcome;

/** The file codes of a {@code FileResponse} (vocabulary CP-ISUploadFileResponse). */
public enum FileResponseCode {
  CPF01("File Level Error"),
  CPF02("Successful File Upload"),
  CPF03("Partial File Upload"),
  CPF04("Unsuccessful File Upload"),
  CPF05("PDS Error - PDS Unavailable"),
  CPF06("Spine ii rejected the request because this version of the CPIS Client is no longer supported");

  private final String displayName;

  FileResponseCode(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The code of a file the engine applied: success, partial or unsuccessful. */
  public static FileResponseCode of(FileOutcome outcome) {
    switch (outcome) {
      case SUCCESS:
        return CPF02;
      case PARTIAL:
        return CPF03;
      case FAILED:
        return CPF04;
      default:
        throw new IllegalArgumentException("no file code for " + outcome);
    }
  }
}
