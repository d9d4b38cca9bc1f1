package org.cpis.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cpis.CheckResult;
import org.cpis.model.AccessEvent;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The recent unscheduled accesses to a child's record (design rule 6) as the national API's
 * AuditEvent search: one AuditEvent per access, newest first, {@code recorded} the time of the
 * access, {@code subtype} the care setting, {@code entity} the patient by NHS number, and {@code
 * agent.who} the viewer as a PractitionerRole that the Bundle includes once per viewer ({@code
 * search.mode} {@code include}): the practitioner's name and Spine user id, the role (with the RBAC
 * activity) and the organisation by ODS code and name.
 */
public final class AccessHistory {

  /** The observer named in every AuditEvent's {@code source}. */
  public static final String OBSERVER = "CP-IS";

  private AccessHistory() {}

  /** The AuditEvent searchset of a check's recent accesses; no access gives {@code total: 0}. */
  public static Bundle searchset(CheckResult result, String baseUrl, String selfUrl) {
    List<AuditEvent> events = new ArrayList<>();
    Map<String, PractitionerRole> viewers = new LinkedHashMap<>();
    for (AccessEvent access : result.recentAccesses()) {
      PractitionerRole viewer = practitionerRole(access.accessor(), access.organisation());
      viewers.putIfAbsent(viewer.getIdPart(), viewer);
      events.add(auditEvent(access, viewer.getIdPart()));
    }
    return SearchBundles.searchset(
        baseUrl, selfUrl, result.checkedAt(), events, new ArrayList<>(viewers.values()));
  }

  /** The AuditEvent of one access, whose viewer is the PractitionerRole with id {@code viewerId}. */
  public static AuditEvent auditEvent(AccessEvent access, String viewerId) {
    AuditEvent event = new AuditEvent();
    event.setId(SearchBundles.idFor("access", access.id().value()));
    event.setType(new Coding(FhirSystems.AUDIT_EVENT_TYPE, "rest", "RESTful Operation"));
    event.addSubtype(
        new Coding(FhirSystems.CPIS_CARE_SETTING, access.setting().name(), access.setting().displayName()));
    event.setAction(AuditEventAction.R);
    event.setRecorded(Date.from(access.accessedAt()));
    event.setOutcome(AuditEventOutcome._0);
    event
        .addAgent()
        .setRequestor(true)
        .setWho(new Reference("PractitionerRole/" + viewerId));
    event.getSource().setObserver(new Reference().setDisplay(OBSERVER));
    event.addEntity().setWhat(CareTeams.patient(access.subject()));
    event
        .addEntity()
        .setWhat(
            new Reference()
                .setIdentifier(
                    new Identifier().setSystem(FhirSystems.CPIS_RECORD_ID).setValue(access.id().value())));
    return event;
  }

  /** The viewer: name and Spine user id, role with the RBAC activity, organisation. */
  public static PractitionerRole practitionerRole(Accessor accessor, Organisation organisation) {
    PractitionerRole role = new PractitionerRole();
    role.setId(
        SearchBundles.idFor(
            "viewer",
            String.join(
                "|",
                accessor.userId(),
                accessor.name(),
                accessor.role(),
                accessor.rbacActivityCode(),
                organisation.odsCode().value(),
                organisation.name())));
    role.setPractitioner(
        new Reference()
            .setType("Practitioner")
            .setIdentifier(new Identifier().setSystem(FhirSystems.SDS_USER_ID).setValue(accessor.userId()))
            .setDisplay(accessor.name()));
    role.setOrganization(CareTeams.organisation(organisation.odsCode(), organisation.name()));
    role.addCode(
        new CodeableConcept()
            .setText(accessor.role())
            .addCoding(new Coding().setSystem(FhirSystems.CPIS_RBAC_ACTIVITY).setCode(accessor.rbacActivityCode())));
    return role;
  }

  /**
   * The accesses of an AuditEvent searchset, as an EPR reads them back, newest first.
   *
   * @throws IllegalArgumentException if an AuditEvent or its PractitionerRole lacks what this view writes
   */
  public static List<AccessEvent> accesses(Bundle searchset) {
    Map<String, PractitionerRole> viewers =
        SearchBundles.entries(searchset, PractitionerRole.class, SearchEntryMode.INCLUDE).stream()
            .collect(Collectors.toMap(Resource::getIdPart, r -> r, (a, b) -> a));
    return SearchBundles.entries(searchset, AuditEvent.class, SearchEntryMode.MATCH).stream()
        .map(e -> access(e, viewers))
        .collect(Collectors.toList());
  }

  private static AccessEvent access(AuditEvent event, Map<String, PractitionerRole> viewers) {
    String viewerId = event.getAgentFirstRep().getWho().getReferenceElement().getIdPart();
    PractitionerRole viewer = viewers.get(viewerId);
    if (viewer == null) {
      throw new IllegalArgumentException("an AuditEvent whose viewer is not included");
    }
    List<Identifier> identifiers =
        event.getEntity().stream().map(e -> e.getWhat().getIdentifier()).collect(Collectors.toList());
    CodeableConcept code = viewer.getCodeFirstRep();
    return AccessEvent.builder()
        .id(RecordId.of(CareTeams.identifier(identifiers, FhirSystems.CPIS_RECORD_ID, "a record id")))
        .subject(NhsNumber.parse(CareTeams.identifier(identifiers, FhirSystems.NHS_NUMBER, "an NHS number")))
        .accessor(
            Accessor.builder()
                .userId(viewer.getPractitioner().getIdentifier().getValue())
                .name(viewer.getPractitioner().getDisplay())
                .role(code.getText())
                .rbacActivityCode(
                    code.getCoding().stream()
                        .filter(c -> FhirSystems.CPIS_RBAC_ACTIVITY.equals(c.getSystem()))
                        .map(Coding::getCode)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("a viewer without an RBAC activity")))
                .build())
        .organisation(
            Organisation.of(
                OdsCode.of(viewer.getOrganization().getIdentifier().getValue()),
                viewer.getOrganization().getDisplay()))
        .setting(CareSetting.valueOf(event.getSubtypeFirstRep().getCode()))
        .accessedAt(event.getRecorded().toInstant())
        .build();
  }
}
