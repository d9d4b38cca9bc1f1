package org.cpis.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cpis.CheckResult;
import org.cpis.VisiblePlan;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Visible plans as the national API's CareTeam resources, and back. One CareTeam per visible plan:
 * {@code category} the plan type's SNOMED CT concept, {@code period} the plan's start and end,
 * {@code name} the local authority, {@code telecom} its office-hours number (use {@code work}) and
 * emergency-duty number (use {@code mobile}), {@code subject.identifier} the NHS number, {@code
 * managingOrganization} the local authority by ODS code, {@code status} {@code active} while the
 * plan is in force and {@code inactive} after it ended. An unborn plan carries the mother's
 * expected delivery date in the extension {@value FhirSystems#EXPECTED_DELIVERY_DATE}.
 */
public final class CareTeams {

  private CareTeams() {}

  /** The CareTeam of one visible plan of {@code subject}. */
  public static CareTeam careTeam(NhsNumber subject, VisiblePlan plan) {
    LocalAuthority la = plan.localAuthority();
    CareTeam team = new CareTeam();
    team.setId(SearchBundles.idFor("plan", plan.planId().value()));
    team.addIdentifier().setSystem(FhirSystems.CPIS_PLAN_ID).setValue(plan.planId().value());
    team.setStatus(plan.active() ? CareTeamStatus.ACTIVE : CareTeamStatus.INACTIVE);
    team.addCategory(
        new CodeableConcept(
            new Coding(FhirSystems.SNOMED_CT, plan.type().snomedConceptId(), plan.type().displayName())));
    team.setName(la.name());
    team.setSubject(patient(subject));
    Period period = new Period().setStartElement(new DateTimeType(plan.start().toString()));
    plan.end().ifPresent(end -> period.setEndElement(new DateTimeType(end.toString())));
    team.setPeriod(period);
    team.addManagingOrganization(organisation(la.odsCode(), la.name()));
    team.addTelecom(phone(la.officeHoursPhone(), ContactPointUse.WORK));
    team.addTelecom(phone(la.emergencyDutyPhone(), ContactPointUse.MOBILE));
    plan.expectedDeliveryDate()
        .ifPresent(edd -> team.addExtension(FhirSystems.EXPECTED_DELIVERY_DATE, new DateType(edd.toString())));
    plan.heldUnder().ifPresent(held -> team.addIdentifier(heldUnder(held, plan.heldUnderPreviousNumber())));
    return team;
  }

  /** The searchset of a check: one CareTeam per visible plan; no plan gives {@code total: 0}. */
  public static Bundle searchset(CheckResult result, String baseUrl, String selfUrl) {
    List<CareTeam> teams =
        result.plans().stream().map(p -> careTeam(result.nhsNumber(), p)).collect(Collectors.toList());
    return SearchBundles.searchset(baseUrl, selfUrl, result.checkedAt(), teams, List.of());
  }

  /**
   * The plans of a CareTeam searchset, as an EPR reads them back.
   *
   * @throws IllegalArgumentException if a CareTeam lacks what this view writes
   */
  public static List<VisiblePlan> plans(Bundle searchset) {
    return SearchBundles.entries(searchset, CareTeam.class, SearchEntryMode.MATCH).stream()
        .map(CareTeams::plan)
        .collect(Collectors.toList());
  }

  /** The plan a CareTeam of this view shows. */
  public static VisiblePlan plan(CareTeam team) {
    String planId = identifier(team.getIdentifier(), FhirSystems.CPIS_PLAN_ID, "a plan id");
    int slash = planId.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a plan id is ODS/reference");
    }
    OdsCode ods = OdsCode.of(planId.substring(0, slash));
    String code =
        team.getCategoryFirstRep().getCoding().stream()
            .filter(c -> FhirSystems.SNOMED_CT.equals(c.getSystem()))
            .map(Coding::getCode)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("a CareTeam without a SNOMED CT category"));
    PlanType type =
        PlanType.fromSnomedConceptId(code)
            .orElseThrow(() -> new IllegalArgumentException("an unknown plan concept " + code));
    return VisiblePlan.builder()
        .planId(PlanId.of(ods, planId.substring(slash + 1)))
        .type(type)
        .start(date(team.getPeriod().getStartElement()).orElseThrow(() -> new IllegalArgumentException("a CareTeam without a start")))
        .end(date(team.getPeriod().getEndElement()))
        .active(team.getStatus() == CareTeamStatus.ACTIVE)
        .localAuthority(
            LocalAuthority.builder()
                .odsCode(ods)
                .name(team.getName())
                .officeHoursPhone(phoneOf(team, ContactPointUse.WORK))
                .emergencyDutyPhone(phoneOf(team, ContactPointUse.MOBILE))
                .build())
        .expectedDeliveryDate(
            Optional.ofNullable(team.getExtensionByUrl(FhirSystems.EXPECTED_DELIVERY_DATE))
                .map(e -> LocalDate.parse(((DateType) e.getValue()).getValueAsString())))
        .heldUnder(
            team.getIdentifier().stream()
                .filter(i -> FhirSystems.NHS_NUMBER.equals(i.getSystem()))
                .findFirst()
                .map(i -> NhsNumber.parse(i.getValue())))
        .heldUnderPreviousNumber(
            team.getIdentifier().stream()
                .anyMatch(i -> FhirSystems.NHS_NUMBER.equals(i.getSystem()) && i.getUse() == Identifier.IdentifierUse.OLD))
        .build();
  }

  /**
   * The NHS number a plan is held under when it is not the one checked (issue 12), as an extra
   * identifier: use {@code old} for a previous number, {@code secondary} for a replacement.
   */
  static Identifier heldUnder(NhsNumber held, boolean previous) {
    return new Identifier()
        .setSystem(FhirSystems.NHS_NUMBER)
        .setUse(previous ? Identifier.IdentifierUse.OLD : Identifier.IdentifierUse.SECONDARY)
        .setValue(held.value());
  }

  /** A reference to the patient by NHS number. */
  static Reference patient(NhsNumber subject) {
    return new Reference()
        .setType("Patient")
        .setIdentifier(new Identifier().setSystem(FhirSystems.NHS_NUMBER).setValue(subject.value()));
  }

  /** A reference to an organisation by ODS code, with its name. */
  static Reference organisation(OdsCode ods, String name) {
    return new Reference()
        .setType("Organization")
        .setIdentifier(new Identifier().setSystem(FhirSystems.ODS_CODE).setValue(ods.value()))
        .setDisplay(name);
  }

  /** The value of the first identifier of this system. */
  static String identifier(List<Identifier> identifiers, String system, String what) {
    return identifiers.stream()
        .filter(i -> system.equals(i.getSystem()))
        .map(Identifier::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a resource without " + what));
  }

  static Instant instant(org.hl7.fhir.r4.model.BaseDateTimeType value) {
    return value.getValue().toInstant();
  }

  private static Optional<LocalDate> date(DateTimeType value) {
    return value == null || value.isEmpty()
        ? Optional.empty()
        : Optional.of(LocalDate.parse(value.getValueAsString().substring(0, 10)));
  }

  private static ContactPoint phone(String number, ContactPointUse use) {
    return new ContactPoint().setSystem(ContactPointSystem.PHONE).setValue(number).setUse(use);
  }

  private static String phoneOf(CareTeam team, ContactPointUse use) {
    return team.getTelecom().stream()
        .filter(t -> t.getUse() == use)
        .map(ContactPoint::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a CareTeam without a " + use.toCode() + " phone"));
  }
}
