package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A plan id is its authority and its reference, whatever the reference's length: the id keeps
 * the text it was made from, orders as its {@link PlanId#value() value} orders (authority, then
 * reference as text), and is equal, with the same hash, exactly when the values are. The
 * references share long prefixes and run to the 64 characters allowed, so that a representation
 * that keeps the text in parts (an array, packed words) is tried where its parts tie.
 */
class PlanIdProperties {

  @Property
  void keepsItsReference(@ForAll("references") String reference) {
    assertThat(PlanId.of(OdsCode.of("714"), reference).localReference()).isEqualTo(reference);
  }

  @Property
  void ordersAndEqualsAsItsValue(
      @ForAll("authorities") String authorityA, @ForAll("references") String a,
      @ForAll("authorities") String authorityB, @ForAll("references") String b) {
    PlanId x = PlanId.of(OdsCode.of(authorityA), a);
    PlanId y = PlanId.of(OdsCode.of(authorityB), b);
    int byAuthority = authorityA.compareTo(authorityB);
    int expected = byAuthority != 0 ? byAuthority : a.compareTo(b);
    assertThat(Integer.signum(x.compareTo(y))).as("order").isEqualTo(Integer.signum(expected));
    assertThat(Integer.signum(y.compareTo(x))).as("order, the other way").isEqualTo(-Integer.signum(expected));
    assertThat(x.equals(y)).as("equal").isEqualTo(expected == 0);
    if (expected == 0) {
      assertThat(x.hashCode()).as("hash of equal ids").isEqualTo(y.hashCode());
    }
  }

  @Provide
  Arbitrary<String> authorities() {
    return Arbitraries.of("714", "7140", "202");
  }

  /** Printable ASCII, 1 to 64 characters, often sharing a prefix of 15 to 17 characters. */
  @Provide
  Arbitrary<String> references() {
    Arbitrary<String> tail = Arbitraries.strings().withCharRange('!', '~').ofMinLength(0).ofMaxLength(47);
    Arbitrary<String> prefix = Arbitraries.of("", "CP-2024-0031-AB", "CP-2024-0031-ABC", "CP-2024-0031-ABCD", "Z", "~~~~~~~~~~~~~~~~");
    return net.jqwik.api.Combinators.combine(prefix, tail)
        .as((p, t) -> p + t)
        .filter(s -> !s.isEmpty() && s.length() <= 64);
  }
}
