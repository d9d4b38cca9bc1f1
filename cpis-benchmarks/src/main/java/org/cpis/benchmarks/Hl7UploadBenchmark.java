package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ISLINGTON;
import static org.cpis.benchmarks.BenchmarkData.ISLINGTON_ODS;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cpis.Cpis;
import org.cpis.LocalAuthorityDesk;
import org.cpis.UploadCsv;
import org.cpis.UploadReport;
import org.cpis.hl7v3.FileHeader;
import org.cpis.hl7v3.FileResponseWriter;
import org.cpis.hl7v3.Hl7FileReader;
import org.cpis.hl7v3.Hl7FileWriter;
import org.cpis.hl7v3.Hl7V3;
import org.cpis.hl7v3.LaUploadFile;
import org.cpis.hl7v3.SendingOrganisation;
import org.cpis.hl7v3.Telecom;
import org.cpis.rules.UploadRecord;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A local authority's day of {@value #RECORDS} records as an HL7 V3 {@code File}, beside the same
 * records as CSV: issue 11 asks that reading and acknowledging the File cost at most twice the
 * CSV path. Both are the second upload of an unchanged file (every record {@code UNCHANGED}),
 * each on its own store where that file was uploaded once.
 *
 * <ul>
 *   <li>{@link #baselineCsvUpload}: {@code UploadCsv.read} of the CSV text and {@link
 *       LocalAuthorityDesk#upload(List)} of its records; the engine's report is the CSV path's
 *       answer.
 *   <li>{@link #hl7UploadAcknowledged}: {@link Hl7FileReader#read} of the File's bytes, the same
 *       upload, and {@link FileResponseWriter#write} of the acknowledgement to a writer that
 *       counts its characters, as a host streams it to the local authority; building the 5.8 MB
 *       as one {@code String} would measure G1's handling of huge arrays more than the codec.
 *   <li>{@link #hl7Upload}: the File's read and the upload, without the acknowledgement: the
 *       part that matches the CSV path step for step.
 *   <li>{@link #baselineCsvRead} and {@link #hl7Read}: the two reads alone.
 *   <li>{@link #staxWalkJdk} and {@link #staxWalkAalto}: the least any StAX reader of the File
 *       must do, on the JDK's parser (the codec's) and on Aalto (the fastest StAX parser on Maven
 *       Central, here only as a yardstick): every event pulled, set up with the codec's {@link
 *       Hl7V3#applyStandardReadSettings} (no DTD, no external entities, namespaces on), and
 *       nothing done with the events but reading each start element's {@code value} attribute.
 *       Beside {@link #baselineCsvUpload} they show how much of issue 11's 2x bound the parsing
 *       alone takes.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class Hl7UploadBenchmark {

  /** How many records the file holds. */
  static final int RECORDS = 5_000;

  /** The same day as CSV text and as File bytes; two stores where each was uploaded once. */
  @State(Scope.Benchmark)
  public static class Day {

    String csv;
    byte[] file;
    LocalAuthorityDesk csvDesk;
    LocalAuthorityDesk hl7Desk;
    UploadReport firstCsvUpload;
    UploadReport firstHl7Upload;

    @Setup(Level.Trial)
    public void writeFiles() {
      List<UploadRecord> records = UploadBenchmark.file(BenchmarkData.nhsNumbers(RECORDS));
      csv = UploadCsv.write(records);
      file = Hl7FileWriter.write(header(), records).getBytes(StandardCharsets.UTF_8);
    }

    @Setup(Level.Iteration)
    public void uploadOnce() {
      csvDesk = desk();
      hl7Desk = desk();
      firstCsvUpload = csvDesk.upload(UploadCsv.read(new StringReader(csv)));
      firstHl7Upload = hl7Desk.upload(Hl7FileReader.create().read(new ByteArrayInputStream(file)).uploadRecords());
    }

    private static LocalAuthorityDesk desk() {
      Cpis cpis = BenchmarkData.engine(new InMemoryCpisStore(), true);
      cpis.registerLocalAuthority(ISLINGTON);
      return cpis.localAuthority(ISLINGTON_ODS);
    }
  }

  /** The File's header: Islington as sender, with its two numbers. */
  static FileHeader header() {
    return FileHeader.builder()
        .fileId("1")
        .creationTime(BenchmarkData.NOW)
        .recordCount(RECORDS)
        .sender(
            SendingOrganisation.builder()
                .odsCode(ISLINGTON_ODS)
                .name(ISLINGTON.name())
                .addTelecoms(
                    Telecom.builder().addUses(Telecom.WORK_PLACE).value(Telecom.telUrl(ISLINGTON.officeHoursPhone())).build(),
                    Telecom.builder().addUses(Telecom.EMERGENCY).value(Telecom.telUrl(ISLINGTON.emergencyDutyPhone())).build())
                .build())
        .build();
  }

  @Benchmark
  public UploadReport baselineCsvUpload(Day day) {
    return day.csvDesk.upload(UploadCsv.read(new StringReader(day.csv)));
  }

  @Benchmark
  public long hl7UploadAcknowledged(Day day) {
    LaUploadFile file = Hl7FileReader.create().read(new ByteArrayInputStream(day.file));
    UploadReport report = day.hl7Desk.upload(file.uploadRecords());
    CountingWriter out = new CountingWriter();
    FileResponseWriter.write(file, report, ISLINGTON, BenchmarkData.NOW, out);
    return out.count;
  }

  /** Takes characters and keeps only their number. */
  static final class CountingWriter extends Writer {
    long count;

    @Override
    public void write(char[] buffer, int offset, int length) {
      count += length;
    }

    @Override
    public void write(String text, int offset, int length) {
      count += length;
    }

    @Override
    public void write(int c) {
      count++;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Benchmark
  public UploadReport hl7Upload(Day day) {
    return day.hl7Desk.upload(Hl7FileReader.create().read(new ByteArrayInputStream(day.file)).uploadRecords());
  }

  @Benchmark
  public List<UploadRecord> baselineCsvRead(Day day) {
    return UploadCsv.read(new StringReader(day.csv));
  }

  @Benchmark
  public LaUploadFile hl7Read(Day day) {
    return Hl7FileReader.create().read(new ByteArrayInputStream(day.file));
  }

  /** Both parsers with the codec's standard settings; Aalto refuses the JDK-only ones. */
  private static final XMLInputFactory JDK_STAX = Hl7V3.applyStandardReadSettings(XMLInputFactory.newDefaultFactory());
  private static final XMLInputFactory AALTO_STAX =
      Hl7V3.applyStandardReadSettings(new com.fasterxml.aalto.stax.InputFactoryImpl());

  @Benchmark
  public long staxWalkJdk(Day day) throws XMLStreamException {
    return walk(JDK_STAX, day.file);
  }

  @Benchmark
  public long staxWalkAalto(Day day) throws XMLStreamException {
    return walk(AALTO_STAX, day.file);
  }

  /** Pulls every event of {@code file}; returns the length of every {@code value} attribute. */
  static long walk(XMLInputFactory factory, byte[] file) throws XMLStreamException {
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(file));
    long values = 0;
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT) {
        String value = reader.getAttributeValue(null, "value");
        if (value != null) {
          values += value.length();
        }
      }
    }
    reader.close();
    return values;
  }
}
