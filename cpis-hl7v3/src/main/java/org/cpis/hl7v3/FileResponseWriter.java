package org.cpis.hl7v3;

import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpis.RecordOutcome;
import org.cpis.UploadReport;
import org.cpis.model.LocalAuthority;
import org.cpis.model.PlanType;
import org.cpis.rules.RejectionReason;
import org.cpis.rules.UploadRecord;

/**
 * Writes the national acknowledgement of an upload, the {@code FileResponse}
 * (REPC_MT000003GB01).
 *
 * <ul>
 *   <li>The file code: {@code CPF02} when no plan was rejected, {@code CPF03} when some were,
 *       {@code CPF04} when all were ({@link FileResponseCode#of}); {@code CPF01} for a file that
 *       cannot be read ({@link #fileLevelError}).
 *   <li>One {@code acknowledgementRecordDetail} per plan, in file order: {@code CPR06} for an
 *       accepted or unchanged plan (the {@code originalText} says which), {@code CPR05} for one
 *       applied under an NHS number that has been superseded (the {@code originalText} names the
 *       replacement, so that the local authority corrects its record), the mapped code of its
 *       rejection reason otherwise ({@link RecordResponseCode#of}, the reason in {@code
 *       originalText}), with the XPath of the plan in the File as its {@code location}.
 *   <li>Each record echoed in a {@code message}: as a {@code validCP-ISRecord} (its subjects)
 *       when none of its plans was rejected, else as an {@code invalidCP-ISRecord} (its plans and
 *       subjects). A record that cannot be echoed in a schema-valid form (a mandatory value
 *       missing or not a date, more than three plans) is not echoed; its details still name it.
 *   <li>{@code successfulReturnedCP-ISRecords} and {@code failedReturnedCP-ISRecords} count the
 *       valid and the invalid records.
 * </ul>
 *
 * <p>The receiver is the local authority as registered with cpis, with its office-hours ({@code
 * WP}) and emergency-duty ({@code EC}) numbers.
 */
public final class FileResponseWriter {

  private FileResponseWriter() {}

  /** The acknowledgement of {@code file}, which the engine applied as {@code report}. */
  public static String write(LaUploadFile file, UploadReport report, LocalAuthority receiver, Instant now) {
    // about 1,200 characters a plan: one detail and its share of an echoed record
    StringWriter out = new StringWriter(2_048 + 1_200 * report.outcomes().size());
    write(file, report, receiver, now, out);
    return out.toString();
  }

  /**
   * Writes the acknowledgement to {@code out}.
   *
   * @throws IllegalArgumentException if the report is not the report of this file's records
   */
  public static void write(LaUploadFile file, UploadReport report, LocalAuthority receiver, Instant now, Writer out) {
    List<UploadRecord> plans = file.uploadRecords();
    if (report.outcomes().size() != plans.size()) {
      throw new IllegalArgumentException(
          "the report has " + report.outcomes().size() + " outcomes, the file " + plans.size() + " plans");
    }
    Map<Integer, RecordOutcome> byLine = new HashMap<>();
    for (RecordOutcome o : report.outcomes()) {
      byLine.put(o.lineNumber(), o);
    }
    int valid = 0;
    for (FileRecord record : file.records()) {
      if (record.plans().stream().noneMatch(p -> rejected(byLine, p))) {
        valid++;
      }
    }
    LocalDate fileDay = file.header().creationTime().atZone(Hl7Times.UK).toLocalDate();
    try (Xml.Out xml = new Xml.Out(out)) {
      header(xml, file.header().fileId(), file.records().size(), FileResponseCode.of(report.fileOutcome()), now);
      xml.start("acknowledgementRecord");
      for (FileRecord record : file.records()) {
        for (int i = 0; i < record.plans().size(); i++) {
          UploadRecord plan = record.plans().get(i);
          RecordOutcome outcome = byLine.get(plan.lineNumber());
          if (outcome == null) {
            throw new IllegalArgumentException("the report has no outcome for plan " + plan.lineNumber());
          }
          detail(xml, outcome, record.problem(), record.planLocation(i));
        }
      }
      xml.end();
      receiver(xml, receiver);
      xml.start("failedReturnedCP-ISRecords").leaf("value", "value", Integer.toString(file.records().size() - valid)).end();
      for (FileRecord record : file.records()) {
        if (echoable(record)) {
          boolean ok = record.plans().stream().noneMatch(p -> rejected(byLine, p));
          echo(xml, record, ok, fileDay);
        }
      }
      xml.start("successfulReturnedCP-ISRecords").leaf("value", "value", Integer.toString(valid)).end();
    }
  }

