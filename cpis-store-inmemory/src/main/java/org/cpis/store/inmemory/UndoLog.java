package org.cpis.store.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;

/** The writes of one transaction, as actions that undo them, newest first. */
final class UndoLog {

  /** Made at the first write: a read-only transaction (most checks that find nothing) needs none. */
  private Deque<Runnable> undo;

  void record(Runnable undoAction) {
    if (undo == null) {
      undo = new ArrayDeque<>();
    }
    undo.push(undoAction);
  }

  void rollback() {
    while (undo != null && !undo.isEmpty()) {
      undo.pop().run();
    }
  }
}
