package org.cpis.hl7v3;

import java.io.InputStream;
import java.util.Optional;
import org.cpis.Cpis;
import org.cpis.LocalAuthorityDesk;
import org.cpis.UploadReport;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;

/**
 * A local authority's HL7 V3 upload end to end: read the {@code File}, apply it through the
 * authority's {@link LocalAuthorityDesk}, and write the {@code FileResponse}. A file that cannot
 * be read, or whose sender is not the authority it came from, is answered with {@code CPF01} and
 * nothing of it is applied: the reader reads the whole file before the engine sees a record.
 */
public final class Hl7Uploads {

  private Hl7Uploads() {}

  /**
   * Receives {@code file} from the local authority {@code from} (as the host knows it, e.g. by
   * its MESH mailbox) with the default reader.
   *
   * @throws org.cpis.UnknownLocalAuthorityException if {@code from} is not registered
   */
  public static Acknowledgement receive(Cpis cpis, OdsCode from, InputStream file) {
    return receive(cpis, from, file, Hl7FileReader.create());
  }

  /** The same with a reader of the host's choosing (e.g. another size limit). */
  public static Acknowledgement receive(Cpis cpis, OdsCode from, InputStream file, Hl7FileReader reader) {
    LocalAuthorityDesk desk = cpis.localAuthority(from);
    LocalAuthority la = desk.localAuthority();
    LaUploadFile read;
    try {
      read = reader.read(file);
      OdsCode sender = read.header().sender().odsCode();
      if (!sender.equals(from)) {
        throw new Hl7FileException(
            Hl7FileException.Reason.INVALID_VALUE,
            "the File's sending organisation " + sender + " is not " + from + ", the authority it came from",
            0,
            0,
            "/File/communicationFunctionSnd/organisation/id",
            read.header().fileId());
      }
    } catch (Hl7FileException e) {
      return Acknowledgement.builder()
          .fileCode(FileResponseCode.CPF01)
          .fileResponse(FileResponseWriter.fileLevelError(e, Optional.empty(), la, cpis.clock().instant()))
          .error(e)
          .build();
    }
    UploadReport report = desk.upload(read.uploadRecords());
    return Acknowledgement.builder()
        .fileCode(FileResponseCode.of(report.fileOutcome()))
        .fileResponse(FileResponseWriter.write(read, report, la, cpis.clock().instant()))
        .header(read.header())
        .report(report)
        .build();
  }
}
