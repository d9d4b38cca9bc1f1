package org.cpis.hl7v3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** The record that holds the upload record numbered {@code lineNumber}. */
  public Optional<FileRecord> recordOf(int lineNumber) {
    return records().stream()
        .filter(r -> r.plans().stream().anyMatch(p -> p.lineNumber() == lineNumber))
        .findFirst();
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
