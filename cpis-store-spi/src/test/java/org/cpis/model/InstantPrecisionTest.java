package org.cpis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every instant a record keeps is to the microsecond, the precision of a SQL timestamp. */
class InstantPrecisionTest {

  private static final Instant NANOS = Instant.parse("2025-03-01T10:15:30.123456789Z");
  private static final Instant MICROS = Instant.parse("2025-03-01T10:15:30.123456Z");

  @Test
  @DisplayName("An audit record built with a nanosecond instant keeps it truncated to the microsecond")
  void auditRecord() {
    AuditRecord r =
        AuditRecord.builder()
            .id(RecordId.of("a1"))
            .at(NANOS)
            .action(AuditAction.CHECK)
            .actor("nurse")
            .detail("d")
            .build();
    assertThat(r.at()).isEqualTo(MICROS);
  }

  @Test
  @DisplayName("An access event, a review and an upload receipt keep their instants to the microsecond")
  void otherRecords() {
    AccessEvent e =
        AccessEvent.builder()
            .id(RecordId.of("e1"))
            .subject(NhsNumber.parse("9434765919"))
            .accessor(Accessor.builder().userId("u").name("n").role("r").rbacActivityCode("B0264").build())
            .organisation(Organisation.builder().odsCode(OdsCode.of("RAL01")).name("Royal Free").build())
            .setting(CareSetting.EMERGENCY_DEPARTMENT)
            .accessedAt(NANOS)
            .build();
    assertThat(e.accessedAt()).isEqualTo(MICROS);
    Review review =
        Review.builder()
            .notificationId(RecordId.of("n1"))
            .localAuthority(OdsCode.of("714"))
            .reviewer("sw")
            .outcome(ReviewOutcome.values()[0])
            .recordedOnCaseRecord(false)
            .reviewedAt(NANOS)
            .build();
    assertThat(review.reviewedAt()).isEqualTo(MICROS);
    UploadReceipt receipt =
        UploadReceipt.builder()
            .id(RecordId.of("u1"))
            .localAuthority(OdsCode.of("714"))
            .receivedAt(NANOS)
            .accepted(1)
            .unchanged(0)
            .rejected(0)
            .withoutNhsNumber(0)
            .build();
    assertThat(receipt.receivedAt()).isEqualTo(MICROS);
  }

  @Test
  @DisplayName("An instant already at the microsecond is kept as it is")
  void alreadyMicros() {
    AuditRecord r =
        AuditRecord.builder().id(RecordId.of("a1")).at(MICROS).action(AuditAction.CHECK).actor("x").detail("").build();
    assertThat(r.at()).isEqualTo(MICROS);
  }
}
