package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules that mutation testing showed no test held (issue 9): each test fails if its rule is
 * removed. The defaults are the national values; zero is a valid period or limit, one below it
 * is refused.
 */
@DisplayName("Rules mutation testing found unguarded")
class SafetyRulesTest {

  private static final OdsCode ISLINGTON = OdsCode.of("714");

  @Test
  @DisplayName("The retention policy defaults to 364, 28 and 28 days and age 18; zero days is allowed, minus one refused, for each period")
  void retentionPolicyBounds() {
    RetentionPolicy defaults = RetentionPolicy.defaults();
    assertThat(defaults.endedPlanDays()).isEqualTo(364);
    assertThat(defaults.endedUnbornPlanDays()).isEqualTo(28);
    assertThat(defaults.openUnbornPlanDaysAfterExpectedDelivery()).isEqualTo(28);
    assertThat(defaults.ageOfMajority()).isEqualTo(18);
    for (UnaryOperator<ImmutableRetentionPolicy.Builder> zero : Arrays.<UnaryOperator<ImmutableRetentionPolicy.Builder>>asList(
        b -> b.endedPlanDays(0), b -> b.endedUnbornPlanDays(0), b -> b.openUnbornPlanDaysAfterExpectedDelivery(0), b -> b.ageOfMajority(1))) {
      assertThat(zero.apply(RetentionPolicy.builder()).build()).isNotNull();
    }
    for (UnaryOperator<ImmutableRetentionPolicy.Builder> negative : Arrays.<UnaryOperator<ImmutableRetentionPolicy.Builder>>asList(
        b -> b.endedPlanDays(-1), b -> b.endedUnbornPlanDays(-1), b -> b.openUnbornPlanDaysAfterExpectedDelivery(-1), b -> b.ageOfMajority(0))) {
      assertThatThrownBy(() -> negative.apply(RetentionPolicy.builder()).build()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("Service levels allow zero for each limit and refuse one below it")
  void serviceLevelBounds() {
    for (UnaryOperator<ImmutableServiceLevels.Builder> zero : Arrays.<UnaryOperator<ImmutableServiceLevels.Builder>>asList(
        b -> b.feedMaxAge(Duration.ZERO), b -> b.reviewDeadline(Duration.ZERO), b -> b.birthNotRecordedAfterDays(0), b -> b.accessHistoryLimit(0))) {
      assertThat(zero.apply(ServiceLevels.builder()).build()).isNotNull();
    }
    for (UnaryOperator<ImmutableServiceLevels.Builder> negative : Arrays.<UnaryOperator<ImmutableServiceLevels.Builder>>asList(
        b -> b.feedMaxAge(Duration.ofNanos(-1)), b -> b.reviewDeadline(Duration.ofNanos(-1)), b -> b.birthNotRecordedAfterDays(-1),
        b -> b.accessHistoryLimit(-1))) {
      assertThatThrownBy(() -> negative.apply(ServiceLevels.builder()).build()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("A local reference with a control character is rejected R15 before any other check")
  void controlCharacterInReferenceIsR15() {
    UploadRecord record = UploadRecord.builder().lineNumber(1).localReference("CP\u00001").build();

    assertThat(UploadValidation.validateFile(java.util.List.of(record), ISLINGTON))
        .containsExactly(Decision.reject(RejectionReason.INVALID_LOCAL_REFERENCE));
  }

  @Test
  @DisplayName("A record's toString shows its line and a valid reference, never its NHS number or an invalid reference's text")
  void uploadRecordToStringIsMasked() {
    UploadRecord valid = UploadRecord.builder().lineNumber(3).localReference("CP-3").nhsNumber("9434765919").build();
    UploadRecord invalid = UploadRecord.builder().lineNumber(4).localReference("9434765919 " + "x".repeat(100)).build();

    assertThat(valid.toString()).isEqualTo("UploadRecord{line=3, reference=CP-3}");
    assertThat(invalid.toString()).isEqualTo("UploadRecord{line=4, reference=(111 characters)}");
    assertThat(UploadRecord.builder().lineNumber(5).build().toString()).isEqualTo("UploadRecord{line=5, reference=}");
  }

  @Test
  @DisplayName("A plan change cannot carry a plan of another id")
  void planChangeNamesItsPlan() {
    PlanId id = PlanId.of(ISLINGTON, "CP-1");
    ProtectionPlan plan =
        ProtectionPlan.builder().id(PlanId.of(ISLINGTON, "CP-2")).subject(NhsNumber.parse("9434765919"))
            .type(PlanType.CHILD_PROTECTION_PLAN).start(LocalDate.of(2024, 5, 1)).build();

    assertThatThrownBy(() -> PlanChange.builder().planId(id).plan(plan).build()).isInstanceOf(IllegalArgumentException.class);
    assertThat(PlanChange.builder().planId(plan.id()).plan(plan).build().isDelete()).isFalse();
  }

  @Test
  @DisplayName("Equal decisions have equal hash codes and say what they are")
  void decisionHashAndText() {
    assertThat(Decision.allow(1).hashCode()).isEqualTo(Decision.allow(1).hashCode()).isNotEqualTo(Decision.allow(2).hashCode());
    assertThat(Decision.allow(1)).hasToString("Allowed[1]");
    assertThat(Decision.reject("late")).hasToString("Rejected[late]");
  }

  @Test
  @DisplayName("Every rejection reason has its own code and a description")
  void rejectionReasonsAreDescribed() {
    assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).doesNotHaveDuplicates().allMatch(c -> c.matches("R\\d\\d"));
    assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::description)).allMatch(d -> d.length() > 10);
  }

  @Test
  @DisplayName("A chain whose hashes and links are all sound but whose first entry is not number 1 is broken at 1")
  void auditChainChecksTheSequence() {
    org.cpis.model.AuditRecord record =
        org.cpis.model.AuditRecord.builder().id(org.cpis.model.RecordId.of("a-1")).at(java.time.Instant.parse("2024-05-10T21:14:00Z"))
            .action(org.cpis.model.AuditAction.CHECK).actor("nurse-1").detail("no plan visible").build();
    org.cpis.model.AuditEntry first = AuditChain.next(java.util.Optional.empty(), record);
    org.cpis.model.AuditEntry renumbered = AuditChain.seal(org.cpis.model.AuditEntry.builder().from(first).sequence(2).build());

    assertThat(AuditChain.firstBroken(java.util.List.of(first))).isEmpty();
    assertThat(AuditChain.firstBroken(java.util.List.of(renumbered))).hasValue(1);
  }
}