  /**
   * The acknowledgement of a file that could not be read: {@code CPF01}, with one record detail
   * ({@code CPR07}) whose {@code originalText} is the reason and whose {@code location} is the
   * offending element's XPath (or {@code /} when the reader got no further than the document).
   *
   * @param fileId the file's id if the host knows it; else the id the reader read, if any; else
   *     {@code -1}, as the schema says for an id that cannot be determined
   */
  public static String fileLevelError(Hl7FileException error, Optional<String> fileId, LocalAuthority receiver, Instant now) {
    StringWriter out = new StringWriter();
    try (Xml.Out xml = new Xml.Out(out)) {
      header(xml, fileId.or(error::fileId).orElse("-1"), 0, FileResponseCode.CPF01, now);
      xml.start("acknowledgementRecord").start("acknowledgementRecordDetail");
      code(xml, RecordResponseCode.CPR07, error.getMessage());
      xml.textLeaf("location", error.location().orElse("/")).end().end();
      receiver(xml, receiver);
      xml.start("failedReturnedCP-ISRecords").leaf("value", "value", "0").end();
      xml.start("successfulReturnedCP-ISRecords").leaf("value", "value", "0").end();
    }
    return out.toString();
  }

  private static void header(Xml.Out xml, String fileId, int records, FileResponseCode code, Instant now) {
    xml.root("FileResponse")
        .leaf("creationTime", "value", Hl7Times.timestamp(now))
        .leaf("id", "extension", fileId)
        .leaf("transmissionQuantity", "value", Integer.toString(records))
        .start("acknowledgementFile")
        .start("acknowledgementFileDetail")
        .leaf("code", "code", code.name(), "displayName", code.displayName())
        .end()
        .end();
  }

  private static void detail(Xml.Out xml, RecordOutcome outcome, Optional<String> problem, String location) {
    xml.start("acknowledgementRecordDetail");
    switch (outcome.status()) {
      case ACCEPTED:
      case UNCHANGED:
        String applied =
            outcome.status() == RecordOutcome.Status.ACCEPTED ? "accepted: " + outcome.change().orElseThrow() : "unchanged";
        if (outcome.supersededBy().isPresent()) {
          // Applied, but under a number PDS has replaced: the LA must correct its record (issue 12).
          code(xml, RecordResponseCode.CPR05, applied + "; superseded by " + outcome.supersededBy().get().value());
        } else {
          code(xml, RecordResponseCode.CPR06, applied);
        }
        break;
      default:
        RejectionReason reason = outcome.reason().orElseThrow();
        String why =
            reason == RejectionReason.MALFORMED_LINE && problem.isPresent()
                ? problem.get()
                : reason.code() + " " + reason.description();
        code(xml, RecordResponseCode.of(reason), why);
    }
    xml.textLeaf("location", location).end();
  }

  private static void code(Xml.Out xml, RecordResponseCode code, String originalText) {
    xml.start("code")
        .attr("code", code.name())
        .attr("codeSystem", RecordResponseCode.CODE_SYSTEM)
        .attr("displayName", code.displayName())
        .textLeaf("originalText", originalText)
        .end();
  }

  private static void receiver(Xml.Out xml, LocalAuthority la) {
    SendingOrganisation org =
        SendingOrganisation.builder()
            .odsCode(la.odsCode())
            .name(la.name())
            .addTelecoms(
                Telecom.builder().addUses(Telecom.WORK_PLACE).value(Telecom.telUrl(la.officeHoursPhone())).build(),
                Telecom.builder().addUses(Telecom.EMERGENCY).value(Telecom.telUrl(la.emergencyDutyPhone())).build())
            .build();
    Hl7FileWriter.organisation(xml.start("communicationFunctionRcv"), org).end();
  }

  private static boolean rejected(Map<Integer, RecordOutcome> byLine, UploadRecord plan) {
    RecordOutcome o = byLine.get(plan.lineNumber());
    return o != null && o.status() == RecordOutcome.Status.REJECTED;
  }

  private static boolean echoable(FileRecord record) {
    return record.plans().size() <= 3 && record.plans().stream().allMatch(Hl7FileWriter::writable);
  }

  private static void echo(Xml.Out xml, FileRecord record, boolean valid, LocalDate fileDay) {
    xml.start("message").start("cP-ISLAAcknowledgementResponse").start("pertinentInformation1");
    xml.start(valid ? "validCP-ISRecord" : "invalidCP-ISRecord");
    if (!valid) {
      for (UploadRecord plan : record.plans()) {
        Hl7FileWriter.plan(xml, plan, Hl7FileWriter.planType(plan), fileDay);
      }
    }
    Optional<UploadRecord> child = subjectOf(record, false);
    Optional<UploadRecord> mother = subjectOf(record, true);
    child.ifPresent(p -> Hl7FileWriter.subject(xml, p, false));
    mother.ifPresent(p -> Hl7FileWriter.subject(xml, p, true));
    xml.end().end().end().end();
  }

  private static Optional<UploadRecord> subjectOf(FileRecord record, boolean unborn) {
    return record.plans().stream()
        .filter(p -> Hl7FileWriter.planType(p) == PlanType.UNBORN_CHILD_PROTECTION_PLAN == unborn)
        .findFirst();
  }
}
