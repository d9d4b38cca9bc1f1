package org.cpis.hl7v3;

import java.util.List;
import java.util.Optional;
import org.cpis.rules.UploadRecord;
import org.immutables.value.Value;

/**
 * One {@code CP-ISRecord} of an upload {@code File}: its position and the upload records of its
 * plans, one per {@code pertinentInformation} in document order (at least one, so that no record
 * is lost even when none of its plans can be read). When the record breaks a rule of the HL7 V3
 * message itself ({@link #problem()}), every one of its upload records is {@linkplain
 * UploadRecord#malformed() malformed}, so the engine applies none of them.
 */
@Value.Immutable
public abstract class FileRecord {

  /** The record's position among the file's records, from 1. */
  public abstract int position();

  public abstract List<UploadRecord> plans();

  /** Why the record cannot be taken as sent, in the national service's words. */
  public abstract Optional<String> problem();

  /** The XPath of the record in its file. */
  public String location() {
    return "/File/record[" + position() + "]/CP-ISRecord";
  }

  /** The XPath of the {@code index}-th plan (from 0) of the record. */
  public String planLocation(int index) {
    return location() + "/pertinentInformation[" + (index + 1) + "]";
  }

  public static ImmutableFileRecord.Builder builder() {
    return ImmutableFileRecord.builder();
  }

  @Override
  public String toString() {
    return "FileRecord{position=" + position() + ", plans=" + plans().size()
        + problem().map(p -> ", problem=" + p).orElse("") + '}';
  }
}
