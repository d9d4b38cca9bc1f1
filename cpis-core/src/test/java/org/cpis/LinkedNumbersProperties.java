package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.rules.UploadRecord;

/**
 * Through the engine: whatever links PDS reports among a few numbers, a check shows exactly the
 * plans held under numbers joined to the checked one by a chain of replacements. Linking never
 * makes a plan visible under an unrelated number, and never hides one held under the number itself.
 */
class LinkedNumbersProperties {

  private static final List<NhsNumber> NUMBERS = List.of(nhs(1), nhs(2), nhs(3), nhs(4), nhs(5));

  /** For each number: -2 not linked, -1 inactive, else the index of its replacement. */
  @Provide
  Arbitrary<List<Integer>> links() {
    return Arbitraries.integers().between(-2, NUMBERS.size() - 1).list().ofSize(NUMBERS.size());
  }

  @Provide
  Arbitrary<List<Integer>> planHolders() {
    return Arbitraries.integers().between(0, NUMBERS.size() - 1).list().ofMaxSize(4);
  }

  private static int root(Map<Integer, Integer> parent, int n) {
    int p = parent.getOrDefault(n, n);
    return p == n ? n : root(parent, p);
  }

  @Property(tries = 40)
  @Label("A check shows exactly the plans held under the numbers a chain of links joins to it")
  void linkingNeverShowsAPlanUnderAnUnrelatedNumber(
      @ForAll("links") List<Integer> links, @ForAll("planHolders") List<Integer> holders) {
    TestEngine t = new TestEngine();
    List<UploadRecord> records = new ArrayList<>();
    for (int i = 0; i < holders.size(); i++) {
      records.add(cpp(i + 1, "CP-" + i, NUMBERS.get(holders.get(i)), t.today().minusDays(3), null));
    }
    t.islington().upload(records);
    Map<Integer, Integer> parent = new HashMap<>();
    for (int i = 0; i < NUMBERS.size(); i++) {
      int to = links.get(i);
      if (to == -1) {
        t.cpis.recordInactive(NUMBERS.get(i), "pds");
      } else if (to >= 0 && to != i) {
        t.cpis.recordSuperseded(NUMBERS.get(i), NUMBERS.get(to), "pds");
        int a = root(parent, i);
        int b = root(parent, to);
        if (a != b) {
          parent.put(a, b);
        }
      }
    }
    for (int c = 0; c < NUMBERS.size(); c++) {
      int checked = c;
      CheckResult result =
          t.cpis.health().check(
              CheckRequest.builder().from(check(NUMBERS.get(c), ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).unscheduled(false).build());
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < holders.size(); i++) {
        if (root(parent, holders.get(i)) == root(parent, checked)) {
          expected.add("CP-" + i);
        }
      }
      assertThat(result.plans()).extracting(p -> p.planId().localReference()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(result.plans()).allSatisfy(
          p -> assertThat(p.heldUnder().isPresent())
              .isEqualTo(!holderOf(p.planId().localReference(), holders).equals(NUMBERS.get(checked))));
      assertThat(result.replacedBy().isPresent())
          .as("the replacement is noted only with an alert")
          .isEqualTo(!expected.isEmpty() && links.get(checked) >= 0 && links.get(checked) != checked);
      assertThat(result.replacedBy()).isNotEqualTo(Optional.of(NUMBERS.get(checked)));
    }
  }

  private static NhsNumber holderOf(String reference, List<Integer> holders) {
    return NUMBERS.get(holders.get(Integer.parseInt(reference.substring(3))));
  }
}
