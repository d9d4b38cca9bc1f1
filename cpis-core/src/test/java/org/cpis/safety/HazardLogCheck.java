package org.cpis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cpis.safety.HazardLog.TestRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build check of issue 9: every test the hazard log names exists and ran and passed in this
 * build. Surefire runs it in its own execution ({@code hazard-log}, phase {@code integration-test})
 * after the module's tests, which {@link TestsRanRecorder} wrote to {@code target/safety}.
 */
@DisplayName("The hazard log")
class HazardLogCheck {

  private static final Path RAN = Path.of("target/safety/tests-ran.txt");

  @Test
  @DisplayName("Every test the hazard log names exists, ran in this build and passed")
  void everyNamedTestRanAndPassed() throws IOException {
    Map<String, Set<TestRef>> hazards = HazardLog.hazards(Files.readString(HazardLog.FILE));
    Set<TestRef> named = hazards.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());

    assertThat(HazardLog.missing(named)).isEmpty();
    assertThat(RAN).as("the module's test run was recorded").exists();
    assertThat(HazardLog.notPassed(named, Files.readAllLines(RAN))).isEmpty();
  }
}
