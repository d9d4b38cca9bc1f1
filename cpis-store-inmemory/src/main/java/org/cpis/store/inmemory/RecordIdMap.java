package org.cpis.store.inmemory;

import java.util.HashMap;
import java.util.Map;
import org.cpis.model.RecordId;

/**
 * A map from record id to a number (zero or more) that is cheap for the ids an engine issues: a
 * prefix, a hyphen and a counter, in base 36 by default ({@code 3f2a…-1}, {@code 3f2a…-2}, …) or
 * in decimal from a counting id source ({@code id-1}, {@code id-2}, …). Such an id
 * is kept in an array of its prefix, at its counter's place, so that adding the next id is an
 * array store next to the last one: no hash of the id's text, no probe of a table of every id
 * (which, at a million unsealed audit records, is a cache miss and a share of a rehash each).
 * Any other id, and one whose counter lies too far from its prefix's others, is kept in a hash
 * table. Every lookup asks both places, so where an id went never changes what is found.
 *
 * <p>A counter is read only in its one canonical form (digits and lower-case letters, no leading
 * zero; see {@link #counterStart}), so two different ids never share a place. Not thread-safe: the
 * store's lock guards it.
 */
final class RecordIdMap {

  /** What {@link #get}, {@link #putIfAbsent} and {@link #remove} return for an id not here. */
  static final long ABSENT = -1;

  /** The longest counters read: 36^12 and 10^18 fit in a long. */
  private static final int MAX_BASE36_DIGITS = 12;
  private static final int MAX_DECIMAL_DIGITS = 18;
  /**
   * A prefix's array spans at most this many places per live entry, and {@link #SLACK} more: an
   * engine's counter also numbers its access events and notifications, so its audit records'
   * counters have gaps.
   */
  private static final long DENSITY = 8;
  /** The places a prefix's array may span beyond {@link #DENSITY} per live entry. */
  private static final long SLACK = 1024;

  /** The ids of one prefix, by counter: {@code slots[i]} holds counter {@code base + i}. */
  private static final class Run {
    final String prefix;
    final int radix;
    long base;
    /** Each value plus one: 0 is an empty place. */
    long[] slots = new long[16];
    /** The live entries; every slot below {@code head} or from {@code tail} is empty. */
    int size;
    int head;
    int tail;

    Run(String prefix, int radix, long first) {
      this.prefix = prefix;
      this.radix = radix;
      this.base = first;
    }

    /**
     * Whether {@code id} is this prefix, a hyphen and a counter of this radix whose digits start
     * at {@code at}.
     */
    boolean holds(String id, int at, int radix) {
      return radix == this.radix && at == prefix.length() + 1 && id.startsWith(prefix);
    }

    long get(long counter) {
      long i = counter - base;
      return i >= head && i < tail ? slots[(int) i] - 1 : ABSENT;
    }

    void put(int place, long value) {
      slots[place] = value + 1;
      if (size++ == 0) {
        head = place;
        tail = place + 1;
      } else {
        head = Math.min(head, place);
        tail = Math.max(tail, place + 1);
      }
    }

    /** Empties the place of {@code counter} and returns what it held, or {@link #ABSENT}. */
    long remove(long counter) {
      long removed = get(counter);
      if (removed != ABSENT) {
        int i = (int) (counter - base);
        slots[i] = 0;
        size--;
        while (head < tail && slots[head] == 0) {
          head++;
        }
        while (tail > head && slots[tail - 1] == 0) {
          tail--;
        }
      }
      return removed;
    }

    /**
     * Makes room for {@code counter} and returns its place, or -1 if the array would then span
     * more than {@link #DENSITY} places per live entry and {@link #SLACK} more. Re-laying the
     * array puts the lowest live counter at place 0, so places freed at the front are reused.
     */
    int placeFor(long counter) {
      long i = counter - base;
      if (i >= 0 && i < slots.length) {
        return (int) i;
      }
      long lo = size == 0 ? counter : Math.min(counter, base + head);
      long hi = size == 0 ? counter + 1 : Math.max(counter + 1, base + tail);
      long span = hi - lo;
      if (span > DENSITY * size + SLACK) {
        return -1;
      }
      long[] moved = new long[Math.max(16, Integer.highestOneBit((int) span) << 1)];
      int live = tail - head;
      int newHead = size == 0 ? 0 : (int) (base + head - lo);
      if (size > 0) {
        System.arraycopy(slots, head, moved, newHead, live);
      }
      slots = moved;
      head = newHead;
      tail = newHead + live;
      base = lo;
      return (int) (counter - lo);
    }
  }

