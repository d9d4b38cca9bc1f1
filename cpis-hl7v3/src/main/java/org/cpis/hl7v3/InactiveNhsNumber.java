package org.cpis.hl7v3;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.NhsNumber;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.PlanId;
import org.immutables.value.Value;

/**
 * An NHS number that the national demographics service made inactive, as a local authority is
 * told of it: the number, the authority's own id for the child if known, the replacement number
 * if there is one, and the upload file that carried the number.
 */
@Value.Immutable
public abstract class InactiveNhsNumber {

  public abstract NhsNumber nhsNumber();

  public abstract Optional<String> localChildId();

  public abstract Optional<NhsNumber> replacedBy();

  public abstract String uploadFileId();

  public static ImmutableInactiveNhsNumber.Builder builder() {
    return ImmutableInactiveNhsNumber.builder();
  }

  /**
   * What a local authority's {@link NumberChangeNotice} (issue 12: the host reported the number
   * superseded or inactive) tells it in the national message: one entry per child the notice's
   * plans name, with the authority's child id where the plan came from an HL7 V3 upload (its local
   * reference is {@code childId/planType}, as {@link Hl7Uploads} makes it), else one entry without.
   *
   * @param uploadFileId the upload file that carried the number (the authority's latest, say)
   */
  public static List<InactiveNhsNumber> fromNotice(NumberChangeNotice notice, String uploadFileId) {
    Set<Optional<String>> children = new LinkedHashSet<>();
    for (PlanId plan : notice.plans()) {
      String reference = plan.localReference();
      int slash = reference.lastIndexOf('/');
      children.add(slash > 0 ? Optional.of(reference.substring(0, slash)) : Optional.empty());
    }
    List<InactiveNhsNumber> numbers = new ArrayList<>();
    for (Optional<String> child : children) {
      numbers.add(
          builder()
              .nhsNumber(notice.number())
              .localChildId(child)
              .replacedBy(notice.replacement())
              .uploadFileId(uploadFileId)
              .build());
    }
    return numbers;
  }
}
