package org.cpis;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.AuditAction;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.UploadReceipt;
import org.cpis.rules.Birth;
import org.cpis.rules.BirthRecorded;
import org.cpis.rules.BirthRejection;
import org.cpis.rules.Decision;
import org.cpis.rules.PlanChange;
import org.cpis.rules.Reconciliation;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UnbornLinkage;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;
import org.cpis.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local-authority side of the service for one registered authority: the daily upload
 * (design rule 5), recording a birth against an unborn plan (rule 4), deleting a plan uploaded in
 * error, and listing its plans. Each change is applied in one store transaction together with its
 * audit entry (rule 9). Obtain one from {@link Cpis#localAuthority(OdsCode)}; it is thread-safe.
 */
public final class LocalAuthorityDesk {

  private static final Logger LOG = LoggerFactory.getLogger(LocalAuthorityDesk.class);

  private final Engine engine;
  private final OdsCode odsCode;

  LocalAuthorityDesk(Engine engine, OdsCode odsCode) {
    this.engine = engine;
    this.odsCode = odsCode;
  }

  public OdsCode odsCode() {
    return odsCode;
  }

  /** The authority as registered: its name and phone numbers. */
  public LocalAuthority localAuthority() {
    return engine.inTransaction(tx -> engine.requireLocalAuthority(tx, odsCode));
  }

  /**
   * Applies an upload file (design rule 5). Every record gets an outcome: rejected with a reason
   * ({@link UploadValidation}, then {@link RejectionReason#NO_DEMOGRAPHIC_MATCH} from the
   * {@link DemographicsVerifier}, asked before the transaction), or {@link Reconciliation
   * reconciled} against the stored plan: accepted if it inserts, updates or deletes, unchanged
   * otherwise. The accepted records, the upload receipt and the audit entry are written in one
   * transaction: if the store fails, nothing of the upload is kept. Sending the same file again
   * changes no plan: its records come back unchanged (or rejected for the same reasons).
   *
   * <p>A record for a baby's plan that came from an unborn plan keeps that link: the upload
   * format has no column for it, so an uploaded record without a link inherits the stored one.
   */
  public UploadReport upload(List<UploadRecord> records) {
    Objects.requireNonNull(records, "records");
    for (int i = 0; i < records.size(); i++) {
      int index = i;
      Objects.requireNonNull(records.get(i), () -> "records[" + index + "]");
    }
    List<Decision<PlanChange, RejectionReason>> decisions = verified(UploadValidation.validateFile(records, odsCode));
    UploadReport report =
        engine.inTransaction(
            tx -> {
              LocalAuthority la = engine.requireLocalAuthority(tx, odsCode);
              Instant now = engine.now();
              List<RecordOutcome> outcomes = new ArrayList<>(records.size());
              int withoutNhsNumber = 0;
              for (int i = 0; i < records.size(); i++) {
                RecordOutcome outcome = apply(tx, records.get(i), decisions.get(i));
                outcomes.add(outcome);
                if (outcome.reason().orElse(null) == RejectionReason.MISSING_NHS_NUMBER) {
                  withoutNhsNumber++;
                }
              }
              UploadReport r =
                  UploadReport.builder()
                      .localAuthority(odsCode)
                      .receivedAt(now)
                      .receiptId(engine.newId())
                      .outcomes(outcomes)
                      .build();
              tx.uploads()
                  .insert(
                      UploadReceipt.builder()
                          .id(r.receiptId())
                          .localAuthority(odsCode)
                          .receivedAt(now)
                          .accepted(r.accepted())
                          .unchanged(r.unchanged())
                          .rejected(r.rejected())
                          .withoutNhsNumber(withoutNhsNumber)
                          .build());
              engine.audit(
                  tx,
                  now,
                  AuditAction.UPLOAD,
                  la.name(),
                  Optional.of(odsCode),
                  Optional.empty(),
                  Optional.empty(),
                  "upload " + r.receiptId() + ": " + r.fileOutcome() + ", " + r.accepted()
                      + " accepted, " + r.unchanged() + " unchanged, " + r.rejected()
                      + " rejected (" + withoutNhsNumber + " without NHS number)");
              return r;
            });
    LOG.info(
        "Upload {} from local authority {}: {}, {} accepted, {} unchanged, {} rejected",
        report.receiptId(),
        odsCode,
        report.fileOutcome(),
        report.accepted(),
        report.unchanged(),
        report.rejected());
    return report;
  }

  /** Reads an upload file with {@link UploadCsv#read(Reader)} and applies it as {@link #upload(List)}. */
  public UploadReport upload(Reader csv) {
    Objects.requireNonNull(csv, "csv");
    return upload(UploadCsv.read(csv));
  }

  /**
   * The decisions with each valid added or updated record the verifier does not match rejected as
   * {@link RejectionReason#NO_DEMOGRAPHIC_MATCH}. The default verifier accepts every record:
   * asking it would only make a query per record, so then the decisions are returned as they are.
   */
  private List<Decision<PlanChange, RejectionReason>> verified(List<Decision<PlanChange, RejectionReason>> valid) {
    if (engine.demographics == AcceptAll.INSTANCE) {
      return valid;
    }
    List<Decision<PlanChange, RejectionReason>> decisions = new ArrayList<>(valid);
    for (int i = 0; i < decisions.size(); i++) {
      Decision<PlanChange, RejectionReason> d = decisions.get(i);
      if (d.isAllowed() && !d.value().isDelete() && !engine.demographics.matches(query(d.value()))) {
        decisions.set(i, Decision.reject(RejectionReason.NO_DEMOGRAPHIC_MATCH));
      }
    }
    return decisions;
  }

  private DemographicQuery query(PlanChange change) {
    ProtectionPlan plan = change.plan().orElseThrow();
    return DemographicQuery.builder()
        .localAuthority(odsCode)
        .nhsNumber(plan.subject())
        .givenName(change.givenName())
        .familyName(change.familyName())
        .dateOfBirth(change.dateOfBirth())
        .build();
  }

  private RecordOutcome apply(
      StoreTransaction tx, UploadRecord record, Decision<PlanChange, RejectionReason> decision) {
    ImmutableRecordOutcome.Builder outcome =
        RecordOutcome.builder()
            .lineNumber(record.lineNumber())
            .localReference(UploadRecord.present(record.localReference()));
    if (decision.isRejected()) {
      return outcome.status(RecordOutcome.Status.REJECTED).reason(decision.rejection()).build();
    }
    PlanChange change = decision.value();
    Optional<org.cpis.model.NhsNumberLink> numberLink =
        change.plan().flatMap(p -> tx.numberLinks().findByNumber(p.subject()));
    Optional<RejectionReason> inactive = org.cpis.rules.NumberLinks.uploadRejection(numberLink);
    if (inactive.isPresent()) {
      return outcome.status(RecordOutcome.Status.REJECTED).reason(inactive).build();
    }
    outcome.supersededBy(numberLink.flatMap(org.cpis.model.NhsNumberLink::replacement));
    Optional<ProtectionPlan> stored = tx.plans().find(change.planId());
    PlanChange linked = keepUnbornLink(change, stored);
    Reconciliation reconciliation = Reconciliation.of(stored, linked);
    switch (reconciliation) {
      case INSERT:
        tx.plans().insert(linked.plan().orElseThrow());
        break;
      case UPDATE:
        tx.plans().update(linked.plan().orElseThrow());
        break;
      case DELETE:
        tx.plans().delete(change.planId());
        engine.forgetIfNoPlanLeft(tx, stored.orElseThrow().subject());
        break;
      case UNCHANGED:
        return outcome.status(RecordOutcome.Status.UNCHANGED).build();
    }
    return outcome.status(RecordOutcome.Status.ACCEPTED).change(reconciliation).build();
  }

  private static PlanChange keepUnbornLink(PlanChange change, Optional<ProtectionPlan> stored) {
    Optional<ProtectionPlan> uploaded = change.plan();
    if (uploaded.isEmpty()
        || uploaded.get().linkedUnbornPlan().isPresent()
        || uploaded.get().type().isUnborn()
        || stored.flatMap(ProtectionPlan::linkedUnbornPlan).isEmpty()) {
      return change;
    }
    return PlanChange.builder()
        .from(change)
        .plan(
            ProtectionPlan.builder()
                .from(uploaded.get())
                .linkedUnbornPlan(stored.get().linkedUnbornPlan())
                .build())
        .build();
  }

  /**
   * Records the birth of the baby of an open unborn plan (design rule 4, {@link
   * UnbornLinkage#recordBirth}): the unborn plan ends on the date of birth and, unless the birth
   * says otherwise, a child protection plan starts for the baby, in one transaction with the audit
   * entry. "Today" is the clock's day in the engine's zone.
   *
   * @throws UnknownPlanException if the authority has no plan with this reference
   * @throws BirthRejectedException if the rule refuses, or the baby's plan reference is taken
   *     ({@link BirthRejection#BABY_PLAN_REFERENCE_IN_USE}); nothing is changed
   */
  public BirthRecorded recordBirth(String unbornPlanReference, Birth birth) {
    Objects.requireNonNull(unbornPlanReference, "unbornPlanReference");
    Objects.requireNonNull(birth, "birth");
    PlanId unbornId = PlanId.of(odsCode, unbornPlanReference);
    BirthRecorded recorded =
        engine.inTransaction(
            tx -> {
              LocalAuthority la = engine.requireLocalAuthority(tx, odsCode);
              Instant now = engine.now();
              LocalDate today = engine.dayOf(now);
              ProtectionPlan unborn =
                  tx.plans().find(unbornId).orElseThrow(() -> new UnknownPlanException(unbornId));
              Decision<BirthRecorded, BirthRejection> decision =
                  UnbornLinkage.recordBirth(unborn, birth, today);
              if (decision.isRejected()) {
                throw new BirthRejectedException(unbornId, decision.rejection().orElseThrow());
              }
              BirthRecorded result = decision.value();
              Optional<ProtectionPlan> baby = result.babyPlan();
              if (baby.isPresent() && tx.plans().find(baby.get().id()).isPresent()) {
                throw new BirthRejectedException(unbornId, BirthRejection.BABY_PLAN_REFERENCE_IN_USE);
              }
              tx.plans().update(result.endedUnbornPlan());
              baby.ifPresent(tx.plans()::insert);
              engine.audit(
                  tx,
                  now,
                  AuditAction.BIRTH_RECORDED,
                  la.name(),
                  Optional.of(odsCode),
                  Optional.empty(),
                  Optional.of(unborn.subject()),
                  "unborn plan " + unbornId + " ended on " + birth.dateOfBirth()
                      + baby.map(b -> "; baby's plan " + b.id() + " started").orElse("; no plan for the baby"));
              return result;
            });
    LOG.info(
        "Birth recorded against unborn plan {}{}",
        unbornId,
        recorded.babyPlan().map(b -> "; baby's plan " + b.id() + " started").orElse(""));
    return recorded;
  }

  /**
   * Deletes a plan uploaded in error (design rule 5), audited in the same transaction whether or
   * not it existed. A subject left with no plan should never have been shown, so its access
   * history and notifications go with the plan (data minimisation, design rule 9), as they do when
   * an upload's {@code DELETE} record removes the plan.
   *
   * @return whether the plan existed
   */
  public boolean deletePlan(String localReference) {
    Objects.requireNonNull(localReference, "localReference");
    PlanId id = PlanId.of(odsCode, localReference);
    boolean deleted =
        engine.inTransaction(
            tx -> {
              LocalAuthority la = engine.requireLocalAuthority(tx, odsCode);
              Optional<ProtectionPlan> plan = tx.plans().find(id);
              boolean existed = tx.plans().delete(id);
              plan.ifPresent(p -> engine.forgetIfNoPlanLeft(tx, p.subject()));
              engine.audit(
                  tx,
                  engine.now(),
                  AuditAction.PLAN_DELETED,
                  la.name(),
                  Optional.of(odsCode),
                  Optional.empty(),
                  plan.map(ProtectionPlan::subject),
                  existed ? "plan " + id + " deleted" : "plan " + id + " not found");
              return existed;
            });
    LOG.info("Plan {} {}", id, deleted ? "deleted" : "not found, nothing deleted");
    return deleted;
  }

  /** The authority's plans, ordered by plan id. */
  public List<ProtectionPlan> plans() {
    return engine.inTransaction(
        tx -> {
          engine.requireLocalAuthority(tx, odsCode);
          return tx.plans().findByLocalAuthority(odsCode);
        });
  }

  @Override
  public String toString() {
    return "LocalAuthorityDesk[" + odsCode + "]";
  }
}
