package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's memory bound, as a regression guard rather than a measurement: a File of 300,000
 * records streams through the reader and the engine's validation in a JVM whose heap is capped
 * at 64 MiB ({@code -Xmx64m}); a reader that held the file would die of {@link OutOfMemoryError}
 * there. (The file is about 400 MB of XML, made and read through a pipe.)
 */
class StreamingHeapTest {

  static final int RECORDS = 300_000;

  @Test
  void aNationalFileOf300000RecordsStreamsIn64MibOfHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    StreamHugeFile.class.getName(), Integer.toString(RECORDS)))
            .redirectErrorStream(true)
            .start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      process.destroyForcibly();
    }
    System.out.println("StreamHugeFile: " + output.strip());

    assertThat(ended).as("the streaming run ended").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("records=300000 plans=300000 valid=300000").contains("maxHeapMiB=");
  }
}
