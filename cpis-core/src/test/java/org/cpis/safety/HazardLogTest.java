package org.cpis.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cpis.safety.HazardLog.TestRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hazard log's shape, and the check that it names only tests that exist and ran. */
@DisplayName("Reading the hazard log")
class HazardLogTest {

  @Test
  @DisplayName("Every hazard of the log names at least one test, and every named test exists")
  void everyHazardIsControlledByTestsThatExist() throws IOException {
    Map<String, Set<TestRef>> hazards = HazardLog.hazards(Files.readString(HazardLog.FILE));

    assertThat(hazards).hasSizeGreaterThanOrEqualTo(14);
    assertThat(hazards).allSatisfy((id, tests) -> assertThat(tests).as(id).isNotEmpty());
    assertThat(HazardLog.missing(hazards.values().stream().flatMap(Collection::stream).collect(Collectors.toSet()))).isEmpty();
  }

  @Test
  @DisplayName("The check reports a named class or method that does not exist, and a test that did not run or failed")
  void theCheckCanFail() {
    String log = "| H01 | a hazard | `org.cpis.safety.HazardLogTest#theCheckCanFail`, `org.cpis.safety.HazardLogTest#gone`,"
        + " `org.cpis.NoSuchTest#x` |\n| H02 | another | `org.cpis.HostileInputTest#crOnlyFile` |\n";
    Map<String, Set<TestRef>> hazards = HazardLog.hazards(log);
    Set<TestRef> h01 = hazards.get("H01");

    assertThat(hazards).containsOnlyKeys("H01", "H02");
    assertThat(HazardLog.missing(h01))
        .containsExactly("org.cpis.safety.HazardLogTest#gone: no such test method", "org.cpis.NoSuchTest#x: no such test method");
    assertThat(HazardLog.notPassed(hazards.get("H02"), List.of("org.cpis.HostileInputTest#crlfFileNumbersRowsExactly SUCCESSFUL")))
        .containsExactly("org.cpis.HostileInputTest#crOnlyFile: did not run");
    assertThat(HazardLog.notPassed(hazards.get("H02"), List.of("org.cpis.HostileInputTest#crOnlyFile FAILED")))
        .containsExactly("org.cpis.HostileInputTest#crOnlyFile: did not pass");
    assertThat(HazardLog.notPassed(hazards.get("H02"), List.of("org.cpis.HostileInputTest#crOnlyFile SUCCESSFUL"))).isEmpty();
  }
}
