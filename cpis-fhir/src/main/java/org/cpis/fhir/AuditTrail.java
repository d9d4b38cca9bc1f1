package org.cpis.fhir;

import java.util.Date;
import java.util.Map;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * cpis's own audit log (design rule 9) as AuditEvent, for hosts that keep or show audit in FHIR:
 * {@code type} the {@link AuditAction} in {@value FhirSystems#CPIS_AUDIT_ACTION}, {@code recorded}
 * the entry's time, {@code outcomeDesc} its detail, {@code agent} the actor (and the acting
 * organisation by ODS code), {@code entity} the child by NHS number when there is one, and an
 * entity named {@code audit-entry} whose details hold the sequence number and the hash chain
 * ({@code previousHash}, {@code hash}) so a reader can verify it.
 */
public final class AuditTrail {

  /** The name of the entity that carries the entry's place in the hash chain. */
  public static final String CHAIN_ENTITY = "audit-entry";

  private static final Map<AuditAction, AuditEventAction> ACTIONS =
      Map.of(
          AuditAction.CHECK, AuditEventAction.R,
          AuditAction.UPLOAD, AuditEventAction.U,
          AuditAction.BIRTH_RECORDED, AuditEventAction.U,
          AuditAction.PLAN_DELETED, AuditEventAction.D,
          AuditAction.REVIEW_RECORDED, AuditEventAction.C,
          AuditAction.CASE_RECORD_CONFIRMED, AuditEventAction.U,
          AuditAction.PURGE, AuditEventAction.D,
          AuditAction.NUMBER_CHANGED, AuditEventAction.U,
          AuditAction.NUMBER_CHANGE_ACKNOWLEDGED, AuditEventAction.U,
          AuditAction.MISSED_APPOINTMENT, AuditEventAction.C);

  private AuditTrail() {}

  public static AuditEvent auditEvent(AuditEntry entry) {
    AuditEvent event = new AuditEvent();
    event.setId(SearchBundles.idFor("audit", Long.toString(entry.sequence())));
    event.setType(new Coding(FhirSystems.CPIS_AUDIT_ACTION, entry.action().name(), null));
    entry.setting().ifPresent(s -> event.addSubtype(new Coding(FhirSystems.CPIS_CARE_SETTING, s.name(), s.displayName())));
    event.setAction(ACTIONS.get(entry.action()));
    event.setRecorded(Date.from(entry.at()));
    event.setOutcome(AuditEventOutcome._0);
    event.setOutcomeDesc(entry.detail());
    event.addAgent().setRequestor(true).setWho(new Reference().setDisplay(entry.actor()));
    entry.organisation()
        .ifPresent(ods -> event.addAgent().setRequestor(false).setWho(CareTeams.organisation(ods, null)));
    event.getSource().setObserver(new Reference().setDisplay(AccessHistory.OBSERVER));
    entry.subject().ifPresent(s -> event.addEntity().setWhat(CareTeams.patient(s)));
    AuditEventEntityComponent chain = event.addEntity().setName(CHAIN_ENTITY);
    chain.addDetail().setType("sequence").setValue(new StringType(Long.toString(entry.sequence())));
    chain.addDetail().setType("previousHash").setValue(new StringType(entry.previousHash()));
    chain.addDetail().setType("hash").setValue(new StringType(entry.hash()));
    return event;
  }
}
