package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.hl7v3.Fixtures.ISLINGTON_ODS;
import static org.cpis.hl7v3.Fixtures.record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import org.cpis.Cpis;
import org.cpis.RecordOutcome;
import org.cpis.hl7v3.Hl7FileException.Reason;
import org.cpis.rules.RejectionReason;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's bad input: each gets a CPF or CPR outcome or a typed exception naming the line;
 * nothing is applied from a file that cannot be read. Every acknowledgement written here
 * validates against the national schema.
 */
class BadInputTest {

  private final Cpis cpis = Fixtures.engine();

  /** A good File of two records: a child protection plan and an unborn plan. */
  private final String good =
      Fixtures.file(
          "17",
          List.of(
              record(1, "C-0001/CPPI", "9995260182", "CPPI", "2024-11-04").build(),
              record(2, "M-0002/UCPI", "9990166137", "UCPI", "2025-01-15")
                  .dateOfBirth("1998-02-10")
                  .expectedDeliveryDate("2025-03-20")
                  .build()));

  /** Receives the file from Islington, checks the acknowledgement against the schema. */
  private Acknowledgement receive(String xml) {
    return receive(xml, Hl7FileReader.create());
  }

  private Acknowledgement receive(String xml, Hl7FileReader reader) {
    Acknowledgement ack =
        Hl7Uploads.receive(cpis, ISLINGTON_ODS, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), reader);
    Schemas.valid(Schemas.Message.FILE_RESPONSE, ack.fileResponse());
    return ack;
  }

  /** The file is refused with CPF01 for {@code reason}, and no plan was stored. */
  private Hl7FileException refused(String xml, Reason reason) {
    return refused(xml, reason, Hl7FileReader.create());
  }

  private Hl7FileException refused(String xml, Reason reason, Hl7FileReader reader) {
    Acknowledgement ack = receive(xml, reader);
    assertThat(ack.fileCode()).isEqualTo(FileResponseCode.CPF01);
    assertThat(ack.report()).isEmpty();
    assertThat(ack.fileResponse()).contains("code=\"CPF01\"").contains("code=\"CPR07\"");
    assertThat(cpis.localAuthority(ISLINGTON_ODS).plans()).isEmpty();
    Hl7FileException e = ack.error().orElseThrow();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).doesNotContain("9995260182").doesNotContain("9990166137");
    return e;
  }

  /** The file is applied; the plan numbered {@code line} is rejected for {@code reason} with {@code code}. */
  private Acknowledgement rejectsPlan(String xml, int line, RejectionReason reason, RecordResponseCode code) {
    Acknowledgement ack = receive(xml);
    RecordOutcome outcome = ack.report().orElseThrow().outcomes().get(line - 1);
    assertThat(outcome.reason()).contains(reason);
    assertThat(Fixtures.compact(ack.fileResponse()))
        .contains("<code code=\"" + code + "\"")
        .contains("<location>/File/record[" + line + "]/CP-ISRecord/pertinentInformation[1]</location>");
    return ack;
  }

  @Test
  void textThatIsNotXmlIsAFileLevelErrorNamingTheLine() {
    Hl7FileException e = refused("this is not XML", Reason.NOT_WELL_FORMED);
    assertThat(e.line()).isEqualTo(1);
    assertThat(FileResponseWriter.fileLevelError(e, java.util.Optional.empty(), Fixtures.ISLINGTON, Fixtures.NOW))
        .contains("<id extension=\"-1\"/>");
    assertThat(e.getMessage()).contains("line 1");
  }

  @Test
  void aFileInAnotherNamespaceIsNotAnUploadFile() {
    refused(good.replace("xmlns=\"urn:hl7-org:v3\"", "xmlns=\"urn:example:other\""), Reason.NOT_AN_UPLOAD_FILE);
  }

  @Test
  void anotherMessageTypeIsNotAnUploadFile() {
    String response = Hl7Uploads.receive(Fixtures.engine(), ISLINGTON_ODS, Fixtures.stream(good)).fileResponse();
    Hl7FileException e = refused(response, Reason.NOT_AN_UPLOAD_FILE);
    assertThat(e.getMessage()).contains("FileResponse");
  }

  @Test
  void aFileWithoutItsIdIsAFileLevelError() {
    Hl7FileException e = refused(good.replace("<id extension=\"17\"/>", ""), Reason.MISSING_MANDATORY_FIELD);
    assertThat(e.getMessage()).contains("File ID");
  }

  @Test
  void theSendersNameIsMandatory() {
    refused(good.replace("<name>Islington</name>", ""), Reason.MISSING_MANDATORY_FIELD);
  }

  @Test
  void theEmergencyTelephoneIsMandatory() {
    refused(good.replace("use=\"EC\"", "use=\"HP\""), Reason.MISSING_MANDATORY_TELECOM_TYPE);
  }

  @Test
  void theSenderHasAtMostOneEmergencyTelephone() {
    refused(good.replace("use=\"WP\"", "use=\"WP EC\""), Reason.DUPLICATE_TELECOM_TYPE);
  }

  @Test
  void theRecordCountMustBeTheNumberOfRecords() {
    Hl7FileException e = refused(good.replace("<transmissionQuantity value=\"2\"/>", "<transmissionQuantity value=\"3\"/>"), Reason.RECORD_COUNT_MISMATCH);
    assertThat(e.fileId()).contains("17");
    assertThat(FileResponseWriter.fileLevelError(e, java.util.Optional.empty(), Fixtures.ISLINGTON, Fixtures.NOW))
        .contains("<id extension=\"17\"/>");
  }

  @Test
  void aFileFromAnotherAuthorityIsRefused() {
    refused(good.replace("extension=\"206\"", "extension=\"202\""), Reason.INVALID_VALUE);
  }

  @Test
  void aTruncatedFileIsAFileLevelErrorAndNothingOfItIsApplied() {
    Hl7FileException e = refused(good.substring(0, good.indexOf("<record>", good.indexOf("<record>") + 1) + 40), Reason.NOT_WELL_FORMED);
    assertThat(e.line()).isGreaterThan(10);
  }

  @Test
  void aFileOverTheSizeLimitIsRefused() {
    refused(good, Reason.TOO_LARGE, Hl7FileReader.withSizeLimit(good.length() / 2));
    assertThat(receive(good, Hl7FileReader.withSizeLimit(good.getBytes(StandardCharsets.UTF_8).length)).fileCode())
        .isEqualTo(FileResponseCode.CPF02);
  }

  @Test
  void entityExpansionIsRefused() {
    String laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE File [\n <!ENTITY lol \"lol\">\n"
            + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
            + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
            + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n"
            + good.substring(good.indexOf("<File")).replace("<name>Islington</name>", "<name>&lol4;</name>");
    refused(laughs, Reason.DTD_REFUSED);
  }

  @Test
  void externalEntitiesAreRefusedAndNeverRead() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE File [\n <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n"
            + good.substring(good.indexOf("<File")).replace("<name>Islington</name>", "<name>&secret;</name>");
    Hl7FileException e = refused(xxe, Reason.DTD_REFUSED);
    assertThat(e.getMessage()).doesNotContain("root:");
  }

  @Test
  void aPlanDateOfEightDigitsIsAnInvalidDate() {
    rejectsPlan(good.replace("202411040000", "20241104"), 1, RejectionReason.INVALID_DATE, RecordResponseCode.CPR07);
  }

  @Test
  void aPlanDateOfFourteenDigitsIsAnInvalidDate() {
    rejectsPlan(good.replace("202411040000", "20241104000000"), 1, RejectionReason.INVALID_DATE, RecordResponseCode.CPR07);
  }

  @Test
  void theThirtiethOfFebruaryIsNoDate() {
    Acknowledgement ack =
        rejectsPlan(good.replace("202411040000", "202502300000"), 1, RejectionReason.INVALID_DATE, RecordResponseCode.CPR07);
    assertThat(ack.fileCode()).isEqualTo(FileResponseCode.CPF03);
    assertThat(ack.fileResponse()).contains("R07 a date is not a valid");
    assertThat(cpis.localAuthority(ISLINGTON_ODS).plans()).hasSize(1);
  }

  @Test
  void aTimeOfDayThatIsNoTimeIsAnInvalidDate() {
    rejectsPlan(good.replace("202411040000", "202411042460"), 1, RejectionReason.INVALID_DATE, RecordResponseCode.CPR07);
  }

  @Test
  void anNhsNumberFailingModulus11IsAFormatError() {
    rejectsPlan(good.replace("9995260182", "9995260183"), 1, RejectionReason.INVALID_NHS_NUMBER, RecordResponseCode.CPR04);
  }

  @Test
  void aChildWithoutABirthDateIsRejectedWithTheNationalReason() {
    String noBirth = good.replace("<birthTime value=\"20190514\"/>", "");
    Acknowledgement ack = rejectsPlan(noBirth, 1, RejectionReason.MALFORMED_LINE, RecordResponseCode.CPR07);
    assertThat(ack.fileResponse()).contains("MISSING_MANDATORY_FIELD|Birth Date");
    assertThat(ack.fileCode()).isEqualTo(FileResponseCode.CPF03);
  }

  @Test
  void aRecordWithFourPlansIsRejectedAsAWholeAndNoneOfItsPlansIsApplied() {
    int start = good.indexOf("<pertinentInformation>");
    int end = good.indexOf("</pertinentInformation>") + "</pertinentInformation>".length();
    String plan = good.substring(start, end);
    String four = good.substring(0, start) + plan + plan + plan + plan + good.substring(end);
    Acknowledgement ack = receive(four);
    assertThat(ack.report().orElseThrow().outcomes()).hasSize(5);
    assertThat(ack.report().orElseThrow().outcomes().subList(0, 4))
        .allSatisfy(o -> assertThat(o.reason()).contains(RejectionReason.MALFORMED_LINE));
    assertThat(ack.fileResponse()).contains("a record holds one to three plans; this one holds 4");
    assertThat(cpis.localAuthority(ISLINGTON_ODS).plans()).hasSize(1);
  }

  @Test
  void aPlanOfNoKnownTemplateIsAnUnknownPlanType() {
    rejectsPlan(
        good.replace("COCT_TP146101GB01.CPPInformation", "COCT_TP146199GB01.XYZInformation"),
        1, RejectionReason.UNKNOWN_PLAN_TYPE, RecordResponseCode.CPR07);
  }

  @Test
  void anUnbornPlanWithoutItsEndDateHasNoExpectedDeliveryDate() {
    String noEnd = good.replaceAll("(?s)<component1>\\s*<uCPEndDate>.*?</component1>", "");
    rejectsPlan(noEnd, 2, RejectionReason.UNBORN_WITHOUT_EXPECTED_DELIVERY_DATE, RecordResponseCode.CPR07);
  }

  @Test
  void aContentIdNamingAnotherTemplateRejectsTheRecord() {
    Acknowledgement ack =
        rejectsPlan(
            good.replaceFirst("COCT_TP146101GB01#CPPInformation", "COCT_TP146100GB01#LACInformation"),
            1, RejectionReason.MALFORMED_LINE, RecordResponseCode.CPR07);
    assertThat(ack.fileResponse()).contains("does not name the template COCT_TP146101GB01.CPPInformation");
  }

  @Test
  void theStandardReadSettingsAreSetOnAnyFactoryGiven() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    assertThat(Hl7V3.applyStandardReadSettings(factory)).isSameAs(factory);
    assertThat(factory.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
    assertThat(factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
    assertThat(factory.getProperty(XMLInputFactory.IS_NAMESPACE_AWARE)).isEqualTo(true);
  }

  @Test
  void aDocumentNestedDeeperThanAnyMessageIsRefused() {
    String deep = "<x>".repeat(Xml.MAX_ELEMENT_DEPTH) + "</x>".repeat(Xml.MAX_ELEMENT_DEPTH);
    refused(good.replace("<id extension=\"17\"/>", "<id extension=\"17\"/>" + deep), Reason.NOT_WELL_FORMED);
  }

  @Test
  void aParserMessageThatQuotesAnNhsNumberIsMasked() {
    Hl7FileException e = new Hl7FileException(Reason.NOT_WELL_FORMED, "near 9995260182 and 999 526 0182", 3, 7, null);
    assertThat(e.getMessage()).contains("*** *** 0182").doesNotContain("9995260182").doesNotContain("999 526 0182")
        .endsWith("at line 3, column 7");
  }

  @Test
  void theReaderAloneThrowsTheTypedExceptionAndReturnsNothing() {
    assertThatThrownBy(() -> Fixtures.read(good.substring(0, good.length() / 2)))
        .isInstanceOf(Hl7FileException.class)
        .satisfies(e -> assertThat(((Hl7FileException) e).line()).isPositive());
  }
}
