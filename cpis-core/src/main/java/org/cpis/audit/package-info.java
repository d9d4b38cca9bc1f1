/**
 * The tamper-evident audit log for those who do not trust the database (design rule 9): signed
 * checkpoints ({@link org.cpis.audit.CheckpointSigner}) published out of the database ({@link
 * org.cpis.audit.CheckpointPublisher}), inclusion and consistency proofs, the JSON-lines export of
 * the log and the offline {@link org.cpis.audit.AuditVerifier}. Nothing here touches a store: a
 * verifier needs only entries, proofs, checkpoints and the public key.
 */
package org.cpis.audit;
