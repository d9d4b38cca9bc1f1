package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cpis.UploadCsv;
import org.cpis.hl7v3.Hl7FileReader;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo never prints an NHS number unmasked (design rule 1), not even the test numbers typed at
 * the front desk: the narration names the number by its masked form ({@code *** *** 0182}), which
 * is enough to follow the story, so the demo shows no full number at all. This covers every number
 * in the shipped upload files, valid or not, and the baby's number typed when the birth is
 * recorded, in every way it can be written.
 */
@DisplayName("The demo's output")
class MaskedNhsNumbersTest {

  @Test
  @DisplayName("never contains an NHS number from the upload files or the birth, in any written form")
  void noUnmaskedNumber() throws Exception {
    String output = DemoOutput.text();
    List<String> numbers = numbersInTheScenario();
    assertThat(numbers).hasSizeGreaterThanOrEqualTo(10);
    for (String number : numbers) {
      for (String form : writtenForms(number)) {
        assertThat(output.contains(form))
            .as("the demo printed the number ending %s unmasked", form.substring(form.length() - 4))
            .isFalse();
      }
    }
  }

  @Test
  @DisplayName("shows the checked numbers masked, so a reader can follow whose record it is")
  void showsMaskedNumbers() {
    assertThat(DemoOutput.text())
        .contains("checks NHS number *** *** 0182")
        .contains("checks NHS number *** *** 6137")
        .contains("NHS number *** *** 1908");
  }

  private static List<String> numbersInTheScenario() throws Exception {
    List<String> numbers = new ArrayList<>();
    for (String file : ShippedUploads.names()) {
      try (Reader csv = Demo.uploadFile(file)) {
        UploadCsv.read(csv).stream()
            .map(UploadRecord::nhsNumber)
            .flatMap(Optional::stream)
            .filter(n -> !n.isBlank())
            .forEach(numbers::add);
      }
    }
    try (InputStream file = Demo.class.getResourceAsStream("/uploads/" + Demo.HACKNEY_FILE)) {
      Hl7FileReader.create().read(file).uploadRecords().stream()
          .map(UploadRecord::nhsNumber)
          .flatMap(Optional::stream)
          .forEach(numbers::add);
    }
    numbers.add(Demo.BABY_NHS_NUMBER);
    return numbers;
  }

  /** As written, as ten digits, and in 3-3-4 groups with spaces or hyphens. */
  private static List<String> writtenForms(String number) {
    String d = number.replaceAll("[^0-9]", "");
    assertThat(d).as("a ten-digit number in the scenario").hasSize(10);
    String groups = d.substring(0, 3) + "%s" + d.substring(3, 6) + "%s" + d.substring(6);
    return List.of(number.trim(), d, String.format(groups, " ", " "), String.format(groups, "-", "-"));
  }
}
