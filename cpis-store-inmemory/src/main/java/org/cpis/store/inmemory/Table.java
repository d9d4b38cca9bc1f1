package org.cpis.store.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A keyed table, in key order, with optional secondary indexes whose rows are kept in a given
 * order. Every write records how to undo itself in the current transaction's undo log, so that a
 * failed transaction can be rolled back.
 */
final class Table<K extends Comparable<? super K>, V, I> {

  /** In key order ({@code TreeMap}), or for a table read only by key and index, a {@code HashMap}. */
  private final Map<K, V> rows;
  /** The index of {@link #indexed}, or null. */
  private final Index<V, I> index;
  /** Every index, that one first. */
  private final List<Index<V, ?>> indexes = new ArrayList<>(2);
  /** Every count. */
  private final List<Count<V, ?>> counts = new ArrayList<>(1);

  private Table(boolean ordered, Function<V, I> indexKey, Comparator<V> indexOrder) {
    this.rows = ordered ? new TreeMap<>() : new HashMap<>();
    this.index = indexKey == null ? null : addIndex(indexKey, indexOrder);
  }

  /** A table without a secondary index. */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> unindexed() {
    return new Table<>(true, null, null);
  }

  /**
   * A table without a secondary index whose rows are only read by key: a hash table, so that a
   * lookup among many rows costs one probe rather than a walk down a tree. Its {@link #values()}
   * and {@link #where} come in no particular order, and it has no {@link #from} or {@link #lastKey}.
   */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> hashed() {
    return new Table<>(false, null, null);
  }

  /** As {@link #indexed}, with the rows in a hash table as {@link #hashed()} has them. */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> hashedIndexed(
      Function<V, I> indexKey, Comparator<V> order) {
    return new Table<>(false, indexKey, order);
  }

  /**
   * A table indexed by {@code indexKey}, each index entry's rows in {@code order}, which must tell
   * apart any two rows with different keys (end it with the key).
   */
  static <K extends Comparable<? super K>, V, I> Table<K, V, I> indexed(
      Function<V, I> indexKey, Comparator<V> order) {
    return new Table<>(true, indexKey, order);
  }

  /**
   * Adds an index by {@code key}, each entry's rows in {@code order} (which must tell apart rows
   * with different keys); a row whose key is null is not in it. Call before the first write.
   */
  <J> Index<V, J> addIndex(Function<V, J> key, Comparator<V> order) {
    requireEmpty("an index");
    Index<V, J> added = new Index<>(key, order);
    indexes.add(added);
    return added;
  }

  /**
   * Adds a count of the rows by {@code key}, kept with every write and undo as the indexes are:
   * for a question ("has this authority any plan?") that an index would answer at the cost of an
   * entry per row. Call before the first write.
   */
  <J> Count<V, J> addCount(Function<V, J> key) {
    requireEmpty("a count");
    Count<V, J> added = new Count<>(key);
    counts.add(added);
    return added;
  }

  /** An index or a count starts empty, so it is added before the first write. */
  private void requireEmpty(String what) {
    if (!rows.isEmpty()) {
      throw new IllegalStateException(what + " is added to an empty table");
    }
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
    reindex(previous, value);
    undo.record(
        () -> {
          if (previous == null) {
            rows.remove(key);
          } else {
            rows.put(key, previous);
          }
          reindex(value, previous);
        });
  }

  boolean remove(K key, UndoLog undo) {
    V previous = rows.remove(key);
    if (previous == null) {
      return false;
    }
    reindex(previous, null);
    undo.record(
        () -> {
          rows.put(key, previous);
          reindex(null, previous);
        });
    return true;
  }

  /** Rows whose index key is {@code indexValue}, in the index's order. */
  List<V> byIndex(I indexValue) {
    return index.rows(indexValue);
  }

  /** At most {@code limit} rows whose index key is {@code indexValue}, in the index's order. */
  List<V> byIndexFirst(I indexValue, int limit) {
    return index.first(indexValue, limit);
  }

  /** At most {@code limit} rows whose index key is {@code indexValue}, last in the index's order first. */
  List<V> byIndexDescending(I indexValue, int limit) {
    return index.last(indexValue, limit);
  }

  /**
   * Rows whose index key is {@code indexValue}, from the probe on in the index's order; the probe
   * is made only if the key has rows.
   */
  List<V> byIndexFrom(I indexValue, Supplier<V> probe) {
    return index.from(indexValue, probe);
  }

  Optional<K> lastKey() {
    return rows.isEmpty() ? Optional.empty() : Optional.of(ordered().lastKey());
  }

  /**
   * Rows with key at or after {@code from}, in key order, read lazily: the stream does not ask
   * the tail map its size, which a {@code TreeMap}'s sub-map counts by walking every row in it.
   */
  Stream<V> from(K from) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            ordered().tailMap(from, true).values().iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private TreeMap<K, V> ordered() {
    if (!(rows instanceof TreeMap)) {
      throw new IllegalStateException("a hashed table has no key order");
    }
    return (TreeMap<K, V>) rows;
  }

  Stream<V> values() {
    return rows.values().stream();
  }


