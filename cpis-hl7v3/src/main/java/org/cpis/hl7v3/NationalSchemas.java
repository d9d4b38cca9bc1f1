package org.cpis.hl7v3;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Validates messages against a copy of the national CP-IS schemas that the host points at (the
 * folder that holds {@code CPIS/Schemas}); cpis does not ship them. Built on {@code
 * javax.xml.validation}. The schemas are compiled without the JDK's secure-processing limits
 * (REPC_MT000005GB01 has {@code maxOccurs="99999"}, above the limit), so point it only at schemas
 * you trust; the documents validated are parsed with secure processing on and no access to
 * external DTDs or schemas. Thread-safe.
 */
public final class NationalSchemas {

  /** Each message and its entry point under {@code CPIS/Schemas}. */
  public enum Message {
    FILE("REPC_MT000002GB01"),
    FILE_RESPONSE("REPC_MT000003GB01"),
    ACCESS_TO_SERVICE_NOTIFICATION("REPC_MT000004GB01"),
    INACTIVE_NHS_NUMBER_NOTIFICATION("REPC_MT000005GB01");

    private final String schema;

    Message(String schema) {
      this.schema = schema;
    }

    /** The schema's name, e.g. {@code REPC_MT000002GB01}. */
    public String schema() {
      return schema;
    }
  }

  private final Path folder;
  private final Map<Message, Schema> compiled = new EnumMap<>(Message.class);

  private NationalSchemas(Path folder) {
    this.folder = folder;
  }

  /** Whether {@code folder} holds the schemas. */
  public static boolean presentAt(Path folder) {
    return Files.isRegularFile(folder.resolve("CPIS/Schemas/" + Message.FILE.schema + ".xsd"));
  }

  /**
   * The schemas in {@code folder}.
   *
   * @throws IllegalArgumentException if they are not there
   */
  public static NationalSchemas at(Path folder) {
    if (!presentAt(folder)) {
      throw new IllegalArgumentException("no CP-IS schemas at " + folder + " (expected CPIS/Schemas/*.xsd)");
    }
    return new NationalSchemas(folder);
  }

  /** The first violation of {@code xml} against the schema of {@code message}, or empty if it is valid. */
  public Optional<String> violation(Message message, String xml) {
    try {
      Validator validator = schema(message).newValidator();
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(new StreamSource(new StringReader(xml)));
      return Optional.empty();
    } catch (SAXException e) {
      return Optional.of(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized Schema schema(Message message) {
    return compiled.computeIfAbsent(
        message,
        m -> {
          try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(folder.resolve("CPIS/Schemas/" + m.schema + ".xsd").toFile());
          } catch (SAXException e) {
            throw new IllegalStateException("the schema " + m.schema + " does not compile", e);
          }
        });
  }
}
