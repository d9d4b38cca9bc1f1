package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cpis.Cpis;
import org.cpis.RecordOutcome;
import org.cpis.UploadReport;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every shipped upload file is accounted for (design rule 5: every record gets an
 * outcome, none is dropped).
 */
@DisplayName("The shipped upload files")
class UploadFilesTest {

  static List<String> files() {
    return ShippedUploads.names();
  }

  @Test
  @DisplayName("are exactly the files the demo uploads")
  void demoUsesEveryFile() {
    assertThat(files()).containsExactlyInAnyOrder(Demo.ISLINGTON_FILE, Demo.CAMDEN_FILE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("each get exactly one outcome per data row, numbered from 1 in file order")
  void oneOutcomePerRow(String file) throws Exception {
    List<String> rows = ShippedUploads.dataRows(file);
    assertThat(rows).as("data rows of %s", file).isNotEmpty().noneMatch(String::isBlank);

    UploadReport report;
    try (Reader csv = Demo.uploadFile(file)) {
      report = freshEngine().localAuthority(OdsCode.of("999")).upload(csv);
    }

    assertThat(report.outcomes().stream().map(RecordOutcome::lineNumber).collect(Collectors.toList()))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, rows.size()).boxed().collect(Collectors.toList()));
    assertThat(report.accepted() + report.unchanged() + report.rejected()).isEqualTo(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String reference = rows.get(i).substring(0, rows.get(i).indexOf(','));
      assertThat(report.outcomes().get(i).localReference()).as("line %d", i + 1).hasValue(reference);
    }
  }

  private static Cpis freshEngine() {
    Cpis cpis = Cpis.builder().store(new InMemoryCpisStore()).notifier(n -> {}).build();
    cpis.registerLocalAuthority(
        LocalAuthority.builder()
            .odsCode(OdsCode.of("999"))
            .name("Test authority")
            .officeHoursPhone("020 7946 0900")
            .emergencyDutyPhone("020 7946 0999")
            .build());
    return cpis;
  }
}
