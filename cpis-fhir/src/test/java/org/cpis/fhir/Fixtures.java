package org.cpis.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cpis.CheckResult;
import org.cpis.VisiblePlan;
import org.cpis.model.AccessEvent;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.rules.AccessKind;

/** One child on a plan, as the examples use it; and the one FhirContext of the tests. */
final class Fixtures {

  static final CpisFhir FHIR = CpisFhir.create();

  static final String BASE = "http://127.0.0.1:8080";

  static final NhsNumber CHILD = NhsNumber.parse("9995260182");

  static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(OdsCode.of("714"))
          .name("Islington")
          .officeHoursPhone("020 7946 0100")
          .emergencyDutyPhone("020 7946 0199")
          .build();

  static final Accessor NURSE =
      Accessor.builder().userId("555000000101").name("Priya Shah").role("Staff Nurse").rbacActivityCode("B0168").build();

  static final Organisation WHITTINGTON = Organisation.of(OdsCode.of("RKE"), "Whittington Hospital");

  private Fixtures() {}

  static VisiblePlan plan(ProtectionPlan p, LocalAuthority la, boolean active) {
    return VisiblePlan.builder()
        .planId(p.id())
        .type(p.type())
        .start(p.start())
        .end(p.end())
        .active(active)
        .localAuthority(la)
        .expectedDeliveryDate(p.expectedDeliveryDate())
        .build();
  }

  static VisiblePlan childProtectionPlan() {
    return VisiblePlan.builder()
        .planId(PlanId.of(ISLINGTON.odsCode(), "CP-ISL-0001"))
        .type(PlanType.CHILD_PROTECTION_PLAN)
        .start(LocalDate.of(2024, 11, 4))
        .active(true)
        .localAuthority(ISLINGTON)
        .build();
  }

  static AccessEvent access(String id, Instant at) {
    return AccessEvent.builder()
        .id(RecordId.of(id))
        .subject(CHILD)
        .accessor(NURSE)
        .organisation(WHITTINGTON)
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessedAt(at)
        .build();
  }

  static CheckResult result(List<VisiblePlan> plans, List<AccessEvent> recent) {
    return CheckResult.builder()
        .nhsNumber(CHILD)
        .checkedAt(Instant.parse("2025-03-03T14:20:00Z"))
        .accessKind(AccessKind.UNSCHEDULED)
        .plans(plans)
        .recentAccesses(recent)
        .build();
  }
}
