package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

/** A plan builds exactly when its dates are in order and its type matches the expected delivery date. */
class ProtectionPlanProperties {

  @Property
  void buildsExactlyWhenConsistent(
      @ForAll PlanType type,
      @ForAll @DateRange(min = "2000-01-01", max = "2040-12-31") LocalDate start,
      @ForAll @IntRange(min = -400, max = 400) int endOffset,
      @ForAll boolean hasEnd,
      @ForAll boolean hasExpectedDelivery) {
    Optional<LocalDate> end = hasEnd ? Optional.of(start.plusDays(endOffset)) : Optional.empty();
    boolean consistent =
        end.map(e -> !e.isBefore(start)).orElse(true) && type.isUnborn() == hasExpectedDelivery;
    ImmutableProtectionPlan.Builder builder =
        ProtectionPlan.builder()
            .id(PlanId.of(OdsCode.of("714"), "REF-1"))
            .subject(NhsNumber.parse("9434765919"))
            .type(type)
            .start(start)
            .end(end)
            .expectedDeliveryDate(hasExpectedDelivery ? Optional.of(start.plusDays(100)) : Optional.empty());
    if (consistent) {
      ProtectionPlan plan = builder.build();
      assertThat(plan.end()).isEqualTo(end);
      assertThat(plan.hasEndedBy(start.minusDays(1))).isFalse();
    } else {
      assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
