package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A rule's decision is an allowance with its value or a rejection with its reason, never both. */
class DecisionTest {

  @Test
  @DisplayName("An allowance carries its value; mapping and chaining apply to it")
  void allowance() {
    Decision<Integer, String> d = Decision.allow(2);
    assertThat(d.isAllowed()).isTrue();
    assertThat(d.isRejected()).isFalse();
    assertThat(d.rejection()).isEmpty();
    assertThat(d.map(n -> n * 10).value()).isEqualTo(20);
    assertThat(d.then(n -> Decision.<Integer, String>reject("too small")).rejection()).contains("too small");
  }

  @Test
  @DisplayName("A rejection carries its reason through map and then, and has no value")
  void rejection() {
    Decision<Integer, String> d = Decision.reject("bad");
    assertThat(d.isRejected()).isTrue();
    assertThat(d.map(n -> n * 10).rejection()).contains("bad");
    assertThat(d.then(n -> Decision.allow(n)).rejection()).contains("bad");
    assertThatThrownBy(d::value).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("Neither a value nor a reason can be null, and decisions are equal by content")
  void nullsAndEquality() {
    assertThatThrownBy(() -> Decision.allow(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Decision.reject(null)).isInstanceOf(NullPointerException.class);
    assertThat(Decision.allow(1)).isEqualTo(Decision.allow(1)).isNotEqualTo(Decision.reject(1));
  }
}
