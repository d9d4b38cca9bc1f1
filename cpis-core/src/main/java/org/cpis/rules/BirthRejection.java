package org.cpis.rules;

/** Why a birth cannot be recorded against a plan. */
public enum BirthRejection {
  /** The plan is not an unborn child protection plan. */
  NOT_AN_UNBORN_PLAN,
  /** The unborn plan has already ended. */
  PLAN_ALREADY_ENDED,
  /** The baby's NHS number is the mother's. */
  SAME_NHS_NUMBER_AS_MOTHER,
  /** The date of birth is before the unborn plan started. */
  BIRTH_BEFORE_PLAN_START,
  /** The date of birth is after today. */
  BIRTH_IN_FUTURE,
  /**
   * The baby's plan would take the reference of a plan the local authority already has. Decided
   * by the engine, which knows the stored plans, not by {@link UnbornLinkage}.
   */
  BABY_PLAN_REFERENCE_IN_USE
}
