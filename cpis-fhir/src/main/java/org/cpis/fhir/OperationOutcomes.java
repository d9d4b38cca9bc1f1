package org.cpis.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * Errors as the national API gives them: an OperationOutcome with one {@code error} issue whose
 * {@code details.coding} is the {@link SpineError}'s code in {@value
 * FhirSystems#SPINE_ERROR_OR_WARNING_CODE}, and a {@code diagnostics} text. Callers write the
 * diagnostics; it never repeats what the caller sent, so it cannot carry an NHS number.
 */
public final class OperationOutcomes {

  private OperationOutcomes() {}

  public static OperationOutcome error(SpineError error, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(error.issueType())
        .setDetails(
            new CodeableConcept(
                new Coding(FhirSystems.SPINE_ERROR_OR_WARNING_CODE, error.code(), error.display())))
        .setDiagnostics(diagnostics);
    return outcome;
  }

  /** The Spine code of the outcome's first issue, if it has one. */
  public static Optional<String> spineCode(OperationOutcome outcome) {
    if (!outcome.hasIssue()) {
      return Optional.empty();
    }
    OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
    return issue.getDetails().getCoding().stream()
        .filter(c -> FhirSystems.SPINE_ERROR_OR_WARNING_CODE.equals(c.getSystem()))
        .map(Coding::getCode)
        .findFirst();
  }
}
