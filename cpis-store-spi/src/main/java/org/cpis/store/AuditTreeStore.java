package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditTreeNode;

/**
 * The audit log's Merkle tree (RFC 9162), kept beside the {@link AuditLog}: every perfect subtree
 * by {@code (level, index)}, and the signed checkpoints. Only the sealer writes it, in the
 * transaction that seals the entries; a batch writes about two nodes per entry and reads O(log n)
 * nodes, and a proof reads O(log n) nodes, so nothing reads the whole tree. Like the log, it has
 * no update and no delete. On a relational database: two tables keyed by {@code (level, index)}
 * and by tree size.
 */
public interface AuditTreeStore {

  /**
   * Inserts nodes.
   *
   * @throws DuplicateRecordException if a node with the same level and index exists; then none of
   *     {@code nodes} is inserted
   */
  void putNodes(List<AuditTreeNode> nodes);

  /** The node at {@code level} and {@code index}, if stored. */
  Optional<AuditTreeNode> findNode(int level, long index);

  /**
   * Inserts a checkpoint.
   *
   * @throws DuplicateRecordException if a checkpoint of that tree size exists
   */
  void putCheckpoint(AuditCheckpoint checkpoint);

  /** The checkpoint of that tree size, if stored. */
  Optional<AuditCheckpoint> findCheckpoint(long treeSize);

  /** The checkpoint of the largest tree size, if any. */
  Optional<AuditCheckpoint> latestCheckpoint();
}
