package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox command in its own JVM, as an EPR developer starts it: with {@code
 * CPIS_SANDBOX_PORT=0} it prints where it listens, serves, and stops on SIGTERM; and at debug level
 * not one line of its output shows an NHS number unmasked, whatever the requests carried.
 */
@DisplayName("The sandbox command")
class SandboxProcessTest {

  @Test
  @DisplayName("serves on the port it prints, and its log never shows an NHS number unmasked")
  void runs(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                Sandbox.class.getName())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    command.environment().put(Sandbox.PORT, "0");
    Process sandbox = command.start();
    try {
      String base = awaitBase(out, sandbox);
      SandboxClient epr = new SandboxClient(base);

      assertThat(epr.careTeams("ed-nurse", ScenarioNumbers.CPP_CHILD, null).getTotal()).isEqualTo(1);
      assertThat(epr.auditEvents("ed-doctor", ScenarioNumbers.CPP_CHILD).getTotal()).isEqualTo(1);
      assertThat(epr.careTeams("midwife", ScenarioNumbers.MOTHER, false).getTotal()).isEqualTo(1);
      assertThat(epr.notifications(ScenarioNumbers.ISLINGTON)).hasSize(1);
      for (String target :
          new String[] {
            "/CareTeam?patient:identifier=" + ScenarioNumbers.LAC_CHILD,
            "/CareTeam/" + ScenarioNumbers.MASH_CHILD,
            "/AuditEvent?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + ScenarioNumbers.INVALID,
            "/_sandbox/local-authorities/" + ScenarioNumbers.CAMDEN_LAC_CHILD + "/notifications"
          }) {
        HttpResponse<String> r = epr.send("GET", target, null);
        assertThat(r.statusCode()).isBetween(400, 404);
      }
    } finally {
      sandbox.destroy();
      assertThat(sandbox.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    String log = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    assertThat(log).contains("GET /CareTeam 200").contains("nhs=*** *** 0182").contains("stopped");
    BadInputTest.assertNoScenarioNumber(log);
  }

  private static String awaitBase(Path out, Process process) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (line.startsWith(Sandbox.LISTENING)) {
          return line.substring(Sandbox.LISTENING.length()).strip();
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("the sandbox exited with " + process.exitValue());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the sandbox did not say where it listens within a minute");
  }
}
