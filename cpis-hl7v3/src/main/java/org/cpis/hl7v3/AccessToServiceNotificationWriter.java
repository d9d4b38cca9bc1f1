package org.cpis.hl7v3;

import java.io.StringWriter;
import java.time.Instant;
import org.cpis.model.AccessNotification;
import org.cpis.model.LocalAuthority;

/**
 * Writes a {@code CP-ISAccessToServiceNotification} (REPC_MT000004GB01) for one access
 * notification: one record access holding one NHS query, whose author is the accessing person
 * ({@code AssignedAuthor}: SDS user id, job role, name, organisation), at the time of the access,
 * about the child's NHS number, referring to the upload file the plan came from. It carries
 * nothing clinical: the notification has no such field to take it from.
 *
 * <ul>
 *   <li>The message id is the notification's id as an upper-case UUID (a name-based UUID when the
 *       id is not one), so a message written twice has the same id and the local authority
 *       deduplicates on it, as it does on the notification; the query id is the access event's.
 *   <li>cpis keeps the accessor's job role as text, not as an SDS job role code: the {@code code}
 *       element carries {@code UNK} with the role text as its display name (UNCONFIRMED).
 * </ul>
 */
public final class AccessToServiceNotificationWriter {

  /** The job role code sent while cpis has no SDS code for the role. */
  public static final String UNKNOWN_JOB_ROLE = "UNK";

  private AccessToServiceNotificationWriter() {}

  /**
   * The notification for {@code recipient}, the plan's owning local authority.
   *
   * @param uploadFileId the id of the upload {@code File} that carried the plan
   * @param now the message's effective time
   * @throws IllegalArgumentException if the recipient does not own the notification's plan
   */
  public static String write(AccessNotification notification, LocalAuthority recipient, String uploadFileId, Instant now) {
    if (!notification.localAuthority().equals(recipient.odsCode())) {
      throw new IllegalArgumentException(
          "notification " + notification.id() + " is for " + notification.localAuthority() + ", not " + recipient.odsCode());
    }
    StringWriter out = new StringWriter();
    try (Xml.Out xml = new Xml.Out(out)) {
      xml.root("CP-ISAccessToServiceNotification")
          .leaf("effectiveTime", "value", Hl7Times.timestamp(now))
          .leaf("id", "root", Uuids.of(notification.id()))
          .start("pertinentInformation")
          .start("pertinentTotalReturnedRecords")
          .leaf("value", "value", "1")
          .end()
          .end();
      xml.start("pertinentInformation1").start("pertinentCP-ISRecordAccess");
      xml.start("pertinentInformation2").start("pertinentCP-ISNHSQuery")
          .leaf("effectiveTime", "value", Hl7Times.timestamp(notification.accessedAt()))
          .leaf("id", "root", Uuids.of(notification.accessEventId()));
      xml.start("author").contentId(Hl7V3.ASSIGNED_AUTHOR_CONTENT).start(Hl7V3.ASSIGNED_AUTHOR)
          .leaf("code", "code", UNKNOWN_JOB_ROLE, "codeSystem", Hl7V3.SDS_JOB_ROLE_CODE_SYSTEM,
              "displayName", notification.accessor().role())
          .leaf("id", "root", Hl7V3.SDS_USER_ID_ROOT, "extension", notification.accessor().userId())
          .start("assignedAuthorPerson").textLeaf("name", notification.accessor().name()).end()
          .start("representedOrganization")
          .leaf("id", "root", Hl7V3.ODS_ORGANISATION_ROOT, "extension", notification.organisation().odsCode().value())
          .textLeaf("name", notification.organisation().name())
          .end()
          .end()
          .end();
      xml.start("queryByParameter").start("person.id")
          .leaf("value", "root", Hl7V3.NHS_NUMBER_ROOT, "extension", notification.subject().value())
          .end().end();
      xml.end().end();
      xml.start("reference").start("referredToLAUploadFile").leaf("value", "extension", uploadFileId).end().end();
      xml.end().end();
      recipient(xml, recipient);
    }
    return out.toString();
  }

  /** {@code primaryInformationRecipient}: the local authority as an {@code IntendedRecipient}. */
  static void recipient(Xml.Out xml, LocalAuthority recipient) {
    xml.start("primaryInformationRecipient")
        .contentId(Hl7V3.INTENDED_RECIPIENT_CONTENT)
        .start(Hl7V3.INTENDED_RECIPIENT)
        .start("representedSourceOrganization")
        .leaf("id", "root", Hl7V3.ODS_ORGANISATION_ROOT, "extension", recipient.odsCode().value())
        .textLeaf("name", recipient.name())
        .end()
        .end()
        .end();
  }

}
