package org.cpis.hl7v3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The national CP-IS schemas, test data that is never part of this project: found where the
 * system property {@value #PROPERTY} points (the build sets it to {@code ../shared/hl7v3} from the
 * project's root), else at {@code ../shared/hl7v3} from the project's root. When they are absent
 * a test that needs them is skipped with a message that says so.
 */
final class Schemas {

  static final String PROPERTY = "cpis.hl7v3.schemas";

  /** The schema of each message: its entry point under {@code CPIS/Schemas}. */
  enum Message {
    FILE("REPC_MT000002GB01"),
    FILE_RESPONSE("REPC_MT000003GB01"),
    ACCESS_TO_SERVICE_NOTIFICATION("REPC_MT000004GB01"),
    INACTIVE_NHS_NUMBER_NOTIFICATION("REPC_MT000005GB01");

    final String schema;

    Message(String schema) {
      this.schema = schema;
    }
  }

  private static final Map<Message, Schema> COMPILED = new ConcurrentHashMap<>();

  private Schemas() {}

  /** The folder holding {@code CPIS/Schemas}, if it is there. */
  static Path folder() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("cpis-hl7v3")) ? here : here.getParent();
    return root.resolve("../shared/hl7v3").normalize();
  }

  static boolean available() {
    return Files.isRegularFile(folder().resolve("CPIS/Schemas/REPC_MT000002GB01.xsd"));
  }

  /** Skips the calling test, saying why and how to point at a copy, if the schemas are absent. */
  static void assumeAvailable() {
    assumeTrue(
        available(),
        "The national CP-IS schemas are not at " + folder() + ": schema validation skipped."
            + " Point -D" + PROPERTY + "=<folder holding CPIS/Schemas> at a copy.");
  }

  /**
   * Validates {@code xml} against the schema of {@code message} and returns it.
   *
   * @throws AssertionError naming the first violation
   */
  static String valid(Message message, String xml) {
    assumeAvailable();
    try {
      Validator validator = schema(message).newValidator();
      validator.validate(new StreamSource(new StringReader(xml)));
      return xml;
    } catch (SAXException e) {
      throw new AssertionError(message + " does not validate against " + message.schema + ": " + e.getMessage() + "\n" + xml, e);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The first violation of {@code xml}, or null if it validates. */
  static String violation(Message message, String xml) {
    assumeAvailable();
    try {
      schema(message).newValidator().validate(new StreamSource(new StringReader(xml)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Schema schema(Message message) {
    return COMPILED.computeIfAbsent(
        message,
        m -> {
          try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // trusted test data; secure processing would refuse REPC_MT000005GB01's maxOccurs="99999"
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(folder().resolve("CPIS/Schemas/" + m.schema + ".xsd").toFile());
          } catch (SAXException e) {
            throw new IllegalStateException("the schema " + m.schema + " does not compile", e);
          }
        });
  }
}
