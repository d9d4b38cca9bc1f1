package org.cpis.rules;

/** Why an upload record was rejected (design rule 5). One value per rule. */
public enum RejectionReason {
  MISSING_LOCAL_REFERENCE("R01", "the record has no local reference"),
  MISSING_NHS_NUMBER("R02", "the record has no NHS number"),
  INVALID_NHS_NUMBER("R03", "the NHS number is not valid"),
  MISSING_PLAN_TYPE("R04", "the record has no plan type"),
  UNKNOWN_PLAN_TYPE("R05", "the plan type is not CPPI, LACI or UCPI"),
  MISSING_START_DATE("R06", "the record has no start date"),
  INVALID_DATE("R07", "a date is not a valid ISO-8601 date (YYYY-MM-DD)"),
  END_BEFORE_START("R08", "the end date is before the start date"),
  UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE("R09", "an unborn child protection plan needs an expected delivery date"),
  EXPECTED_DELIVERY_DATE_ON_BORN_CHILD("R10", "only an unborn child protection plan has an expected delivery date"),
  UNKNOWN_ACTION("R11", "the action is neither blank nor DELETE"),
  DUPLICATE_IN_FILE("R12", "another record in the same file has the same local reference"),
  NO_DEMOGRAPHIC_MATCH("R13", "the NHS number, name and date of birth do not match the national record"),
  MALFORMED_LINE("R14", "the line does not have the columns of the file's header"),
  INVALID_LOCAL_REFERENCE("R15", "the local reference is not 1 to 64 printable ASCII characters without spaces"),
  NHS_NUMBER_INACTIVE("R16", "the NHS number is inactive and has no replacement");

  private final String code;
  private final String description;

  RejectionReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** A short stable code for reports, e.g. {@code R03}. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
