package org.cpis.fhir;

import java.util.Date;
import org.cpis.model.AccessNotification;
import org.cpis.model.DeliveryStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * An access notification (design rule 7) as a FHIR {@code Communication}, for social-care hosts.
 *
 * <p>Why Communication and not AuditEvent: a notification is a message <em>to</em> someone — the
 * owning local authority, and its social worker or MASH team — about a child, with a delivery state
 * and a stable id the receiver deduplicates on. Communication has exactly those: {@code recipient},
 * {@code subject}, {@code about}, {@code status} ({@code in-progress} while pending in the outbox,
 * {@code completed} once delivered), {@code sent} and {@code identifier}. AuditEvent records that
 * something happened and has no recipient or delivery state; the access itself is already an
 * AuditEvent on the health side ({@link AccessHistory}).
 *
 * <p>Like the notification, the Communication has no field for clinical information or the
 * reason for the visit: its payload says who attended where and when, nothing more.
 */
public final class NotificationMessages {

  /** The category text of every notification. */
  public static final String CATEGORY = "CP-IS access notification";

  /** Extension holding the time of the access that caused the notification. */
  public static final String ACCESSED_AT = FhirSystems.CPIS_BASE + "StructureDefinition/accessed-at";

  /** The identifier system of the social worker a notification is assigned to. */
  public static final String SOCIAL_WORKER = FhirSystems.CPIS_BASE + "Id/social-worker";

  private NotificationMessages() {}

  public static Communication communication(AccessNotification n) {
    Communication c = new Communication();
    c.setId(SearchBundles.idFor("notification", n.id().value()));
    c.addIdentifier().setSystem(FhirSystems.CPIS_RECORD_ID).setValue(n.id().value());
    c.setStatus(n.deliveryStatus() == DeliveryStatus.DELIVERED ? CommunicationStatus.COMPLETED : CommunicationStatus.INPROGRESS);
    c.addCategory(new CodeableConcept().setText(CATEGORY));
    c.addCategory(
        new CodeableConcept(new Coding(FhirSystems.CPIS_CARE_SETTING, n.setting().name(), n.setting().displayName())));
    c.setSubject(CareTeams.patient(n.subject()));
    c.addAbout(
        new Reference("CareTeam/" + SearchBundles.idFor("plan", n.planId().value()))
            .setIdentifier(new Identifier().setSystem(FhirSystems.CPIS_PLAN_ID).setValue(n.planId().value()))
            .setDisplay(n.planType().displayName()));
    c.addRecipient(CareTeams.organisation(n.localAuthority(), null));
    c.addRecipient(
        n.assignedSocialWorker()
            .map(w -> new Reference().setIdentifier(new Identifier().setSystem(SOCIAL_WORKER).setValue(w)))
            .orElseGet(() -> new Reference().setDisplay("MASH team")));
    PractitionerRole viewer = AccessHistory.practitionerRole(n.accessor(), n.organisation());
    viewer.setId("viewer");
    c.addContained(viewer);
    c.setSender(new Reference("#viewer"));
    c.addExtension(ACCESSED_AT, new DateTimeType(Date.from(n.accessedAt())));
    n.deliveredAt().ifPresent(at -> c.setSent(Date.from(at)));
    c.addPayload()
        .setContent(
            new org.hl7.fhir.r4.model.StringType(
                "Attended " + n.setting().displayName() + " at " + n.organisation().name() + " ("
                    + n.organisation().odsCode() + "); seen by " + n.accessor().name() + " ("
                    + n.accessor().role() + ") at " + n.accessedAt()));
    return c;
  }
}
