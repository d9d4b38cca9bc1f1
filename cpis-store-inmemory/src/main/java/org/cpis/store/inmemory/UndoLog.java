package org.cpis.store.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;

/** The writes of one transaction, as actions that undo them, newest first. */
final class UndoLog {

  private final Deque<Runnable> undo = new ArrayDeque<>();

  void record(Runnable undoAction) {
    undo.push(undoAction);
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }
}
