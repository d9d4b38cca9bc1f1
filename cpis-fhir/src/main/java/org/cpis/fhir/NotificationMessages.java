package org.cpis.fhir;

import java.util.Date;
import org.cpis.model.AccessNotification;
import org.cpis.model.Attendance;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.NotificationKind;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
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

  /** The category text of a "was not brought" notification, beside {@link #CATEGORY}. */
  public static final String WAS_NOT_BROUGHT = "CP-IS was-not-brought notification";

  /** Extension holding a missed appointment's date and time. */
  public static final String APPOINTMENT_AT = FhirSystems.CPIS_BASE + "StructureDefinition/appointment-at";

  /**
   * Extension naming the repeat-attendance pattern: a {@code name} sub-extension ({@code
   * valueString}) and one {@code attendance} sub-extension per attendance that makes it ({@code
   * valueString}: time, setting, organisation and ODS code).
   */
  public static final String REPEAT_ATTENDANCE = FhirSystems.CPIS_BASE + "StructureDefinition/repeat-attendance";

  /**
   * Extension holding how many accesses of one attendance episode the notification tells of
   * ({@code valueInteger}); each later access is a contained PractitionerRole {@code #viewer-2}, … and
   * a line of the payload.
   */
  public static final String EPISODE_ACCESSES = FhirSystems.CPIS_BASE + "StructureDefinition/episode-accesses";

  /**
   * Extension holding the NHS number the plan is recorded under when it is not the subject's
   * ({@code valueIdentifier}, use {@code old}): the child was checked under a linked number.
   */
  public static final String PLAN_HELD_UNDER = FhirSystems.CPIS_BASE + "StructureDefinition/plan-held-under";

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
    boolean missed = n.kind() == NotificationKind.WAS_NOT_BROUGHT;
    if (missed) {
      c.addCategory(new CodeableConcept().setText(WAS_NOT_BROUGHT));
    }
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
    n.planHeldUnder()
        .ifPresent(held -> c.addExtension(PLAN_HELD_UNDER, CareTeams.heldUnder(held, true)));
    if (missed) {
      c.addExtension(APPOINTMENT_AT, new DateTimeType(Date.from(n.appointmentAt().orElseThrow())));
      c.addPayload()
          .setContent(
              new StringType(
                  "Was not brought to an appointment at " + n.organisation().name() + " ("
                      + n.organisation().odsCode() + ") at " + n.appointmentAt().orElseThrow()
                      + "; recorded by " + n.accessor().name() + " (" + n.accessor().role() + ")"));
      return c;
    }
    c.addPayload()
        .setContent(
            new StringType(
                "Attended " + n.setting().displayName() + " at " + n.organisation().name() + " ("
                    + n.organisation().odsCode() + "); seen by " + n.accessor().name() + " ("
                    + n.accessor().role() + ") at " + n.accessedAt()));
    if (!n.furtherAccesses().isEmpty()) {
      c.addExtension(EPISODE_ACCESSES, new IntegerType(n.accessCount()));
      int i = 2;
      for (EpisodeAccess a : n.furtherAccesses()) {
        PractitionerRole later = AccessHistory.practitionerRole(a.accessor(), n.organisation());
        later.setId("viewer-" + i++);
        c.addContained(later);
        c.addPayload()
            .setContent(
                new StringType("Then seen by " + a.accessor().name() + " (" + a.accessor().role() + ") at " + a.accessedAt()));
      }
    }
    n.repeatAttendance()
        .ifPresent(
            p -> {
              Extension pattern = c.addExtension().setUrl(REPEAT_ATTENDANCE);
              pattern.addExtension("name", new StringType(p.name()));
              for (Attendance a : p.attendances()) {
                pattern.addExtension(
                    "attendance",
                    new StringType(
                        a.at() + ", " + a.setting().displayName() + " at " + a.organisation().name() + " ("
                            + a.organisation().odsCode() + ")"));
              }
            });
    return c;
  }
}
