package org.cpis.model;

/** What an audit entry records. */
public enum AuditAction {
  CHECK,
  UPLOAD,
  BIRTH_RECORDED,
  PLAN_DELETED,
  REVIEW_RECORDED,
  CASE_RECORD_CONFIRMED,
  PURGE
}
