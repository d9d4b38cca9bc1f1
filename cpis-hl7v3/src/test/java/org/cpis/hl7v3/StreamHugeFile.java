package org.cpis.hl7v3;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cpis.model.NhsNumber;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadValidation;

/**
 * Run in its own JVM by {@link StreamingHeapTest} with a small heap: writes a File of {@code n}
 * records into a pipe on one thread, made one record at a time, and streams it through {@link
 * Hl7FileReader#stream} and the engine's {@link UploadValidation#validate} on another, so neither
 * side ever holds the file. Prints the counts and the peak heap used.
 */
public final class StreamHugeFile {

  private StreamHugeFile() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream pipe = new PipedOutputStream(in);
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try (Writer out = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16)) {
                Hl7FileWriter.write(Fixtures.header("300000", n), () -> records(n), out);
              } catch (IOException e) {
                writerFailure.set(new UncheckedIOException(e));
              } catch (RuntimeException e) {
                writerFailure.set(e);
              }
            },
            "file-writer");
    writer.start();
    AtomicInteger records = new AtomicInteger();
    AtomicInteger plans = new AtomicInteger();
    AtomicInteger valid = new AtomicInteger();
    Hl7FileReader.create()
        .stream(
            in,
            header -> {},
            record -> {
              records.incrementAndGet();
              for (UploadRecord plan : record.plans()) {
                plans.incrementAndGet();
                if (UploadValidation.validate(plan, Fixtures.ISLINGTON_ODS).isAllowed()) {
                  valid.incrementAndGet();
                }
              }
            });
    writer.join();
    if (writerFailure.get() != null) {
      throw new IllegalStateException("the writer failed", writerFailure.get());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(
        "records=" + records + " plans=" + plans + " valid=" + valid + " maxHeapMiB="
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " peakHeapPoolsMiB=" + peak / (1024 * 1024));
  }

  /** {@code n} valid records, made as they are asked for. */
  static Iterator<UploadRecord> records(int n) {
    return new Iterator<>() {
      private int i;
      private int prefix = 943_000_000;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public UploadRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        OptionalInt check = NhsNumber.checkDigit(Integer.toString(prefix));
        while (check.isEmpty()) {
          check = NhsNumber.checkDigit(Integer.toString(++prefix));
        }
        String nhs = prefix++ + Integer.toString(check.getAsInt());
        i++;
        boolean unborn = i % 25 == 0;
        org.cpis.rules.ImmutableUploadRecord.Builder r =
            UploadRecord.builder()
                .lineNumber(i)
                .localReference("C-" + i + (unborn ? "/UCPI" : "/CPPI"))
                .nhsNumber(nhs)
                .givenName("Given" + i)
                .familyName("Family" + i)
                .dateOfBirth((unborn ? LocalDate.of(1995, 3, 1) : LocalDate.of(2012, 1, 1)).plusDays(i % 4000).toString())
                .planType(unborn ? "UCPI" : "CPPI")
                .startDate(LocalDate.of(2024, 1, 15).plusDays(i % 300).toString());
        if (unborn) {
          r.expectedDeliveryDate(LocalDate.of(2025, 7, 1).plusDays(i % 120).toString());
        }
        return r.build();
      }
    };
  }
}
