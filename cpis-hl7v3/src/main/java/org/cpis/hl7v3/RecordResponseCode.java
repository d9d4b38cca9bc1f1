package org.cpis.hl7v3;

import org.cpis.rules.RejectionReason;

/**
 * The record codes of a {@code FileResponse} (vocabulary CP-ISUploadRecordResponse, code system
 * {@value #CODE_SYSTEM}), and the one each of cpis's rejection reasons maps to. Where CPR has no
 * exact code the record gets {@link #CPR07} and the reason's code and description go in the
 * code's {@code originalText}. The display names are the vocabulary's, typo included.
 */
public enum RecordResponseCode {
  CPR01("PDS Error - No Match Found for NHS Number"),
  CPR02("PDS Error - NHS Number Matched, but Sensitive Record"),
  CPR03("PDS Error - NHS Number not Verified"),
  CPR04("PDS Error - NHS Number Format Incorrect"),
  CPR05("PDS Error - NHS Number Verified, but Superseded"),
  CPR06("Successful Record Upload"),
  CPR07("Unsucessful Record Upload");

  public static final String CODE_SYSTEM = "2.16.840.1.113883.2.1.3.2.4.17.473";

  private final String displayName;

  RecordResponseCode(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The code of a rejected record: the module README's mapping table. */
  public static RecordResponseCode of(RejectionReason reason) {
    switch (reason) {
      case INVALID_NHS_NUMBER:
        return CPR04;
      case NO_DEMOGRAPHIC_MATCH:
        return CPR03;
      case MISSING_LOCAL_REFERENCE:
      case MISSING_NHS_NUMBER:
      case MISSING_PLAN_TYPE:
      case UNKNOWN_PLAN_TYPE:
      case MISSING_START_DATE:
      case INVALID_DATE:
      case END_BEFORE_START:
      case UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE:
      case EXPECTED_DELIVERY_DATE_ON_BORN_CHILD:
      case UNKNOWN_ACTION:
      case DUPLICATE_IN_FILE:
      case MALFORMED_LINE:
      case INVALID_LOCAL_REFERENCE:
      case NHS_NUMBER_INACTIVE:
        return CPR07;
      default:
        throw new IllegalArgumentException("no record code for " + reason);
    }
  }
}
