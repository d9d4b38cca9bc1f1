package org.cpis.hl7v3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The national CP-IS schemas for the tests, test data that is never part of this project: found
 * where the system property {@value #PROPERTY} points (the build sets it to {@code
 * ../shared/hl7v3} from the project's root), else at {@code ../shared/hl7v3} from the project's
 * root. When they are absent a test that needs them is skipped with a message that says so.
 */
final class Schemas {

  static final String PROPERTY = "cpis.hl7v3.schemas";

  /** The messages, by the names the tests use. */
  static final class Message {
    static final NationalSchemas.Message FILE = NationalSchemas.Message.FILE;
    static final NationalSchemas.Message FILE_RESPONSE = NationalSchemas.Message.FILE_RESPONSE;
    static final NationalSchemas.Message ACCESS_TO_SERVICE_NOTIFICATION = NationalSchemas.Message.ACCESS_TO_SERVICE_NOTIFICATION;
    static final NationalSchemas.Message INACTIVE_NHS_NUMBER_NOTIFICATION = NationalSchemas.Message.INACTIVE_NHS_NUMBER_NOTIFICATION;

    private Message() {}
  }

  private static NationalSchemas schemas;

  private Schemas() {}

  /** The folder holding {@code CPIS/Schemas}, where it should be. */
  static Path folder() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("cpis-hl7v3")) ? here : here.getParent();
    return root.resolve("../shared/hl7v3").normalize();
  }

  /** Why schema validation is skipped, and how to point at a copy. */
  private static String absent() {
    return "The national CP-IS schemas are not at " + folder() + ": schema validation skipped."
        + " Point -D" + PROPERTY + "=<folder holding CPIS/Schemas> at a copy.";
  }

  /** Skips the calling test, saying why and how to point at a copy, if the schemas are absent. */
  static void assumeAvailable() {
    assumeTrue(NationalSchemas.presentAt(folder()), Schemas::absent);
  }

  /**
   * The same skip for jqwik properties ({@code @AddLifecycleHook(Schemas.SkipWhenAbsent.class)}):
   * jqwik reports a JUnit assumption failed in a property's hook as an error, not a skip.
   */
  public static final class SkipWhenAbsent implements net.jqwik.api.lifecycle.SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(net.jqwik.api.lifecycle.LifecycleContext context) {
      return NationalSchemas.presentAt(folder()) ? SkipResult.doNotSkip() : SkipResult.skip(absent());
    }
  }

  private static synchronized NationalSchemas schemas() {
    assumeAvailable();
    if (schemas == null) {
      schemas = NationalSchemas.at(folder());
    }
    return schemas;
  }

  /**
   * Validates {@code xml} against the schema of {@code message} and returns it.
   *
   * @throws AssertionError naming the first violation
   */
  static String valid(NationalSchemas.Message message, String xml) {
    schemas()
        .violation(message, xml)
        .ifPresent(v -> {
          throw new AssertionError(message + " does not validate against " + message.schema() + ": " + v + "\n" + xml);
        });
    return xml;
  }

  /** The first violation of {@code xml}, or null if it validates. */
  static String violation(NationalSchemas.Message message, String xml) {
    return schemas().violation(message, xml).orElse(null);
  }
}
