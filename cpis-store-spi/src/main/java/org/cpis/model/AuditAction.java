package org.cpis.model;

/** What an audit entry records. */
public enum AuditAction {
  CHECK,
  UPLOAD,
  BIRTH_RECORDED,
  PLAN_DELETED,
  REVIEW_RECORDED,
  CASE_RECORD_CONFIRMED,
  PURGE,
  /** An NHS number was reported superseded or inactive (issue 12). */
  NUMBER_CHANGED,
  /** A local authority acknowledged a number change notice. */
  NUMBER_CHANGE_ACKNOWLEDGED,
  /** A scheduled setting recorded that a child was not brought to an appointment. */
  MISSED_APPOINTMENT
}
