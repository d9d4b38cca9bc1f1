package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A table's count by key ({@link Table#addCount}) is, after any writes, removals and rollbacks,
 * the number of rows with that key: the plans table's count per local authority lets a query for
 * an authority with none answer without a tree seek, so a count too low would hide plans and one
 * too high would cost the seek again.
 */
class TableCountProperties {

  /** Row {@code id} (0–7) holds key {@code key} (0–2); a remove takes the row {@code id} out. */
  record Step(boolean remove, int id, int key) {}

  @Property
  void countIsTheNumberOfRowsWithTheKey(@ForAll("transactions") List<List<Step>> transactions, @ForAll("commits") List<Boolean> commits) {
    Table<Integer, int[], Void> table = Table.hashed();
    Table.Count<int[], Integer> count = table.addCount(row -> row[1]);
    Map<Integer, Integer> model = new HashMap<>();
    for (int t = 0; t < transactions.size(); t++) {
      UndoLog undo = new UndoLog();
      Map<Integer, Integer> before = new HashMap<>(model);
      for (Step step : transactions.get(t)) {
        if (step.remove()) {
          table.remove(step.id(), undo);
          model.remove(step.id());
        } else {
          table.put(step.id(), new int[] {step.id(), step.key()}, undo);
          model.put(step.id(), step.key());
        }
      }
      if (!commits.get(t % commits.size())) {
        undo.rollback();
        model = before;
      }
      for (int key = 0; key < 3; key++) {
        int k = key;
        assertThat(count.of(key)).as("rows with key %d", key).isEqualTo((int) model.values().stream().filter(v -> v == k).count());
      }
    }
  }

  @Provide
  Arbitrary<List<List<Step>>> transactions() {
    Arbitrary<Step> step =
        Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 2))
            .as(Step::new);
    return step.list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Boolean>> commits() {
    return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(8);
  }
}
