package org.cpis.hl7v3;

import java.util.Optional;
import org.cpis.UploadReport;
import org.immutables.value.Value;

/** What {@link Hl7Uploads#receive} gives back: the file code, the {@code FileResponse}, and the engine's report when the file was applied. */
@Value.Immutable
public abstract class Acknowledgement {

  public abstract FileResponseCode fileCode();

  /** The {@code FileResponse} document to send back to the local authority. */
  public abstract String fileResponse();

  /** The file's header, when it could be read. */
  public abstract Optional<FileHeader> header();

  /** The engine's report; empty when the file could not be read and nothing was applied. */
  public abstract Optional<UploadReport> report();

  /** Why the file could not be read, when it could not. */
  public abstract Optional<Hl7FileException> error();

  public static ImmutableAcknowledgement.Builder builder() {
    return ImmutableAcknowledgement.builder();
  }

  @Override
  public String toString() {
    return "Acknowledgement{" + fileCode() + report().map(r -> ", " + r.accepted() + " accepted, "
        + r.unchanged() + " unchanged, " + r.rejected() + " rejected").orElse("") + '}';
  }
}
