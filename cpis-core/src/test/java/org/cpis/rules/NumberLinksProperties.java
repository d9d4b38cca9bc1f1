package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.RecordId;
import org.cpis.testkit.CpisArbitraries;

/**
 * Linked numbers: exactly the numbers joined to the checked one by a chain of links (an oracle by
 * union-find), so linking never makes a plan visible under an unrelated number.
 */
class NumberLinksProperties {

  /** Links among a few numbers, each number linked at most once (as the store keeps them). */
  @Provide
  Arbitrary<List<NhsNumberLink>> links() {
    return CpisArbitraries.nhsNumbers().list().ofSize(6).uniqueElements()
        .flatMap(
            numbers ->
                Arbitraries.integers().between(-1, 5).list().ofSize(6)
                    .map(
                        targets -> {
                          List<NhsNumberLink> links = new ArrayList<>();
                          for (int i = 0; i < numbers.size(); i++) {
                            int t = targets.get(i);
                            if (t == i) {
                              continue; // not linked
                            }
                            links.add(
                                NhsNumberLink.builder()
                                    .id(RecordId.of("l-" + i))
                                    .number(numbers.get(i))
                                    .replacement(t < 0 ? Optional.empty() : Optional.of(numbers.get(t)))
                                    .reportedBy("pds")
                                    .recordedAt(Instant.EPOCH)
                                    .build());
                          }
                          return links;
                        }));
  }

  private static NhsNumber root(Map<NhsNumber, NhsNumber> parent, NhsNumber n) {
    NhsNumber p = parent.getOrDefault(n, n);
    return p.equals(n) ? n : root(parent, p);
  }

  @Property(tries = 300)
  @Label("A number is linked to another exactly when a chain of replacements joins them: never to an unrelated number")
  void linkedExactlyThroughChains(@ForAll("links") List<NhsNumberLink> links, @ForAll("probe") NhsNumber probe) {
    Map<NhsNumber, NhsNumber> parent = new HashMap<>();
    List<NhsNumber> all = new ArrayList<>(List.of(probe));
    for (NhsNumberLink l : links) {
      all.add(l.number());
      l.replacement().ifPresent(all::add);
      l.replacement().ifPresent(r -> {
        NhsNumber a = root(parent, l.number());
        NhsNumber b = root(parent, r);
        if (!a.equals(b)) {
          parent.put(a, b);
        }
      });
    }
    for (NhsNumber n : all) {
      Set<NhsNumber> linked = NumberLinks.linked(n, links);
      assertThat(linked).contains(n);
      for (NhsNumber m : all) {
        assertThat(linked.contains(m)).as("%s linked to %s", m, n).isEqualTo(root(parent, m).equals(root(parent, n)));
      }
    }
  }

  @Property(tries = 300)
  @Label("The number in use for a number is linked to it, and is not superseded itself unless a cycle stops the chain")
  void currentNumberIsLinked(@ForAll("links") List<NhsNumberLink> links) {
    for (NhsNumberLink l : links) {
      Optional<NhsNumber> current = NumberLinks.currentNumber(l.number(), links);
      assertThat(current.isPresent()).isEqualTo(l.isSuperseded());
      current.ifPresent(c -> assertThat(NumberLinks.linked(l.number(), links)).contains(c));
      current.ifPresent(c -> assertThat(NumberLinks.isPreviousNumberOf(l.number(), c, links) || c.equals(l.number())).isTrue());
    }
  }

  @Provide
  Arbitrary<NhsNumber> probe() {
    return CpisArbitraries.nhsNumbers();
  }
}
