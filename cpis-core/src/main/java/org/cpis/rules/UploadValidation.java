package org.cpis.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.CpisDates;
import org.cpis.model.InvalidIdentifierException;
import org.cpis.model.InvalidNhsNumberException;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;

/**
 * Design rule 5, upload validation: every record of a local authority's file becomes a valid
 * {@link PlanChange} or a rejection with one {@link RejectionReason}; none is dropped.
 */
public final class UploadValidation {

  /** The action text that deletes a plan uploaded in error. */
  public static final String DELETE = "DELETE";

  private UploadValidation() {}

  /**
   * Validates every record of one file from {@code localAuthority}, in order: the result has one
   * decision per record, at the same index. A record whose local reference appeared on an
   * earlier record of the file is rejected as {@link RejectionReason#DUPLICATE_IN_FILE}.
   */
  public static List<Decision<PlanChange, RejectionReason>> validateFile(
      List<UploadRecord> records, OdsCode localAuthority) {
    List<Decision<PlanChange, RejectionReason>> decisions = new ArrayList<>(records.size());
    Set<String> references = new HashSet<>();
    // One String per social worker in the file, not one per plan: the plans share it in the store.
    Map<String, String> workers = new HashMap<>();
    for (UploadRecord record : records) {
      Decision<PlanChange, RejectionReason> decision = validate(record, localAuthority, workers);
      if (decision.isAllowed() && !references.add(decision.value().planId().localReference())) {
        decision = Decision.reject(RejectionReason.DUPLICATE_IN_FILE);
      }
      decisions.add(decision);
    }
    return decisions;
  }

  /** Validates one record from {@code localAuthority}. */
  public static Decision<PlanChange, RejectionReason> validate(
      UploadRecord record, OdsCode localAuthority) {
    return validate(record, localAuthority, new HashMap<>());
  }

  private static Decision<PlanChange, RejectionReason> validate(
      UploadRecord record, OdsCode localAuthority, Map<String, String> workers) {
    if (record.malformed()) {
      return Decision.reject(RejectionReason.MALFORMED_LINE);
    }
    Optional<String> reference = UploadRecord.present(record.localReference());
    if (reference.isEmpty()) {
      return Decision.reject(RejectionReason.MISSING_LOCAL_REFERENCE);
    }
    if (!InvalidIdentifierException.isValid(reference.get())) {
      return Decision.reject(RejectionReason.INVALID_LOCAL_REFERENCE);
    }
    PlanId id = PlanId.of(localAuthority, reference.get());
    Optional<String> action = UploadRecord.present(record.action());
    if (action.isPresent()) {
      return action.get().equalsIgnoreCase(DELETE)
          ? Decision.allow(PlanChange.builder().planId(id).build())
          : Decision.reject(RejectionReason.UNKNOWN_ACTION);
    }
    Optional<String> nhs = UploadRecord.present(record.nhsNumber());
    if (nhs.isEmpty()) {
      return Decision.reject(RejectionReason.MISSING_NHS_NUMBER);
    }
    NhsNumber subject;
    try {
      subject = NhsNumber.parse(nhs.get());
    } catch (InvalidNhsNumberException e) {
      return Decision.reject(RejectionReason.INVALID_NHS_NUMBER);
    }
    Optional<String> typeCode = UploadRecord.present(record.planType());
    if (typeCode.isEmpty()) {
      return Decision.reject(RejectionReason.MISSING_PLAN_TYPE);
    }
    Optional<PlanType> type = PlanType.fromCode(typeCode.get());
    if (type.isEmpty()) {
      return Decision.reject(RejectionReason.UNKNOWN_PLAN_TYPE);
    }
    if (UploadRecord.present(record.startDate()).isEmpty()) {
      return Decision.reject(RejectionReason.MISSING_START_DATE);
    }
    Optional<Optional<LocalDate>> start = date(record.startDate());
    Optional<Optional<LocalDate>> end = date(record.endDate());
    Optional<Optional<LocalDate>> edd = date(record.expectedDeliveryDate());
    Optional<Optional<LocalDate>> dob = date(record.dateOfBirth());
    if (start.isEmpty() || end.isEmpty() || edd.isEmpty() || dob.isEmpty()) {
      return Decision.reject(RejectionReason.INVALID_DATE);
    }
    LocalDate startDate = start.get().orElseThrow();
    if (end.get().filter(e -> e.isBefore(startDate)).isPresent()) {
      return Decision.reject(RejectionReason.END_BEFORE_START);
    }
    boolean unborn = type.get().isUnborn();
    if (unborn && edd.get().isEmpty()) {
      return Decision.reject(RejectionReason.UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE);
    }
    if (!unborn && edd.get().isPresent()) {
      return Decision.reject(RejectionReason.EXPECTED_DELIVERY_DATE_ON_BORN_CHILD);
    }
    ProtectionPlan plan =
        ProtectionPlan.builder()
            .id(id)
            .subject(subject)
            .type(type.get())
            .start(startDate)
            .end(end.get())
            .expectedDeliveryDate(edd.get())
            .childDateOfBirth(unborn ? Optional.empty() : dob.get())
            .allocatedSocialWorker(
                UploadRecord.present(record.allocatedSocialWorker()).map(w -> workers.computeIfAbsent(w, k -> k)))
            .build();
    return Decision.allow(
        PlanChange.builder()
            .planId(id)
            .plan(plan)
            .givenName(UploadRecord.present(record.givenName()))
            .familyName(UploadRecord.present(record.familyName()))
            .dateOfBirth(dob.get())
            .build());
  }

  /**
   * Outer empty: not a date {@link CpisDates#parse} accepts (ISO {@code yyyy-MM-dd}, a four-digit
   * year in its range). Inner empty: no date given.
   */
  private static Optional<Optional<LocalDate>> date(Optional<String> field) {
    Optional<String> text = UploadRecord.present(field);
    if (text.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    return CpisDates.parse(text.get()).map(Optional::of);
  }
}
