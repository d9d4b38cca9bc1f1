package org.cpis.model;

/** What the social worker decided after reviewing an access notification. */
public enum ReviewOutcome {
  NO_FURTHER_ACTION,
  INFORMATION_SHARED_WITH_HEALTH,
  CASE_DISCUSSED_WITH_MANAGER,
  STRATEGY_DISCUSSION,
  REFERRED_FOR_ASSESSMENT
}
