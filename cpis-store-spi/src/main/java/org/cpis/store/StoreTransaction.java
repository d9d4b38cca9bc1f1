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
}
