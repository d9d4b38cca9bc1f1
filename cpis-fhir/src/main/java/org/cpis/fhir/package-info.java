/**
 * The national CP-IS FHIR R4 view of cpis results, built with HAPI FHIR's R4 model and parser:
 * {@link org.cpis.fhir.CareTeams} (visible plans as CareTeam search results), {@link
 * org.cpis.fhir.AccessHistory} (recent unscheduled accesses as AuditEvent with the viewer as an
 * included PractitionerRole), {@link org.cpis.fhir.OperationOutcomes} (errors with Spine codes),
 * {@link org.cpis.fhir.Capability} (the CapabilityStatement), and for hosts {@link
 * org.cpis.fhir.AuditTrail} (cpis audit entries as AuditEvent) and {@link
 * org.cpis.fhir.NotificationMessages} (access notifications as Communication), {@link
 * org.cpis.fhir.ResultParameters} (upload, review and purge results as Parameters). {@link
 * org.cpis.fhir.CpisFhir} holds the application's one {@code FhirContext}.
 *
 * <p>No class here writes JSON by hand; every resource is a HAPI model object, encoded and parsed
 * by HAPI's JSON parser.
 */
package org.cpis.fhir;
