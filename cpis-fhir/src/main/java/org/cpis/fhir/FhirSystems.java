package org.cpis.fhir;

/**
 * The identifier and code systems the CP-IS FHIR view uses. The national ones come from the NHS
 * CP-IS FHIR API consumer guide; those under {@value #CPIS_BASE} are this library's own, for what
 * the national profile does not name (clients may ignore them).
 */
public final class FhirSystems {

  /** NHS number identifier system. */
  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

  /** ODS organisation code identifier system. */
  public static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** Spine user id (smartcard) identifier system. */
  public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";

  /** SNOMED CT, which names the plan types. */
  public static final String SNOMED_CT = "http://snomed.info/sct";

  /** The code system of {@code OperationOutcome.issue.details}. */
  public static final String SPINE_ERROR_OR_WARNING_CODE =
      "https://fhir.nhs.uk/CodeSystem/England-SpineErrorOrWarningCode";

  /** HL7's audit event types. */
  public static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";

  /** The namespace of cpis's own systems and extensions. */
  public static final String CPIS_BASE = "https://cpis.org/fhir/";

  /** A plan's id, {@code ODS/local reference}, as a CareTeam identifier. */
  public static final String CPIS_PLAN_ID = CPIS_BASE + "Id/plan";

  /** A cpis record id (access event, notification) as an identifier. */
  public static final String CPIS_RECORD_ID = CPIS_BASE + "Id/record";

  /** The care setting of an access ({@code org.cpis.model.CareSetting} names). */
  public static final String CPIS_CARE_SETTING = CPIS_BASE + "CodeSystem/care-setting";

  /** The RBAC activity code under which a record was accessed. */
  public static final String CPIS_RBAC_ACTIVITY = CPIS_BASE + "CodeSystem/rbac-activity";

  /** The action of a cpis audit entry ({@code org.cpis.model.AuditAction} names). */
  public static final String CPIS_AUDIT_ACTION = CPIS_BASE + "CodeSystem/audit-action";

  /** Extension on an unborn plan's CareTeam: the mother's expected delivery date. */
  public static final String EXPECTED_DELIVERY_DATE =
      CPIS_BASE + "StructureDefinition/expected-delivery-date";

  private FhirSystems() {}
}
