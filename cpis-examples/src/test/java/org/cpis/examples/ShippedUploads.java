package org.cpis.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The upload files the examples ship, found on the test class path. */
final class ShippedUploads {

  private ShippedUploads() {}

  /** Every {@code uploads/*.csv}, by name. */
  static List<String> names() {
    URL dir = ShippedUploads.class.getResource("/uploads");
    if (dir == null) {
      throw new IllegalStateException("no uploads/ directory on the class path");
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file's lines after the header, as written (the shipped files quote nothing). */
  static List<String> dataRows(String name) {
    try {
      Path file = Path.of(ShippedUploads.class.getResource("/uploads/" + name).toURI());
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.subList(1, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