  private final Map<RecordId, Long> others = new HashMap<>();
  /** The runs by prefix, of decimal counters and of base-36 ones. */
  private final Map<String, Run> decimalRuns = new HashMap<>();
  private final Map<String, Run> base36Runs = new HashMap<>();
  /** The run last used: one engine's ids follow each other. */
  private Run last;
  private int size;

  /** How many entries are here. */
  int size() {
    return size;
  }

  /** The value of this id, or {@link #ABSENT}. */
  long get(RecordId id) {
    if (size == 0) {
      return ABSENT;
    }
    String text = id.value();
    if (parse(text)) {
      Run run = run(text, false);
      long found = run == null ? ABSENT : run.get(counter);
      if (found != ABSENT) {
        return found;
      }
    }
    return other(id);
  }

  /**
   * Adds the entry unless the id is here.
   *
   * @param value zero or more
   * @return the value that was here, or {@link #ABSENT} if the entry was added
   */
  long putIfAbsent(RecordId id, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a value is zero or more");
    }
    String text = id.value();
    if (parse(text)) {
      Run run = run(text, true);
      long found = run.get(counter);
      if (found == ABSENT) {
        found = other(id);
      }
      if (found != ABSENT) {
        return found;
      }
      int place = run.placeFor(counter);
      if (place >= 0) {
        run.put(place, value);
        size++;
        return ABSENT;
      }
    }
    Long present = others.putIfAbsent(id, value);
    if (present == null) {
      size++;
      return ABSENT;
    }
    return present;
  }

  /** Removes the entry of this id and returns its value, or {@link #ABSENT} if there was none. */
  long remove(RecordId id) {
    String text = id.value();
    if (parse(text)) {
      Run run = run(text, false);
      long removed = run == null ? ABSENT : run.remove(counter);
      if (removed != ABSENT) {
        size--;
        return removed;
      }
    }
    Long removed = others.isEmpty() ? null : others.remove(id);
    if (removed == null) {
      return ABSENT;
    }
    size--;
    return removed;
  }

  private long other(RecordId id) {
    Long found = others.isEmpty() ? null : others.get(id);
    return found == null ? ABSENT : found;
  }

  /** The run of the id {@link #parse} read last, made if {@code create}; null if there is none. */
  private Run run(String text, boolean create) {
    Run run = last;
    if (run == null || !run.holds(text, at, radix)) {
      String prefix = text.substring(0, at - 1);
      Map<String, Run> runs = radix == 10 ? decimalRuns : base36Runs;
      run = create ? runs.computeIfAbsent(prefix, p -> new Run(p, radix, counter)) : runs.get(prefix);
      if (run != null) {
        last = run;
      }
    }
    return run;
  }

  /*
   * What parse read of the last id: where its counter starts, the counter's radix and value.
   */
  private int at;
  private int radix;
  private long counter;

  /**
   * Reads the id as a prefix of at least one character, a hyphen and a canonical counter into
   * {@link #at}, {@link #radix} and {@link #counter}, in one pass over the counter's digits.
   * A counter of decimal digits only (up to eighteen) is read in base 10, one with a letter (up to
   * twelve digits and lower-case letters) in base 36, each in runs of its own: so the counters of
   * a decimal source ({@code id-9}, {@code id-10}) and of a base-36 one ({@code …-z}, {@code
   * …-10}) both lie close together, and no two ids share a place.
   *
   * @return false if the id has no such counter
   */
  private boolean parse(String text) {
    int dash = text.lastIndexOf('-');
    int digits = text.length() - dash - 1;
    if (dash < 1 || digits < 1 || digits > MAX_DECIMAL_DIGITS
        || (digits > 1 && text.charAt(dash + 1) == '0')) {
      return false;
    }
    long decimal = 0;
    long base36 = 0;
    boolean letters = false;
    for (int i = dash + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        digit = c - 'a' + 10;
        letters = true;
      } else {
        return false;
      }
      decimal = decimal * 10 + digit; // wrong once a letter is met, and then not used
      base36 = base36 * 36 + digit; // may overflow past twelve digits, and then not used
    }
    if (letters && digits > MAX_BASE36_DIGITS) {
      return false;
    }
    at = dash + 1;
    radix = letters ? 36 : 10;
    counter = letters ? base36 : decimal;
    return true;
  }

  /** Where the id's counter starts as {@link #parse} reads it, or -1 if it has none. */
  static int counterStart(String text) {
    RecordIdMap reader = new RecordIdMap();
    return reader.parse(text) ? reader.at : -1;
  }

  @Override
  public String toString() {
    return "RecordIdMap[" + size + " ids, " + others.size() + " of them in the hash table]";
  }
}
