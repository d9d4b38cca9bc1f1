package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.cpis.model.RecordId;

/**
 * A {@link RecordIdMap} is a map: whatever ids it is given (prefix-hyphen-counter ids in base 36
 * and in decimal, in order, out of order, far apart, in several prefixes, and ids of any other
 * shape that look nearly like them), every get, add and remove answers as a {@link HashMap} does.
 */
class RecordIdMapProperties {

  /** put (0), remove (1) or get (2) of one id. */
  record Op(int kind, String id) {}

  @Property(tries = 500)
  void answersAsAHashMap(@ForAll("operations") List<Op> operations) {
    RecordIdMap map = new RecordIdMap();
    Map<RecordId, Long> model = new HashMap<>();
    long n = 0;
    for (Op op : operations) {
      RecordId id = RecordId.of(op.id());
      switch (op.kind()) {
        case 0 -> {
          long value = n++;
          assertThat(map.putIfAbsent(id, value)).as("add %s", id).isEqualTo(orAbsent(model.putIfAbsent(id, value)));
        }
        case 1 -> assertThat(map.remove(id)).as("remove %s", id).isEqualTo(orAbsent(model.remove(id)));
        default -> assertThat(map.get(id)).as("get %s", id).isEqualTo(orAbsent(model.get(id)));
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (RecordId id : model.keySet()) {
      assertThat(map.get(id)).isEqualTo(model.get(id));
    }
  }

  private static long orAbsent(Long value) {
    return value == null ? RecordIdMap.ABSENT : value;
  }

  @Example
  void aCounterIsReadOnlyInItsCanonicalForm() {
    assertThat(RecordIdMap.counterStart("engine-1z")).isEqualTo(7);
    assertThat(RecordIdMap.counterStart("a-b-0")).isEqualTo(4);
    assertThat(RecordIdMap.counterStart("engine-01")).as("leading zero").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("engine-1Z")).as("upper case").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("engine-")).as("no digits").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("-5")).as("no prefix").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("engine")).as("no hyphen").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("e-zzzzzzzzzzzz")).as("twelve base-36 digits").isEqualTo(2);
    assertThat(RecordIdMap.counterStart("e-zzzzzzzzzzzz1")).as("thirteen base-36 digits").isEqualTo(-1);
    assertThat(RecordIdMap.counterStart("e-999999999999999999")).as("eighteen decimal digits").isEqualTo(2);
    assertThat(RecordIdMap.counterStart("e-1000000000000000000")).as("nineteen decimal digits").isEqualTo(-1);
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<String> prefix = Arbitraries.of("3f2a", "3f2a-b", "x", "3f2", "a!b");
    // mostly near each other, sometimes far apart (kept in the hash table), sometimes huge
    Arbitrary<Long> counter =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.longs().between(0, 60)),
            Tuple.of(2, Arbitraries.longs().between(0, 20_000)),
            Tuple.of(1, Arbitraries.longs().between(0, 4_738_381_338_321_616_895L)));
    // the same counters written in base 36 and in decimal: "x-10" and "x-a" are different ids
    Arbitrary<String> engineId =
        Combinators.combine(prefix, counter, Arbitraries.of(10, 36))
            .as((p, c, radix) -> p + "-" + Long.toString(radix == 10 ? c % 1_000_000_000_000_000_000L : c, radix));
    Arbitrary<String> otherId =
        Arbitraries.of("3f2a-01", "3f2a-A", "3f2a-", "-1", "3f2a", "plain", "3f2a-1_", "x-00", "x-1000000000000000000", "x-zzzzzzzzzzzz1");
    Arbitrary<String> id = Arbitraries.frequencyOf(
        Tuple.of(9, engineId), Tuple.of(1, otherId));
    Arbitrary<Op> op =
        Combinators.combine(Arbitraries.integers().between(0, 2), id).as(Op::new);
    return op.list().ofMaxSize(200);
  }
}
