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
    // One reference per record: sized for the file, it grows once at most (a HashMap made for n
    // holds three quarters of n rounded up to a power of two), not once per doubling.
    // By plan id, which every plan of the file has from this authority: the same test as by
    // local reference, without making the reference's text again.
    Set<PlanId> references = new HashSet<>(records.size());
    // One String per social worker in the file, not one per plan: the plans share it in the store.
    Map<String, String> workers = new HashMap<>();
    for (UploadRecord record : records) {
      Decision<PlanChange, RejectionReason> decision = validate(record, localAuthority, workers);
      if (decision.isAllowed() && !references.add(decision.value().planId())) {
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
    // Each field read once as its stripped text or null (no Optional per field): this runs once
    // per record of every upload, 300 000 times for England's file.
    if (record.malformed()) {
      return Decision.reject(RejectionReason.MALFORMED_LINE);
    }
    String reference = text(record.localReference());
    if (reference == null) {
      return Decision.reject(RejectionReason.MISSING_LOCAL_REFERENCE);
    }
    if (!InvalidIdentifierException.isValid(reference)) {
      return Decision.reject(RejectionReason.INVALID_LOCAL_REFERENCE);
    }
    PlanId id = PlanId.of(localAuthority, reference);
    String action = text(record.action());
    if (action != null) {
      return action.equalsIgnoreCase(DELETE)
          ? Decision.allow(PlanChange.builder().planId(id).build())
          : Decision.reject(RejectionReason.UNKNOWN_ACTION);
    }
    String nhs = text(record.nhsNumber());
    if (nhs == null) {
      return Decision.reject(RejectionReason.MISSING_NHS_NUMBER);
    }
    NhsNumber subject;
    try {
      subject = NhsNumber.parse(nhs);
    } catch (InvalidNhsNumberException e) {
      return Decision.reject(RejectionReason.INVALID_NHS_NUMBER);
    }
    String typeCode = text(record.planType());
    if (typeCode == null) {
      return Decision.reject(RejectionReason.MISSING_PLAN_TYPE);
    }
    Optional<PlanType> type = PlanType.fromCode(typeCode);
    if (type.isEmpty()) {
      return Decision.reject(RejectionReason.UNKNOWN_PLAN_TYPE);
    }
    String startText = text(record.startDate());
    if (startText == null) {
      return Decision.reject(RejectionReason.MISSING_START_DATE);
    }
    String endText = text(record.endDate());
    String eddText = text(record.expectedDeliveryDate());
    String dobText = text(record.dateOfBirth());
    Optional<LocalDate> start = CpisDates.parse(startText);
    Optional<LocalDate> end = date(endText);
    Optional<LocalDate> edd = date(eddText);
    Optional<LocalDate> dob = date(dobText);
    if (start.isEmpty() || invalid(endText, end) || invalid(eddText, edd) || invalid(dobText, dob)) {
      return Decision.reject(RejectionReason.INVALID_DATE);
    }
    LocalDate startDate = start.get();
    if (end.isPresent() && end.get().isBefore(startDate)) {
      return Decision.reject(RejectionReason.END_BEFORE_START);
    }
    boolean unborn = type.get().isUnborn();
    if (unborn && edd.isEmpty()) {
      return Decision.reject(RejectionReason.UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE);
    }
    if (!unborn && edd.isPresent()) {
      return Decision.reject(RejectionReason.EXPECTED_DELIVERY_DATE_ON_BORN_CHILD);
    }
    String worker = text(record.allocatedSocialWorker());
    ProtectionPlan plan =
        ProtectionPlan.builder()
            .id(id)
            .subject(subject)
            .type(type.get())
            .start(startDate)
            .end(end)
            .expectedDeliveryDate(edd)
            .childDateOfBirth(unborn ? Optional.empty() : dob)
            .allocatedSocialWorker(
                worker == null ? Optional.empty() : Optional.of(workers.computeIfAbsent(worker, k -> k)))
            .build();
    return Decision.allow(
        PlanChange.builder()
            .planId(id)
            .plan(plan)
            .givenName(Optional.ofNullable(text(record.givenName())))
            .familyName(Optional.ofNullable(text(record.familyName())))
            .dateOfBirth(dob)
            .build());
  }

  /** The field's stripped text, or null if it is missing or blank ({@link UploadRecord#present}). */
  private static String text(Optional<String> field) {
    return UploadRecord.presentText(field);
  }

  /** The date {@link CpisDates#parse} reads from the text, or empty if there is no text. */
  private static Optional<LocalDate> date(String text) {
    return text == null ? Optional.empty() : CpisDates.parse(text);
  }

  /**
   * Whether a date field is given but is not a date {@link CpisDates#parse} accepts (ISO {@code
   * yyyy-MM-dd}, a four-digit year in its range).
   */
  private static boolean invalid(String text, Optional<LocalDate> date) {
    return text != null && date.isEmpty();
  }
}
