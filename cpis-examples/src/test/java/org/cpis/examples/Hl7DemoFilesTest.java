package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cpis.hl7v3.NationalSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo's HL7 V3 File and the acknowledgement it gets back validate against the national
 * schemas, found where the build's {@code cpis.hl7v3.schemas} property points ({@code
 * ../shared/hl7v3} from the project's root); skipped, saying so, when they are absent.
 */
@DisplayName("The demo's HL7 V3 messages")
class Hl7DemoFilesTest {

  private static NationalSchemas schemas() {
    Path folder = Path.of(System.getProperty("cpis.hl7v3.schemas", "../../shared/hl7v3"));
    assumeTrue(
        NationalSchemas.presentAt(folder),
        "The national CP-IS schemas are not at " + folder + ": validation skipped; point -Dcpis.hl7v3.schemas at a copy.");
    return NationalSchemas.at(folder);
  }

  @Test
  @DisplayName("validate against the national schemas: Hackney's File and the FileResponse it gets")
  void validate() throws IOException {
    NationalSchemas schemas = schemas();
    String file;
    try (InputStream in = Demo.class.getResourceAsStream("/uploads/" + Demo.HACKNEY_FILE)) {
      file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(schemas.violation(NationalSchemas.Message.FILE, file)).isEmpty();
    String response = DemoOutput.demo().hackneyFileResponse();
    assertThat(response).contains("<FileResponse");
    assertThat(schemas.violation(NationalSchemas.Message.FILE_RESPONSE, response)).isEmpty();
  }
}
