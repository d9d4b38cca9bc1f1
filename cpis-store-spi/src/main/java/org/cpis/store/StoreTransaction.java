package org.cpis.store;

/** The stores one unit of work can use; valid only inside {@link CpisStore#inTransaction}. */
public interface StoreTransaction {

  LocalAuthorityStore localAuthorities();

  PlanStore plans();

  AccessEventStore accessEvents();

  NotificationStore notifications();

  ReviewStore reviews();

  AuditLog audit();

  /** The audit log's Merkle tree and checkpoints. */
  AuditTreeStore auditTree();

  UploadReceiptStore uploads();

  LeaseStore leases();

  /** A child's recent history for the attendance rules, and episodes' notifications. */
  AttendanceStore attendances();

  /** Superseded and inactive NHS numbers, and the notices of them. */
  NhsNumberLinkStore numberLinks();
}
