package org.cpis.hl7v3;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.cpis.model.LocalAuthority;
import org.cpis.model.RecordId;

/**
 * Writes a {@code CP-ISInactiveNHSNumberNotification} (REPC_MT000005GB01): the NHS numbers of a
 * local authority's plans that became inactive, each with the authority's child id when known,
 * the replacement number when there is one, and the upload file that carried it.
 */
public final class InactiveNhsNumberNotificationWriter {

  private InactiveNhsNumberNotificationWriter() {}

  /**
   * @param id the message's id (as an upper-case UUID, name-based when it is not one)
   * @throws IllegalArgumentException if there is no number to tell
   */
  public static String write(RecordId id, LocalAuthority recipient, List<InactiveNhsNumber> numbers, Instant now) {
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("an inactive NHS number notification needs at least one number");
    }
    StringWriter out = new StringWriter();
    try (Xml.Out xml = new Xml.Out(out)) {
      xml.root("CP-ISInactiveNHSNumberNotification")
          .leaf("effectiveTime", "value", Hl7Times.timestamp(now))
          .leaf("id", "root", Uuids.of(id));
      AccessToServiceNotificationWriter.recipient(xml, recipient);
      for (InactiveNhsNumber n : numbers) {
        xml.start("subject").start("pDSInactivePatient")
            .leaf("id", "root", Hl7V3.NHS_NUMBER_ROOT, "extension", n.nhsNumber().value());
        n.localChildId().ifPresent(c -> xml.leaf("id", "root", Hl7V3.LA_CHILD_ID_ROOT, "extension", c));
        n.replacedBy().ifPresent(r -> xml.start("replacedBy").start("newVersion").leaf("id", "extension", r.value()).end().end());
        xml.start("subjectOf").start("lAUploadFile").leaf("value", "extension", n.uploadFileId()).end().end();
        xml.end().end();
      }
    }
    return out.toString();
  }
}
