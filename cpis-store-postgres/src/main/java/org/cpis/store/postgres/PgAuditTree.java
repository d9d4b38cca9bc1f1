package org.cpis.store.postgres;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditTreeNode;
import org.cpis.store.AuditTreeStore;
import org.cpis.store.DuplicateRecordException;

/**
 * The audit log's Merkle tree in {@code audit_tree_node} (keyed by level and index) and its
 * checkpoints in {@code audit_checkpoint} (keyed by tree size). A batch of nodes is one look for
 * taken positions and one insert, each over arrays, whatever the batch's size.
 */
final class PgAuditTree implements AuditTreeStore {

  private final Session session;

  PgAuditTree(Session session) {
    this.session = session;
  }

  @Override
  public void putNodes(List<AuditTreeNode> nodes) {
    Objects.requireNonNull(nodes, "nodes");
    int n = nodes.size();
    if (n == 0) {
      session.checkOpen();
      return;
    }
    int[] levels = new int[n];
    long[] indexes = new long[n];
    String[] hashes = new String[n];
    for (int i = 0; i < n; i++) {
      AuditTreeNode node = Objects.requireNonNull(nodes.get(i), "node");
      levels[i] = node.level();
      indexes[i] = node.index();
      hashes[i] = node.hash();
    }
    Set<List<Long>> positions = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!positions.add(List.of((long) levels[i], indexes[i]))) {
        throw new DuplicateRecordException("two audit tree nodes at " + levels[i] + "/" + indexes[i]);
      }
    }
    if (session.exists(
        "SELECT 1 FROM {s}.audit_tree_node t JOIN unnest(?::int[], ?::bigint[]) AS p(level, idx)"
            + " ON t.level = p.level AND t.idx = p.idx LIMIT 1",
        levels,
        indexes)) {
      throw new DuplicateRecordException("an audit tree node at one of these positions exists");
    }
    session.update(
        "INSERT INTO {s}.audit_tree_node (level, idx, hash)"
            + " SELECT * FROM unnest(?::int[], ?::bigint[], ?::text[])",
        levels,
        indexes,
        hashes);
  }

  @Override
  public Optional<AuditTreeNode> findNode(int level, long index) {
    return session.queryOne(
        "SELECT level, idx, hash FROM {s}.audit_tree_node WHERE level = ? AND idx = ?",
        rs -> AuditTreeNode.of(rs.getInt("level"), rs.getLong("idx"), rs.getString("hash")),
        level,
        index);
  }

  @Override
  public void putCheckpoint(AuditCheckpoint c) {
    Objects.requireNonNull(c, "checkpoint");
    session.insertNew(
        () -> new DuplicateRecordException("an audit checkpoint of size " + c.treeSize() + " exists"),
        "INSERT INTO {s}.audit_checkpoint (tree_size, note) VALUES (?, ?)",
        c.treeSize(),
        c.note());
  }

  @Override
  public Optional<AuditCheckpoint> findCheckpoint(long treeSize) {
    return session.queryOne(
        "SELECT tree_size, note FROM {s}.audit_checkpoint WHERE tree_size = ?",
        rs -> AuditCheckpoint.of(rs.getLong("tree_size"), rs.getString("note")),
        treeSize);
  }

  @Override
  public Optional<AuditCheckpoint> latestCheckpoint() {
    return session.queryOne(
        "SELECT tree_size, note FROM {s}.audit_checkpoint ORDER BY tree_size DESC LIMIT 1",
        rs -> AuditCheckpoint.of(rs.getLong("tree_size"), rs.getString("note")));
  }
}
