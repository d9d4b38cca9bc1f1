package org.cpis.store.inmemory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A keyed table with one optional secondary index, whose rows are kept in a given order. Every
 * write records how to undo itself in the current transaction's undo log, so that a failed
 * transaction can be rolled back.
 */
final class Table<K extends Comparable<? super K>, V, I> {

  private final TreeMap<K, V> rows = new TreeMap<>();
  private final Map<I, TreeSet<V>> index = new HashMap<>();
  private final Function<V, I> indexKey;
  private final Comparator<V> indexOrder;

  private Table(Function<V, I> indexKey, Comparator<V> indexOrder) {
    this.indexKey = indexKey;
    this.indexOrder = indexOrder;
  }

  /** A table without a secondary index. */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> unindexed() {
    return new Table<>(null, null);
  }

  /**
   * A table indexed by {@code indexKey}, each index entry's rows in {@code order}, which must tell
   * apart any two rows with different keys (end it with the key).
   */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> indexed(
      Function<V, I> indexKey, Comparator<V> order) {
    return new Table<>(indexKey, order);
  }

  Optional<V> get(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  boolean contains(K key) {
    return rows.containsKey(key);
  }

  /** Stores the row, replacing any with the same key. */
  void put(K key, V value, UndoLog undo) {
    V previous = rows.put(key, value);
    reindex(key, previous, value);
    undo.record(
        () -> {
          if (previous == null) {
            rows.remove(key);
          } else {
            rows.put(key, previous);
          }
          reindex(key, value, previous);
        });
  }

  boolean remove(K key, UndoLog undo) {
    V previous = rows.remove(key);
    if (previous == null) {
      return false;
    }
    reindex(key, previous, null);
    undo.record(
        () -> {
          rows.put(key, previous);
          reindex(key, null, previous);
        });
    return true;
  }

  /** Rows whose index key is {@code indexValue}, in the index's order. */
  List<V> byIndex(I indexValue) {
    TreeSet<V> found = index.get(indexValue);
    return found == null ? List.of() : List.copyOf(found);
  }

  /** At most {@code limit} rows whose index key is {@code indexValue}, in the index's order. */
  List<V> byIndexFirst(I indexValue, int limit) {
    TreeSet<V> found = index.get(indexValue);
    return found == null ? List.of() : found.stream().limit(limit).collect(Collectors.toList());
  }

  /** At most {@code limit} rows whose index key is {@code indexValue}, last in the index's order first. */
  List<V> byIndexDescending(I indexValue, int limit) {
    TreeSet<V> found = index.get(indexValue);
    return found == null
        ? List.of()
        : found.descendingSet().stream().limit(limit).collect(Collectors.toList());
  }

  /** Rows whose index key is {@code indexValue}, from {@code probe} on in the index's order. */
  List<V> byIndexFrom(I indexValue, V probe) {
    TreeSet<V> found = index.get(indexValue);
    return found == null ? List.of() : List.copyOf(found.tailSet(probe, true));
  }

  Optional<K> lastKey() {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.lastKey());
  }

  /** Rows with key at or after {@code from}, in key order. */
  Stream<V> from(K from) {
    return rows.tailMap(from, true).values().stream();
  }

  Stream<V> values() {
    return rows.values().stream();
  }


  List<V> where(java.util.function.Predicate<? super V> condition) {
    return values().filter(condition).collect(Collectors.toList());
  }

  private void reindex(K key, V removed, V added) {
    if (indexKey == null) {
      return;
    }
    if (removed != null) {
      I old = indexKey.apply(removed);
      TreeSet<V> entry = index.get(old);
      if (entry != null) {
        entry.remove(removed);
        if (entry.isEmpty()) {
          index.remove(old);
        }
      }
    }
    if (added != null) {
      index.computeIfAbsent(indexKey.apply(added), k -> new TreeSet<>(indexOrder)).add(added);
    }
  }
}
