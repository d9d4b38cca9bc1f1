package org.cpis.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.fhir.Fixtures.FHIR;

import java.time.Instant;
import java.util.Optional;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The views for hosts")
class HostViewsTest {

  private static final Instant ACCESSED = Instant.parse("2025-03-03T14:20:00Z");

  @Test
  @DisplayName("a pending notification is an in-progress Communication to the local authority and the social worker")
  void pendingNotification() {
    Communication c = parsed(notification(Optional.of("sw.okafor"), DeliveryStatus.PENDING));

    assertThat(c.getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
    assertThat(c.hasSent()).isFalse();
    assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo("n-1");
    assertThat(c.getRecipient()).extracting(r -> r.getIdentifier().getValue()).containsExactly("714", "sw.okafor");
    assertThat(c.getAboutFirstRep().getIdentifier().getValue()).isEqualTo("714/CP-ISL-0001");
    assertThat(c.getSender().getReference()).isEqualTo("#viewer");
    assertThat(c.getContained()).hasSize(1);
    assertThat(c.getPayloadFirstRep().getContentStringType().getValue())
        .isEqualTo("Attended Emergency department at Whittington Hospital (RKE); seen by Priya Shah (Staff Nurse) at 2025-03-03T14:20:00Z");
  }

  @Test
  @DisplayName("a delivered notification without a social worker is a completed Communication to the MASH team, sent when delivered")
  void deliveredToMash() {
    Communication c = parsed(notification(Optional.empty(), DeliveryStatus.DELIVERED));

    assertThat(c.getStatus()).isEqualTo(CommunicationStatus.COMPLETED);
    assertThat(c.getSent().toInstant()).isEqualTo(ACCESSED.plusSeconds(1));
    assertThat(c.getRecipient().get(1).getDisplay()).isEqualTo("MASH team");
  }

  @Test
  @DisplayName("an audit entry is an AuditEvent that carries its place in the hash chain")
  void auditEntry() {
    AuditEntry entry =
        AuditEntry.builder()
            .sequence(7)
            .record(
                AuditRecord.builder()
                    .id(RecordId.of("a-7"))
                    .at(ACCESSED)
                    .action(AuditAction.CHECK)
                    .actor("555000000101")
                    .organisation(Fixtures.WHITTINGTON.odsCode())
                    .setting(CareSetting.EMERGENCY_DEPARTMENT)
                    .subject(Fixtures.CHILD)
                    .detail("UNSCHEDULED by Staff Nurse (B0168): 1 plans visible, 1 notifications")
                    .build())
            .previousHash("abc")
            .hash("def")
            .build();

    AuditEvent e = FHIR.parseStrictly(AuditEvent.class, FHIR.encode(AuditTrail.auditEvent(entry)));

    assertThat(e.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    assertThat(e.getAgent()).extracting(a -> a.getWho().getDisplay() + "/" + a.getWho().getIdentifier().getValue())
        .containsExactly("555000000101/null", "null/RKE");
    AuditEvent.AuditEventEntityComponent chain =
        e.getEntity().stream().filter(x -> AuditTrail.CHAIN_ENTITY.equals(x.getName())).findFirst().orElseThrow();
    assertThat(chain.getDetail()).extracting(d -> d.getType() + "=" + d.getValue().primitiveValue())
        .containsExactly("sequence=7", "previousHash=abc", "hash=def");
    assertThat(e.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(Fixtures.CHILD.value());
  }

  @Test
  @DisplayName("an upload report is Parameters with the file outcome, the counts and one record part per line, in file order")
  void uploadReport() {
    org.cpis.Cpis cpis =
        org.cpis.Cpis.builder().store(new org.cpis.store.inmemory.InMemoryCpisStore()).notifier(n -> {}).build();
    cpis.registerLocalAuthority(Fixtures.ISLINGTON);
    org.cpis.UploadReport report =
        cpis.localAuthority(Fixtures.ISLINGTON.odsCode())
            .upload(
                new java.io.StringReader(
                    String.join(",", org.cpis.UploadCsv.COLUMNS) + "\n"
                        + "CP-1,9995260182,Ava,Thompson,2019-05-14,CPPI,2024-11-04,,,sw.okafor,\n"
                        + "CP-2,,Noah,Patel,2018-07-07,CPPI,2025-02-20,,,sw.okafor,\n"));

    org.hl7.fhir.r4.model.Parameters p =
        FHIR.parseStrictly(org.hl7.fhir.r4.model.Parameters.class, FHIR.encode(ResultParameters.upload(report)));

    assertThat(p.getParameter("fileOutcome").getValue().primitiveValue()).isEqualTo("PARTIAL");
    assertThat(p.getParameter("accepted").getValue().primitiveValue()).isEqualTo("1");
    assertThat(p.getParameter("rejected").getValue().primitiveValue()).isEqualTo("1");
    assertThat(p.getParameter().stream().filter(x -> x.getName().equals("record")))
        .extracting(r -> r.getPart().stream().map(x -> x.getName() + "=" + x.getValue().primitiveValue()).collect(java.util.stream.Collectors.joining(" ")))
        .containsExactly(
            "line=1 localReference=CP-1 status=ACCEPTED change=INSERT",
            "line=2 localReference=CP-2 status=REJECTED reason=" + report.outcomes().get(1).reason().orElseThrow().code());
    assertThat(FHIR.encode(ResultParameters.upload(report))).doesNotContain("9995260182");
  }

  private static AccessNotification notification(Optional<String> socialWorker, DeliveryStatus status) {
    return AccessNotification.builder()
        .id(RecordId.of("n-1"))
        .accessEventId(RecordId.of("a-1"))
        .subject(Fixtures.CHILD)
        .planId(PlanId.of(Fixtures.ISLINGTON.odsCode(), "CP-ISL-0001"))
        .planType(PlanType.CHILD_PROTECTION_PLAN)
        .organisation(Fixtures.WHITTINGTON)
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessor(Fixtures.NURSE)
        .accessedAt(ACCESSED)
        .assignedSocialWorker(socialWorker)
        .deliveryStatus(status)
        .nextAttemptAt(ACCESSED)
        .deliveredAt(status == DeliveryStatus.DELIVERED ? Optional.of(ACCESSED.plusSeconds(1)) : Optional.empty())
        .build();
  }

  @Test
  @DisplayName("an episode's notification lists every access, names the repeat-attendance pattern, and gives the number its plan is held under as an old identifier")
  void episodePatternAndPreviousNumber() {
    AccessNotification base = notification(Optional.of("sw.okafor"), DeliveryStatus.PENDING);
    org.cpis.model.Attendance ed =
        org.cpis.model.Attendance.builder().organisation(base.organisation()).setting(CareSetting.EMERGENCY_DEPARTMENT).at(ACCESSED).build();
    org.cpis.model.Attendance utc =
        org.cpis.model.Attendance.builder()
            .organisation(org.cpis.model.Organisation.of(org.cpis.model.OdsCode.of("Y09991"), "Kentish Town UTC"))
            .setting(CareSetting.URGENT_CARE).at(ACCESSED.minusSeconds(86_400)).build();
    AccessNotification n =
        AccessNotification.builder()
            .from(base)
            .addFurtherAccesses(
                org.cpis.model.EpisodeAccess.builder()
                    .accessEventId(RecordId.of("a-2"))
                    .accessor(org.cpis.model.Accessor.builder().userId("555000000105").name("Dr Nadia Iqbal")
                        .role("Registrar").rbacActivityCode("B0168").build())
                    .accessedAt(ACCESSED.plusSeconds(2_400))
                    .build())
            .repeatAttendance(org.cpis.model.RepeatAttendance.of(java.util.List.of(utc, ed, ed)))
            .planHeldUnder(org.cpis.model.NhsNumber.parse("9990308241"))
            .build();

    Communication c = parsed(n);

    assertThat(c.getExtensionByUrl(NotificationMessages.EPISODE_ACCESSES).getValue().primitiveValue()).isEqualTo("2");
    assertThat(c.getContained()).hasSize(2);
    assertThat(c.getPayload()).extracting(p -> p.getContentStringType().getValue())
        .last().asString().startsWith("Then seen by Dr Nadia Iqbal (Registrar) at 2025-03-03T15:00:00Z");
    org.hl7.fhir.r4.model.Extension pattern = c.getExtensionByUrl(NotificationMessages.REPEAT_ATTENDANCE);
    assertThat(pattern.getExtensionByUrl("name").getValue().primitiveValue()).isEqualTo("Repeat unscheduled attendances");
    assertThat(pattern.getExtensionsByUrl("attendance")).hasSize(3);
    org.hl7.fhir.r4.model.Identifier held =
        (org.hl7.fhir.r4.model.Identifier) c.getExtensionByUrl(NotificationMessages.PLAN_HELD_UNDER).getValue();
    assertThat(held.getValue()).isEqualTo("9990308241");
    assertThat(held.getUse()).isEqualTo(org.hl7.fhir.r4.model.Identifier.IdentifierUse.OLD);
  }

  @Test
  @DisplayName("a was-not-brought notification is a Communication of its own category, with the appointment's time")
  void wasNotBrought() {
    AccessNotification n =
        AccessNotification.builder()
            .from(notification(Optional.of("sw.okafor"), DeliveryStatus.PENDING))
            .kind(org.cpis.model.NotificationKind.WAS_NOT_BROUGHT)
            .setting(CareSetting.SCHEDULED)
            .appointmentAt(ACCESSED.minusSeconds(1_800))
            .build();

    Communication c = parsed(n);

    assertThat(c.getCategory()).extracting(org.hl7.fhir.r4.model.CodeableConcept::getText).contains(NotificationMessages.WAS_NOT_BROUGHT);
    assertThat(((org.hl7.fhir.r4.model.DateTimeType) c.getExtensionByUrl(NotificationMessages.APPOINTMENT_AT).getValue()).getValue().toInstant())
        .isEqualTo(ACCESSED.minusSeconds(1_800));
    assertThat(c.getPayloadFirstRep().getContentStringType().getValue()).startsWith("Was not brought to an appointment at Whittington Hospital");
  }

  private static Communication parsed(AccessNotification n) {
    return FHIR.parseStrictly(Communication.class, FHIR.encode(NotificationMessages.communication(n)));
  }
}