  List<V> where(java.util.function.Predicate<? super V> condition) {
    return values().filter(condition).collect(Collectors.toList());
  }

  private void reindex(V removed, V added) {
    for (int i = 0; i < indexes.size(); i++) {
      Index<V, ?> each = indexes.get(i);
      if (removed != null) {
        each.remove(removed);
      }
      if (added != null) {
        each.add(added);
      }
    }
    for (int i = 0; i < counts.size(); i++) {
      counts.get(i).change(removed, added);
    }
  }

  /** How many rows each key has; a key with none is not held. */
  static final class Count<V, J> {
    private final Function<V, J> key;
    private final Map<J, int[]> counts = new HashMap<>();

    private Count(Function<V, J> key) {
      this.key = key;
    }

    /** How many rows have key {@code k}. */
    int of(J k) {
      int[] count = counts.get(k);
      return count == null ? 0 : count[0];
    }

    private void change(V removed, V added) {
      J from = removed == null ? null : key.apply(removed);
      J to = added == null ? null : key.apply(added);
      if (from != null && from.equals(to)) {
        return; // a row replaced by one with the same key: the count stands
      }
      if (from != null && --counts.get(from)[0] == 0) {
        counts.remove(from);
      }
      if (to != null) {
        counts.computeIfAbsent(to, k -> new int[1])[0]++;
      }
    }
  }

  /**
   * A secondary index. An entry with one row holds the row itself, and only an entry with more
   * holds a sorted set: most keys (a child's plans, a child's accesses) have one row, and a set
   * per key would cost more heap than the row.
   */
  static final class Index<V, J> {
    private final Function<V, J> key;
    private final Comparator<V> order;
    /** Per key: the one row, or {@link Many} rows. */
    private final Map<J, Object> entries = new HashMap<>();

    private Index(Function<V, J> key, Comparator<V> order) {
      this.key = key;
      this.order = order;
    }

    /** Several rows under one key, in the index's order. */
    private static final class Many<V> {
      final TreeSet<V> rows;

      Many(TreeSet<V> rows) {
        this.rows = rows;
      }
    }

    private void add(V row) {
      J k = key.apply(row);
      if (k == null) {
        return;
      }
      Object entry = entries.get(k);
      if (entry == null) {
        entries.put(k, row);
      } else if (entry instanceof Many) {
        many(entry).add(row);
      } else {
        TreeSet<V> both = new TreeSet<>(order);
        both.add(one(entry));
        both.add(row);
        entries.put(k, new Many<>(both));
      }
    }

    private void remove(V row) {
      J k = key.apply(row);
      if (k == null) {
        return;
      }
      Object entry = entries.get(k);
      if (entry == null) {
        return;
      }
      if (entry instanceof Many) {
        TreeSet<V> set = many(entry);
        set.remove(row);
        if (set.size() == 1) {
          entries.put(k, set.first());
        } else if (set.isEmpty()) {
          entries.remove(k);
        }
      } else if (order.compare(one(entry), row) == 0) {
        entries.remove(k);
      }
    }

    /** The rows under {@code k}, in order. */
    List<V> rows(J k) {
      Object entry = entries.get(k);
      if (entry == null) {
        return List.of();
      }
      return entry instanceof Many ? List.copyOf(many(entry)) : List.of(one(entry));
    }

    /** The rows under {@code k} in order, as a live view: not to be used across a write. */
    Iterable<V> ascending(J k) {
      Object entry = entries.get(k);
      if (entry == null) {
        return List.of();
      }
      return entry instanceof Many ? many(entry) : List.of(one(entry));
    }

    List<V> first(J k, int limit) {
      Object entry = entries.get(k);
      if (entry == null || limit == 0) {
        return List.of();
      }
      return entry instanceof Many
          ? many(entry).stream().limit(limit).collect(Collectors.toList())
          : single(entry);
    }

    List<V> last(J k, int limit) {
      Object entry = entries.get(k);
      if (entry == null || limit == 0) {
        return List.of();
      }
      return entry instanceof Many
          ? many(entry).descendingSet().stream().limit(limit).collect(Collectors.toList())
          : single(entry);
    }

    /**
     * The rows under {@code k} from the probe on, in order; the probe is made only when {@code k}
     * has rows (a check of a child with no history makes none).
     */
    List<V> from(J k, Supplier<V> probe) {
      Object entry = entries.get(k);
      if (entry == null) {
        return List.of();
      }
      if (entry instanceof Many) {
        return List.copyOf(many(entry).tailSet(probe.get(), true));
      }
      return order.compare(one(entry), probe.get()) >= 0 ? List.of(one(entry)) : List.of();
    }

    /** A list of the one row, modifiable as the many rows' list is. */
    private List<V> single(Object entry) {
      List<V> list = new ArrayList<>(1);
      list.add(one(entry));
      return list;
    }

    @SuppressWarnings("unchecked")
    private V one(Object entry) {
      return (V) entry;
    }

    @SuppressWarnings("unchecked")
    private TreeSet<V> many(Object entry) {
      return ((Many<V>) entry).rows;
    }
  }
}
