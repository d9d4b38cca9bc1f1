package org.cpis.store.inmemory;

import java.time.Instant;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;

/**
 * Rows that sort first among a subject's rows at an instant (by time, then id: {@code "!"} is the
 * least identifier), so that an index is read from that instant on without a scan.
 */
final class Probes {

  private static final RecordId LEAST_ID = RecordId.of("!");
  private static final Accessor NOBODY =
      Accessor.builder().userId("probe").name("probe").role("probe").rbacActivityCode("probe").build();
  private static final Organisation NOWHERE = Organisation.of(OdsCode.of("AAA"), "probe");
  /** Made once: an id's and a code's checks (a pattern match) would run on every probe. */
  private static final PlanId NO_PLAN = PlanId.of(OdsCode.of("AAA"), "probe");

  private Probes() {}

  static AccessEvent event(NhsNumber subject, Instant at) {
    return AccessEvent.builder()
        .id(LEAST_ID)
        .subject(subject)
        .accessor(NOBODY)
        .organisation(NOWHERE)
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessedAt(ceilMicros(at))
        .build();
  }

  static AccessNotification notification(NhsNumber subject, Instant at) {
    Instant micros = ceilMicros(at);
    return AccessNotification.builder()
        .id(LEAST_ID)
        .accessEventId(LEAST_ID)
        .subject(subject)
        .planId(NO_PLAN)
        .planType(PlanType.CHILD_PROTECTION_PLAN)
        .organisation(NOWHERE)
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessor(NOBODY)
        .accessedAt(micros)
        .deliveryStatus(DeliveryStatus.PENDING)
        .nextAttemptAt(micros)
        .build();
  }

  /** Rows keep microseconds: a row at or after {@code at} is at or after its next microsecond. */
  private static Instant ceilMicros(Instant at) {
    Instant down = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return down.equals(at) ? at : down.plusNanos(1_000);
  }
}
