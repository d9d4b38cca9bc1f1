package org.cpis.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The CapabilityStatement of a cpis server of the national CP-IS FHIR API (after the national
 * {@code CPIS-FHIR-API-Consumer}): FHIR 4.0.1, JSON only, search on CareTeam and AuditEvent by
 * {@code patient:identifier}, and the request headers it reads.
 */
public final class Capability {

  /** The search parameter both searches take, with its {@code :identifier} modifier. */
  public static final String PATIENT_IDENTIFIER = "patient:identifier";

  private Capability() {}

  public static CapabilityStatement statement(String baseUrl, String software, Instant date) {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setId("cpis-fhir-api");
    cs.setName("CPISFHIRAPI");
    cs.setTitle("CP-IS FHIR API served by cpis");
    cs.setStatus(PublicationStatus.ACTIVE);
    cs.setDate(Date.from(date));
    cs.setKind(CapabilityStatementKind.INSTANCE);
    cs.getSoftware().setName(software);
    cs.getImplementation().setDescription(software).setUrl(baseUrl);
    cs.setFhirVersion(FHIRVersion._4_0_1);
    cs.addFormat(CpisFhir.MEDIA_TYPE);
    CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
    rest.setDocumentation(
        "Headers: Authorization (Bearer token, required), TraceID (UUID, required),"
            + " IsUnscheduledAccessEvent (true|false, absent means true), X-Request-ID (UUID,"
            + " echoed), X-Correlation-ID (echoed).");
    rest.getSecurity().setDescription("A bearer token identifies the viewer and their RBAC activity.");
    search(rest, "CareTeam", "One CareTeam per visible child protection, looked-after or unborn plan.");
    search(rest, "AuditEvent", "The 25 most recent unscheduled accesses, with the viewer as an included PractitionerRole.");
    return cs;
  }

  private static void search(CapabilityStatementRestComponent rest, String type, String documentation) {
    CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
    resource.setDocumentation(documentation);
    resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
    resource
        .addSearchParam()
        .setName(PATIENT_IDENTIFIER)
        .setType(SearchParamType.TOKEN)
        .setDocumentation("https://fhir.nhs.uk/Id/nhs-number|{NHS number}");
    if ("AuditEvent".equals(type)) {
      resource.addSearchInclude("AuditEvent:agent");
    }
  }
}
