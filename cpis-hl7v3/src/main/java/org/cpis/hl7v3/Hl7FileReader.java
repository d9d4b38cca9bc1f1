package org.cpis.hl7v3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cpis.hl7v3.Hl7FileException.Reason;
import org.cpis.hl7v3.Hl7V3.PlanTemplate;
import org.cpis.model.OdsCode;
import org.cpis.rules.ImmutableUploadRecord;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;

/**
 * Reads a local authority's upload {@code File} (REPC_MT000002GB01) with StAX, one record at a
 * time, into the {@link UploadRecord}s that the engine's upload applies: each plan of a record
 * becomes one upload record of its subject (a child, or an unborn child under the mother's NHS
 * number), so the plans are validated by the engine's own rules ({@link UploadValidation}).
 *
 * <ul>
 *   <li>A plan's local reference is the local authority's id for the subject and the plan code:
 *       {@code <LA child id>/<CPPI|LACI|UCPI>}.
 *   <li>A plan date is read from its 12 digits ({@link Hl7Times#planDateAsIso}); a value of
 *       another length or an impossible day is passed on, and the engine rejects the plan as
 *       {@code INVALID_DATE}.
 *   <li>An unborn plan's end date is the expected delivery date.
 *   <li>A delete date makes the plan's record a {@code DELETE}.
 * </ul>
 *
 * <p>A record that breaks a rule of the message itself (more than three plans, no birth date, a
 * plan without the subject it needs…) becomes malformed upload records with the reason kept in
 * {@link FileRecord#problem()}. A file that cannot be read, or breaks a file-level rule (the
 * sender's mandatory fields, exactly one emergency telephone, the record count), throws {@link
 * Hl7FileException}; {@link #read} then returns nothing, so nothing of it is applied.
 *
 * <p>The reader is thread-safe and holds no state between files.
 */
public final class Hl7FileReader {

  /** The default limit: 1 GiB, above a national file of 300,000 records. */
  public static final long DEFAULT_SIZE_LIMIT = 1L << 30;

  private static final XMLInputFactory FACTORY = Xml.inputFactory();

  private final long sizeLimit;

  private Hl7FileReader(long sizeLimit) {
    if (sizeLimit <= 0) {
      throw new IllegalArgumentException("the size limit must be positive");
    }
    this.sizeLimit = sizeLimit;
  }

  /** A reader with the {@link #DEFAULT_SIZE_LIMIT}. */
  public static Hl7FileReader create() {
    return new Hl7FileReader(DEFAULT_SIZE_LIMIT);
  }

  /** A reader that refuses files of more than {@code bytes} bytes. */
  public static Hl7FileReader withSizeLimit(long bytes) {
    return new Hl7FileReader(bytes);
  }

  public long sizeLimit() {
    return sizeLimit;
  }

  /**
   * Reads the whole file.
   *
   * @throws Hl7FileException if it cannot be read or breaks a file-level rule
   * @throws UncheckedIOException if the stream fails
   */
  public LaUploadFile read(InputStream in) {
    List<FileRecord> records = new ArrayList<>();
    FileHeader header = stream(in, h -> {}, records::add);
    return LaUploadFile.builder().header(header).records(records).build();
  }

