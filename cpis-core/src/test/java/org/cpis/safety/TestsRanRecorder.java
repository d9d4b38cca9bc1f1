package org.cpis.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes each finished test method of this module's test run, {@code class#method STATUS} a line,
 * to the file named by the system property {@value #FILE_PROPERTY} (nothing if it is not set), so
 * that {@link HazardLogCheck} can tell that every test the hazard log names ran and passed.
 * Registered through {@code META-INF/services}; Surefire sets the property.
 */
public final class TestsRanRecorder implements TestExecutionListener {

  static final String FILE_PROPERTY = "cpis.testsRanFile";

  private Path file;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    String name = System.getProperty(FILE_PROPERTY, "");
    file = name.isBlank() ? null : Path.of(name);
    if (file != null) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (file == null || test.getSource().isEmpty() || !(test.getSource().get() instanceof MethodSource)) {
      return;
    }
    MethodSource method = (MethodSource) test.getSource().get();
    String line = method.getClassName() + "#" + method.getMethodName() + " " + result.getStatus() + "\n";
    try {
      synchronized (this) {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
