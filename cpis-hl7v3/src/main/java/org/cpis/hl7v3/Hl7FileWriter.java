package org.cpis.hl7v3;

import java.io.StringWriter;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.cpis.hl7v3.Hl7V3.PlanTemplate;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanType;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;

/**
 * Writes a local authority's upload {@code File} (REPC_MT000002GB01) from upload records, one
 * {@code CP-ISRecord} per record, so that {@link Hl7FileReader} reads the same records back: what
 * a social-care system that speaks CSV to cpis would send in HL7 V3, and what tests and the demo
 * feed the reader. A record's local reference {@code <id>/<plan code>} gives the LA child id
 * {@code <id>}; any other reference is the child id as it is (and then reads back with the plan
 * code after it). On the wire as the schema asks: no fixed value and no template id.
 *
 * <p>What the File cannot carry is refused, never dropped silently, with an {@link
 * IllegalArgumentException} naming the record's line: a record without a valid plan type, start
 * date, date of birth, given and family name, or an unborn plan with an end date of its own (the
 * File's unborn end date is the expected delivery date). The allocated social worker has no place
 * in the File and is not written.
 */
public final class Hl7FileWriter {

  private Hl7FileWriter() {}

  /** The file as text. */
  public static String write(FileHeader header, Iterable<UploadRecord> records) {
    StringWriter out = new StringWriter();
    write(header, records, out);
    return out.toString();
  }

  /**
   * Writes the file to {@code out}, streaming: the records are read from the iterable one by one.
   * The {@code transmissionQuantity} is the header's {@link FileHeader#recordCount()}. A delete
   * record's delete date is the file's creation day.
   *
   * @throws IllegalArgumentException if a record cannot be carried, if there is no record (a File
   *     holds at least one) or if their number is not the header's count; what was written
   *     until then is not a valid File
   */
  public static void write(FileHeader header, Iterable<UploadRecord> records, Writer out) {
    LocalDate today = header.creationTime().atZone(Hl7Times.UK).toLocalDate();
    try (Xml.Out xml = new Xml.Out(out)) {
      xml.root("File")
          .leaf("creationTime", "value", Hl7Times.timestamp(header.creationTime()))
          .leaf("id", "extension", header.fileId())
          .leaf("transmissionQuantity", "value", Integer.toString(header.recordCount()));
      organisation(xml.start("communicationFunctionSnd"), header.sender()).end();
      int written = 0;
      for (UploadRecord record : records) {
        written++;
        check(record);
        xml.start("record").start("CP-ISRecord");
        PlanType type = planType(record);
        plan(xml, record, type, today);
        subject(xml, record, type.isUnborn());
        xml.end().end();
      }
      if (written == 0 || written != header.recordCount()) {
        throw new IllegalArgumentException(
            "a File holds at least one record, and as many as its header says (" + header.recordCount()
                + "); these were " + written);
      }
    }
  }

  /**
   * Refuses a record the File cannot carry.
   *
   * @throws IllegalArgumentException naming the record's line and what is missing or wrong
   */
  static void check(UploadRecord record) {
    PlanType type = planType(record);
    Optional<String> action = UploadRecord.present(record.action());
    if (action.isPresent() && !action.get().equalsIgnoreCase(UploadValidation.DELETE)) {
      throw refuse(record, "its action is neither blank nor DELETE");
    }
    date(record, record.startDate(), "start date").orElseThrow(() -> refuse(record, "it has no start date"));
    Optional<LocalDate> end = date(record, record.endDate(), "end date");
    Optional<LocalDate> edd = date(record, record.expectedDeliveryDate(), "expected delivery date");
    if (type.isUnborn() && end.isPresent()) {
      throw refuse(record, "an unborn plan's own end date has no place in a File (its end date is the expected delivery date)");
    }
    if (type.isUnborn() && edd.isEmpty()) {
      throw refuse(record, "an unborn plan needs an expected delivery date");
    }
    if (!type.isUnborn() && edd.isPresent()) {
      throw refuse(record, "only an unborn plan has an expected delivery date");
    }
    UploadRecord.present(record.localReference()).orElseThrow(() -> refuse(record, "it has no local reference"));
    date(record, record.dateOfBirth(), "date of birth").orElseThrow(() -> refuse(record, "it has no date of birth"));
    UploadRecord.present(record.givenName()).orElseThrow(() -> refuse(record, "it has no given name"));
    UploadRecord.present(record.familyName()).orElseThrow(() -> refuse(record, "it has no family name"));
  }