  /**
   * Streams the file: {@code onHeader} once, when the first record starts, then {@code onRecord}
   * for each record, holding only the current one in memory. A file-level error may come after
   * some records were handed over, so a caller that applies records must wait for the return.
   *
   * @return the header
   * @throws Hl7FileException if the file cannot be read or breaks a file-level rule
   */
  public FileHeader stream(InputStream in, Consumer<FileHeader> onHeader, Consumer<FileRecord> onRecord) {
    Limited limited = new Limited(in, sizeLimit);
    XMLStreamReader xml = null;
    try {
      xml = FACTORY.createXMLStreamReader(limited);
      return new Parse(xml, onHeader, onRecord).file();
    } catch (XMLStreamException e) {
      if (limited.exceeded) {
        throw tooLarge(xml);
      }
      if (e.getNestedException() instanceof IOException) {
        throw new UncheckedIOException("Could not read the upload File", (IOException) e.getNestedException());
      }
      Location at = e.getLocation();
      throw new Hl7FileException(
          Reason.NOT_WELL_FORMED,
          "not well-formed XML (" + firstLine(e.getMessage()) + ")",
          at == null ? 0 : at.getLineNumber(),
          at == null ? 0 : at.getColumnNumber(),
          null);
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // closing a reader that failed: nothing more to say than the failure itself
        }
      }
    }
  }

  private Hl7FileException tooLarge(XMLStreamReader xml) {
    Location at = xml == null ? null : xml.getLocation();
    return new Hl7FileException(
        Reason.TOO_LARGE,
        "the file is larger than the limit of " + sizeLimit + " bytes",
        at == null ? 0 : at.getLineNumber(),
        at == null ? 0 : at.getColumnNumber(),
        null);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String m = message.strip();
    int nl = m.lastIndexOf('\n');
    return nl >= 0 ? m.substring(nl + 1).strip() : m;
  }

  /** One parse of one file. */
  private static final class Parse {
    private final XMLStreamReader xml;
    private final Consumer<FileHeader> onHeader;
    private final Consumer<FileRecord> onRecord;
    private int recordCount;
    private int lineNumber;
    private String fileId;

    Parse(XMLStreamReader xml, Consumer<FileHeader> onHeader, Consumer<FileRecord> onRecord) {
      this.xml = xml;
      this.onHeader = onHeader;
      this.onRecord = onRecord;
    }

    FileHeader file() throws XMLStreamException {
      if (next() != XMLStreamConstants.START_ELEMENT) {
        throw error(Reason.NOT_WELL_FORMED, "the document has no element", null);
      }
      if (!"File".equals(xml.getLocalName()) || !Hl7V3.NAMESPACE.equals(xml.getNamespaceURI())) {
        throw error(
            Reason.NOT_AN_UPLOAD_FILE,
            "the document element is {" + xml.getNamespaceURI() + "}" + xml.getLocalName()
                + ", not {" + Hl7V3.NAMESPACE + "}File (REPC_MT000002GB01)",
            "/" + xml.getLocalName());
      }
      String creationTime = null;
      String quantity = null;
      SendingOrganisation sender = null;
      FileHeader header = null;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        String name = hl7Name();
        switch (name) {
          case "creationTime":
            creationTime = attribute("value");
            skip();
            break;
          case "id":
            fileId = attribute("extension");
            skip();
            break;
          case "transmissionQuantity":
            quantity = attribute("value");
            skip();
            break;
          case "communicationFunctionSnd":
            sender = sender();
            break;
          case "record":
            if (header == null) {
              header = header(creationTime, fileId, quantity, sender);
              onHeader.accept(header);
            }
            onRecord.accept(record(++recordCount));
            break;
          default:
            skip();
        }
      }
      if (header == null) {
        header = header(creationTime, fileId, quantity, sender);
        throw error(Reason.MISSING_MANDATORY_FIELD, "the File has no record", "/File/record");
      }
      if (next() != XMLStreamConstants.END_DOCUMENT) {
        throw error(Reason.NOT_WELL_FORMED, "content after the File element", null);
      }
      if (recordCount != header.recordCount()) {
        throw error(
            Reason.RECORD_COUNT_MISMATCH,
            "transmissionQuantity says " + header.recordCount() + " records, the File holds " + recordCount,
            "/File/transmissionQuantity");
      }
      return header;
    }

    private FileHeader header(String creationTime, String fileId, String quantity, SendingOrganisation sender) {
      String missing = missing(creationTime, "creationTime", fileId, "File ID", quantity, "transmissionQuantity");
      if (missing != null) {
        throw error(Reason.MISSING_MANDATORY_FIELD, "MISSING_MANDATORY_FIELD|" + missing, "/File");
      }
      if (sender == null) {
        throw error(Reason.MISSING_MANDATORY_FIELD, "MISSING_MANDATORY_FIELD|Organisation ID", "/File/communicationFunctionSnd");
      }
      Instant created =
          Hl7Times.parseTimestamp(creationTime)
              .orElseThrow(() -> error(Reason.INVALID_VALUE, "creationTime is not a time: " + creationTime, "/File/creationTime"));
      int count;
      try {
        count = Integer.parseInt(quantity.strip());
      } catch (NumberFormatException e) {
        throw error(Reason.INVALID_VALUE, "transmissionQuantity is not a number: " + quantity, "/File/transmissionQuantity");
      }
      return FileHeader.builder().fileId(fileId).creationTime(created).recordCount(count).sender(sender).build();
    }

    private SendingOrganisation sender() throws XMLStreamException {
      String base = "/File/communicationFunctionSnd/organisation";
      String ods = null;
      String name = null;
      List<Telecom> telecoms = new ArrayList<>();
      boolean organisation = false;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if (!"organisation".equals(hl7Name())) {
          skip();
          continue;
        }
        organisation = true;
        while (next() == XMLStreamConstants.START_ELEMENT) {
          switch (hl7Name()) {
            case "id":
              ods = attribute("extension");
              skip();
              break;
            case "name":
              name = text();
              break;
            case "telecom":
              String value = attribute("value");
              if (value == null) {
                throw error(Reason.MISSING_MANDATORY_FIELD, "TELECOM_VALUE_IS_MANDATORY", base + "/telecom[" + (telecoms.size() + 1) + "]");
              }
              String use = Optional.ofNullable(attribute("use")).orElse("");
              telecoms.add(
                  Telecom.builder()
                      .value(value)
                      .uses(new LinkedHashSet<>(Arrays.asList(use.strip().split("\\s+"))))
                      .build());
              skip();
              break;
            default:
              skip();
          }
        }
      }
      if (!organisation || ods == null) {
        throw error(Reason.MISSING_MANDATORY_FIELD, "MISSING_MANDATORY_FIELD|Organisation ID", base + "/id");
      }
      if (name == null) {
        throw error(Reason.MISSING_MANDATORY_FIELD, "MISSING_MANDATORY_FIELD|Organisation Name", base + "/name");
      }
      long emergency = telecoms.stream().filter(Telecom::isEmergency).count();
      if (emergency == 0) {
        throw error(Reason.MISSING_MANDATORY_TELECOM_TYPE, "MISSING_MANDATORY_TELECOM_TYPE|EC", base + "/telecom");
      }
      if (emergency > 1) {
        throw error(Reason.DUPLICATE_TELECOM_TYPE, "DUPLICATE_TELECOM_TYPE|EC", base + "/telecom");
      }
      OdsCode code;
      try {
        code = OdsCode.of(ods);
      } catch (IllegalArgumentException e) {
        throw error(Reason.INVALID_VALUE, "the organisation id is not an ODS code: " + ods, base + "/id");
      }
      return SendingOrganisation.builder().odsCode(code).name(name).telecoms(telecoms).build();
    }

    /** The subject of a record: a child, or an unborn child whose ids are the mother's. */
    private static final class Subject {
      final boolean unborn;
      String nhsNumber;
      String localId;
      String given;
      String family;
      String birthTime;

      Subject(boolean unborn) {
        this.unborn = unborn;
      }
    }

    /** A plan as sent. */
    private static final class Plan {
      String type;
      PlanTemplate template;
      String start;
      String end;
      String delete;
    }

    private FileRecord record(int position) throws XMLStreamException {
      List<Plan> plans = new ArrayList<>();
      List<Subject> subjects = new ArrayList<>();
      Set<String> problems = new LinkedHashSet<>();
      boolean cpisRecord = false;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if (!"CP-ISRecord".equals(hl7Name())) {
          skip();
          continue;
        }
        cpisRecord = true;
        while (next() == XMLStreamConstants.START_ELEMENT) {
          switch (hl7Name()) {
            case "pertinentInformation":
              plans.add(plan(problems));
              break;
            case "subject":
              subject(problems).ifPresent(subjects::add);
              break;
            default:
              skip();
          }
        }
      }
      if (!cpisRecord) {
        problems.add("MISSING_MANDATORY_FIELD|CP-ISRecord");
      }
      if (plans.isEmpty()) {
        problems.add("MISSING_MANDATORY_FIELD|Care Plan Type");
        plans.add(new Plan());
      }
      if (plans.size() > 3) {
        problems.add("a record holds one to three plans; this one holds " + plans.size());
      }
      Subject child = only(subjects, false, problems);
      Subject mother = only(subjects, true, problems);
      if (subjects.isEmpty()) {
        problems.add("MISSING_MANDATORY_FIELD|subject");
      }
      ImmutableFileRecord.Builder record = FileRecord.builder().position(position);
      for (Plan plan : plans) {
        boolean unborn = plan.template != null && plan.template.type.isUnborn();
        Subject subject = unborn ? mother : child;
        if (plan.template != null && subject == null) {
          problems.add(
              unborn
                  ? "an unborn child plan needs an UnbornChild subject"
                  : "a child protection or looked-after plan needs a Child subject");
        }
        if (subject == null && plan.template == null) {
          subject = child != null ? child : mother;
        }
        if (subject != null && subject.birthTime == null) {
          problems.add("MISSING_MANDATORY_FIELD|Birth Date");
        }
        record.addPlans(uploadRecord(++lineNumber, plan, subject, unborn));
      }
      if (problems.isEmpty()) {
        return record.build();
      }
      FileRecord built = record.build();
      List<UploadRecord> malformed = new ArrayList<>();
      for (UploadRecord plan : built.plans()) {
        malformed.add(UploadRecord.builder().from(plan).malformed(true).build());
      }
      return FileRecord.builder().from(built).plans(malformed).problem(String.join("; ", problems)).build();
    }

    private static Subject only(List<Subject> subjects, boolean unborn, Set<String> problems) {
      Subject found = null;
      for (Subject s : subjects) {
        if (s.unborn == unborn) {
          if (found != null) {
            problems.add("a record has at most one " + (unborn ? "UnbornChild" : "Child") + " subject");
          }
          found = s;
        }
      }
      return found;
    }

    private static UploadRecord uploadRecord(int line, Plan plan, Subject subject, boolean unborn) {
      ImmutableUploadRecord.Builder r = UploadRecord.builder().lineNumber(line);
      Optional.ofNullable(plan.type).ifPresent(r::planType);
      if (subject != null) {
        Optional.ofNullable(subject.localId)
            .filter(id -> !id.isBlank())
            .ifPresent(id -> r.localReference(id.strip() + "/" + (plan.type == null ? "" : plan.type)));
        Optional.ofNullable(subject.nhsNumber).ifPresent(r::nhsNumber);
        Optional.ofNullable(subject.given).ifPresent(r::givenName);
        Optional.ofNullable(subject.family).ifPresent(r::familyName);
        Optional.ofNullable(subject.birthTime).map(Hl7Times::birthTimeAsIso).ifPresent(r::dateOfBirth);
      }
      Optional.ofNullable(plan.start).map(Hl7Times::planDateAsIso).ifPresent(r::startDate);
      Optional<String> end = Optional.ofNullable(plan.end).map(Hl7Times::planDateAsIso);
      if (unborn) {
        end.ifPresent(r::expectedDeliveryDate);
      } else {
        end.ifPresent(r::endDate);
      }
      if (plan.delete != null) {
        r.action(UploadValidation.DELETE);
      }
      return r.build();
    }

    private Plan plan(Set<String> problems) throws XMLStreamException {
      Plan plan = new Plan();
      String contentId = null;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if ("contentId".equals(xml.getLocalName()) && Hl7V3.LOCALISATION_NAMESPACE.equals(xml.getNamespaceURI())) {
          contentId = attribute("extension");
          skip();
          continue;
        }
        String name = xml.getLocalName();
        Optional<PlanTemplate> template = PlanTemplate.ofElement(name);
        if (template.isEmpty()) {
          // an element of no plan template: its plan type is unknown, and the engine says so
          plan.type = name;
          skip();
          continue;
        }
        plan.template = template.get();
        plan.type = template.get().type.code();
        planDates(plan);
      }
      if (plan.template != null && !plan.template.contentId.equals(contentId)) {
        problems.add(
            contentId == null
                ? "MISSING_MANDATORY_FIELD|contentId"
                : "the contentId " + contentId + " does not name the template " + plan.template.element);
      }
      return plan;
    }

    private void planDates(Plan plan) throws XMLStreamException {
      String stem = plan.template.stem;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        String component = hl7Name();
        while (next() == XMLStreamConstants.START_ELEMENT) {
          String name = hl7Name();
          String value = nil() ? null : dateValue();
          if (name.equals(stem + "StartDate") && component.equals("component")) {
            plan.start = value;
          } else if (name.equals(stem + "EndDate") && component.equals("component1")) {
            plan.end = value;
          } else if (name.equals(stem + "DeleteDate") && component.equals("component2")) {
            plan.delete = value;
          }
        }
      }
    }

    /** The {@code value/@value} inside the current date observation; ends on its end tag. */
    private String dateValue() throws XMLStreamException {
      String value = null;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if ("value".equals(hl7Name()) && !nil()) {
          value = attribute("value");
        }
        skip();
      }
      return value;
    }

    private boolean nil() throws XMLStreamException {
      String nil = xml.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "nil");
      if ("true".equals(nil)) {
        skip();
        return true;
      }
      return false;
    }

    private Optional<Subject> subject(Set<String> problems) throws XMLStreamException {
      Subject subject = null;
      String contentId = null;
      while (next() == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if ("contentId".equals(name) && Hl7V3.LOCALISATION_NAMESPACE.equals(xml.getNamespaceURI())) {
          contentId = attribute("extension");
          skip();
        } else if (Hl7V3.CHILD.equals(name)) {
          subject = new Subject(false);
          child(subject, problems);
        } else if (Hl7V3.UNBORN_CHILD.equals(name)) {
          subject = new Subject(true);
          unbornChild(subject, problems);
        } else {
          problems.add("the subject " + name + " is neither a Child nor an UnbornChild");
          skip();
        }
      }
      if (subject != null) {
        String expected = subject.unborn ? Hl7V3.UNBORN_CHILD_CONTENT : Hl7V3.CHILD_CONTENT;
        if (!expected.equals(contentId)) {
          problems.add(
              contentId == null
                  ? "MISSING_MANDATORY_FIELD|contentId"
                  : "the contentId " + contentId + " does not name the template " + (subject.unborn ? Hl7V3.UNBORN_CHILD : Hl7V3.CHILD));
        }
      }
      return Optional.ofNullable(subject);
    }

    private void child(Subject subject, Set<String> problems) throws XMLStreamException {
      while (next() == XMLStreamConstants.START_ELEMENT) {
        switch (hl7Name()) {
          case "id":
            id(subject, problems);
            break;
          case "childPerson":
            person(subject, problems);
            break;
          default:
            skip();
        }
      }
    }

    private void unbornChild(Subject subject, Set<String> problems) throws XMLStreamException {
      while (next() == XMLStreamConstants.START_ELEMENT) {
        if ("parentMotherPerson".equals(hl7Name())) {
          person(subject, problems);
        } else {
          skip();
        }
      }
    }

    private void person(Subject subject, Set<String> problems) throws XMLStreamException {
      while (next() == XMLStreamConstants.START_ELEMENT) {
        switch (hl7Name()) {
          case "birthTime":
            subject.birthTime = attribute("value");
            skip();
            break;
          case "name":
            name(subject);
            break;
          case "playedMother":
            while (next() == XMLStreamConstants.START_ELEMENT) {
              if ("id".equals(hl7Name())) {
                id(subject, problems);
              } else {
                skip();
              }
            }
            break;
          default:
            skip();
        }
      }
    }

    private void name(Subject subject) throws XMLStreamException {
      List<String> given = new ArrayList<>();
      while (next() == XMLStreamConstants.START_ELEMENT) {
        switch (hl7Name()) {
          case "given":
            given.add(text());
            break;
          case "family":
            subject.family = text();
            break;
          default:
            skip();
        }
      }
      if (!given.isEmpty()) {
        subject.given = String.join(" ", given);
      }
    }

    private void id(Subject subject, Set<String> problems) throws XMLStreamException {
      String root = attribute("root");
      String extension = attribute("extension");
      skip();
      if (Hl7V3.NHS_NUMBER_ROOT.equals(root)) {
        subject.nhsNumber = extension;
      } else if (Hl7V3.LA_CHILD_ID_ROOT.equals(root)) {
        subject.localId = extension;
      } else {
        problems.add("an id with root " + root + " is neither an NHS number nor a local authority's child id");
      }
    }

    // --- cursor ---

    /** The next start or end tag (or the end of the document); a DTD is refused. */
    private int next() throws XMLStreamException {
      while (true) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT:
          case XMLStreamConstants.END_ELEMENT:
          case XMLStreamConstants.END_DOCUMENT:
            return event;
          case XMLStreamConstants.DTD:
          case XMLStreamConstants.ENTITY_REFERENCE:
          case XMLStreamConstants.ENTITY_DECLARATION:
            throw error(Reason.DTD_REFUSED, "a DTD or entity is not allowed in an upload File", null);
          default:
            // text between elements, comments, processing instructions
        }
      }
    }

    /** Skips the rest of the current element, ending on its end tag. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else {
          throw error(Reason.NOT_WELL_FORMED, "the document ends inside an element", null);
        }
      }
    }

    /** The text of the current element, which must hold no element; ends on its end tag. */
    private String text() throws XMLStreamException {
      StringBuilder text = new StringBuilder();
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          return text.toString().strip();
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          skip();
        } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw error(Reason.DTD_REFUSED, "a DTD or entity is not allowed in an upload File", null);
        } else if (event == XMLStreamConstants.END_DOCUMENT) {
          throw error(Reason.NOT_WELL_FORMED, "the document ends inside an element", null);
        }
      }
    }

    /** The local name of the current element, which must be in the HL7 namespace. */
    private String hl7Name() {
      if (!Hl7V3.NAMESPACE.equals(xml.getNamespaceURI())) {
        return "{" + xml.getNamespaceURI() + "}" + xml.getLocalName();
      }
      return xml.getLocalName();
    }

    private String attribute(String name) {
      String value = xml.getAttributeValue(null, name);
      return value == null || value.isBlank() ? null : value;
    }

    private static String missing(String... valueThenName) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < valueThenName.length; i += 2) {
        if (valueThenName[i] == null) {
          missing.add(valueThenName[i + 1]);
        }
      }
      return missing.isEmpty() ? null : String.join(", ", missing);
    }

    private Hl7FileException error(Reason reason, String detail, String location) {
      Location at = xml.getLocation();
      return new Hl7FileException(reason, detail, at.getLineNumber(), at.getColumnNumber(), location, fileId);
    }
  }

  /** Counts the bytes read and refuses more than the limit. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long count;
    boolean exceeded;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws LimitExceeded {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new LimitExceeded();
      }
    }
  }

  /** Thrown inside the stream when the limit is passed; reported as {@link Reason#TOO_LARGE}. */
  private static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded() {
      super("size limit exceeded");
    }
  }
}
