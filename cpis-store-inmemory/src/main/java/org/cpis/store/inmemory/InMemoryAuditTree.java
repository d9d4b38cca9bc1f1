package org.cpis.store.inmemory;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AuditCheckpoint;
import org.cpis.model.AuditTreeNode;
import org.cpis.store.AuditTreeStore;
import org.cpis.store.DuplicateRecordException;

/** The audit log's Merkle tree and checkpoints, in memory: two tables, insert-only. */
final class InMemoryAuditTree {

  /** A node's place: level, then index. */
  private record Position(int level, long index) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
      int c = Integer.compare(level, o.level);
      return c != 0 ? c : Long.compare(index, o.index);
    }
  }

  private final Table<Position, AuditTreeNode, Void> nodes = Table.hashed();
  private final Table<Long, AuditCheckpoint, Void> checkpoints = Table.unindexed();

  /** The tree as one transaction sees it; {@code checkOpen} guards every call. */
  AuditTreeStore in(Runnable checkOpen, UndoLog undo) {
    return new AuditTreeStore() {
      @Override
      public void putNodes(List<AuditTreeNode> added) {
        checkOpen.run();
        Objects.requireNonNull(added, "nodes");
        Set<Position> seen = new HashSet<>();
        for (AuditTreeNode n : added) {
          Position p = new Position(Objects.requireNonNull(n, "node").level(), n.index());
          if (nodes.contains(p) || !seen.add(p)) {
            throw new DuplicateRecordException("audit tree node " + p.level + "/" + p.index + " exists");
          }
        }
        for (AuditTreeNode n : added) {
          nodes.put(new Position(n.level(), n.index()), n, undo);
        }
      }

      @Override
      public Optional<AuditTreeNode> findNode(int level, long index) {
        checkOpen.run();
        return nodes.get(new Position(level, index));
      }

      @Override
      public void putCheckpoint(AuditCheckpoint checkpoint) {
        checkOpen.run();
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (checkpoints.contains(checkpoint.treeSize())) {
          throw new DuplicateRecordException("an audit checkpoint of size " + checkpoint.treeSize() + " exists");
        }
        checkpoints.put(checkpoint.treeSize(), checkpoint, undo);
      }

      @Override
      public Optional<AuditCheckpoint> findCheckpoint(long treeSize) {
        checkOpen.run();
        return checkpoints.get(treeSize);
      }

      @Override
      public Optional<AuditCheckpoint> latestCheckpoint() {
        checkOpen.run();
        return checkpoints.lastKey().flatMap(checkpoints::get);
      }
    };
  }
}