  /** Whether {@link #check} accepts the record. */
  static boolean writable(UploadRecord record) {
    try {
      check(record);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Xml.Out organisation(Xml.Out xml, SendingOrganisation org) {
    xml.start("organisation")
        .leaf("id", "root", Hl7V3.ODS_ORGANISATION_ROOT, "extension", org.odsCode().value())
        .textLeaf("name", org.name());
    for (Telecom t : org.telecoms()) {
      xml.leaf("telecom", "use", String.join(" ", t.uses()), "value", t.value());
    }
    return xml.end();
  }

  /** A checked record's plan: {@code pertinentInformation} with its template and dates. */
  static void plan(Xml.Out xml, UploadRecord record, PlanType type, LocalDate today) {
    PlanTemplate t = PlanTemplate.of(type);
    boolean delete = UploadRecord.present(record.action()).isPresent();
    Optional<LocalDate> end = date(record, record.endDate(), "end date");
    Optional<LocalDate> edd = date(record, record.expectedDeliveryDate(), "expected delivery date");
    xml.start("pertinentInformation").contentId(t.contentId).start(t.element);
    dateComponent(xml, "component", t.stem + "StartDate", date(record, record.startDate(), "start date")
        .orElseThrow(() -> refuse(record, "it has no start date")));
    Optional<LocalDate> shownEnd = type.isUnborn() ? edd : end;
    shownEnd.ifPresent(d -> dateComponent(xml, "component1", t.stem + "EndDate", d));
    if (delete) {
      dateComponent(xml, "component2", t.stem + "DeleteDate", today);
    }
    xml.end().end();
  }

  private static void dateComponent(Xml.Out xml, String component, String element, LocalDate date) {
    xml.start(component).start(element).leaf("value", "value", Hl7Times.planDate(date)).end().end();
  }

  /** A checked record's subject: the child, or for an unborn plan the mother. */
  static void subject(Xml.Out xml, UploadRecord record, boolean unborn) {
    String reference =
        UploadRecord.present(record.localReference()).orElseThrow(() -> refuse(record, "it has no local reference"));
    String childId = childId(reference, planType(record));
    LocalDate birth =
        date(record, record.dateOfBirth(), "date of birth").orElseThrow(() -> refuse(record, "it has no date of birth"));
    String given = UploadRecord.present(record.givenName()).orElseThrow(() -> refuse(record, "it has no given name"));
    String family = UploadRecord.present(record.familyName()).orElseThrow(() -> refuse(record, "it has no family name"));
    Optional<String> nhs = UploadRecord.present(record.nhsNumber()).map(Hl7FileWriter::nhsNumber);
    xml.start("subject");
    if (unborn) {
      xml.contentId(Hl7V3.UNBORN_CHILD_CONTENT).start(Hl7V3.UNBORN_CHILD).start("parentMotherPerson");
      person(xml, birth, given, family);
      xml.start("playedMother");
      ids(xml, nhs, childId);
      xml.end().end().end();
    } else {
      xml.contentId(Hl7V3.CHILD_CONTENT).start(Hl7V3.CHILD);
      ids(xml, nhs, childId);
      xml.start("childPerson");
      person(xml, birth, given, family);
      xml.end().end();
    }
    xml.end();
  }

  static void person(Xml.Out xml, LocalDate birth, String given, String family) {
    xml.leaf("birthTime", "value", Hl7Times.birthTime(birth))
        .start("name")
        .textLeaf("given", given)
        .textLeaf("family", family)
        .end();
  }

  static void ids(Xml.Out xml, Optional<String> nhsNumber, String childId) {
    nhsNumber.ifPresent(n -> xml.leaf("id", "root", Hl7V3.NHS_NUMBER_ROOT, "extension", n));
    xml.leaf("id", "root", Hl7V3.LA_CHILD_ID_ROOT, "extension", childId);
  }

  /** The LA child id of a plan reference: {@code <id>/<plan code>} gives {@code <id>}. */
  static String childId(String reference, PlanType type) {
    String suffix = "/" + type.code();
    return reference.endsWith(suffix) && reference.length() > suffix.length()
        ? reference.substring(0, reference.length() - suffix.length())
        : reference;
  }

  /** A valid NHS number as its ten digits; anything else as sent, for the receiver to reject. */
  static String nhsNumber(String text) {
    return NhsNumber.isValid(text) ? NhsNumber.parse(text).value() : text;
  }

  static PlanType planType(UploadRecord record) {
    return UploadRecord.present(record.planType())
        .flatMap(PlanType::fromCode)
        .orElseThrow(() -> refuse(record, "it has no plan type of CPPI, LACI or UCPI"));
  }

  /**
   * The date of an ISO {@code YYYY-MM-DD} field, checked strictly, with a year the File's 12-digit
   * dates can hold (1900 to 2099). Read by hand rather than with {@code LocalDate.parse}, whose
   * formatter allocates far more than the date: the writer reads every date of every record.
   */
  private static Optional<LocalDate> date(UploadRecord record, Optional<String> field, String what) {
    Optional<String> text = UploadRecord.present(field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    try {
      if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
        throw new DateTimeException(t);
      }
      int year = digits(t, 0, 4);
      if (year < 1900 || year > 2099) {
        throw refuse(record, "its " + what + " is outside the years 1900 to 2099 a File can carry");
      }
      return Optional.of(LocalDate.of(year, digits(t, 5, 7), digits(t, 8, 10)));
    } catch (DateTimeException e) {
      throw refuse(record, "its " + what + " is not a date");
    }
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException(text);
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static IllegalArgumentException refuse(UploadRecord record, String why) {
    return new IllegalArgumentException("record " + record.lineNumber() + " cannot be written as an HL7 V3 File: " + why);
  }
}
