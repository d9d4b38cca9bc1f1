package org.cpis.rules;

import java.time.Instant;
import org.cpis.model.AccessEvent;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;

/** Accesses for the attendance rules' tests: one child, organisations by number. */
final class Attendances {

  static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
  static final NhsNumber CHILD = NhsNumber.parse("9434765919");
  static final Accessor NURSE =
      Accessor.builder().userId("555000111222").name("Sam Patel").role("Staff Nurse").rbacActivityCode("B0168").build();

  private Attendances() {}

  static Organisation organisation(int i) {
    return Organisation.of(OdsCode.of("RA" + (char) ('A' + i)), "Hospital " + i);
  }

  static AccessEvent access(String id, int organisation, CareSetting setting, Instant at) {
    return AccessEvent.builder()
        .id(RecordId.of(id))
        .subject(CHILD)
        .accessor(NURSE)
        .organisation(organisation(organisation))
        .setting(setting)
        .accessedAt(at)
        .build();
  }

  static AccessEvent access(String id, int organisation, Instant at) {
    return access(id, organisation, CareSetting.EMERGENCY_DEPARTMENT, at);
  }
}
