package org.cpis.hl7v3;

import java.util.ArrayList;
import java.util.List;
import org.cpis.rules.UploadRecord;
import org.immutables.value.Value;

/**
 * A local authority's upload {@code File} as read: its header and its records. {@link
 * #uploadRecords()} is what {@link org.cpis.LocalAuthorityDesk#upload(List)} applies, so every
 * plan is validated by the engine's own rules; numbering runs over the plans of the whole file,
 * from 1.
 */
@Value.Immutable
public abstract class LaUploadFile {

  public abstract FileHeader header();

  public abstract List<FileRecord> records();

  /** Every plan of every record, in file order, numbered from 1. */
  @Value.Lazy
  public List<UploadRecord> uploadRecords() {
    List<UploadRecord> all = new ArrayList<>();
    records().forEach(r -> all.addAll(r.plans()));
    return List.copyOf(all);
  }

  public static ImmutableLaUploadFile.Builder builder() {
    return ImmutableLaUploadFile.builder();
  }

  @Override
  public String toString() {
    return "LaUploadFile{id=" + header().fileId() + ", from=" + header().sender().odsCode()
        + ", records=" + records().size() + '}';
  }
}
