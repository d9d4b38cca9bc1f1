package org.cpis.hl7v3;

import java.util.Optional;
import org.cpis.model.NhsNumber;
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
}
