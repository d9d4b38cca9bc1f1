package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.cpis.Fixtures.TestEngine;
import org.cpis.RecordOutcome.Status;
import org.cpis.model.ProtectionPlan;
import org.cpis.rules.UploadRecord;

/**
 * Fuzzing the upload file (issue 9): arbitrary bytes, and valid files with characters inserted,
 * deleted or replaced. Whatever the text, the reader gives records or the documented
 * {@link UploadFormatException}; the upload gives every record one outcome, in order; and the
 * store holds exactly the plans whose records were accepted.
 */
class UploadFuzzProperties {

  /** Characters a mutation writes: the CSV syntax, line ends, a BOM, NUL, digits, a wide year. */
  private static final String SPICE = ",\"\r\n\uFEFF\u0000 -+9x\u2028";

  @Property(tries = 1000)
  void arbitraryBytesGiveRecordsOrTheFormatException(@ForAll @Size(max = 2_000) byte[] bytes) {
    String header = String.join(",", UploadCsv.COLUMNS) + "\n";
    uploadAndCheck(new String(bytes, StandardCharsets.UTF_8));
    uploadAndCheck(header + new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Provide
  Arbitrary<String> mutatedFiles() {
    Arbitrary<String> valid = EngineArbitraries.filesAboutTheChildren(12).map(UploadCsv::write);
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Mutation.Kind.values()),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(SPICE.chars().mapToObj(c -> (char) c).collect(Collectors.toList())),
                Arbitraries.integers().between(1, 12))
            .as(Mutation::new);
    return Combinators.combine(valid, mutation.list().ofMaxSize(8))
        .as((file, mutations) -> {
          String text = file;
          for (Mutation m : mutations) {
            text = m.apply(text);
          }
          return text;
        });
  }

  @Property(tries = 1000)
  void mutatedValidFilesGiveRecordsOrTheFormatException(@ForAll("mutatedFiles") String file) {
    uploadAndCheck(file);
  }

  private static void uploadAndCheck(String text) {
    List<UploadRecord> records;
    try {
      records = UploadCsv.read(new StringReader(text));
    } catch (UploadFormatException e) {
      assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(Messages.MAX_MESSAGE_LENGTH);
      return;
    }
    assertThat(records).extracting(UploadRecord::lineNumber).isSorted().doesNotHaveDuplicates();

    TestEngine t = new TestEngine();
    UploadReport report = t.islington().upload(new StringReader(text));

    assertThat(report.outcomes()).extracting(RecordOutcome::lineNumber)
        .containsExactlyElementsOf(records.stream().map(UploadRecord::lineNumber).collect(Collectors.toList()));
    Set<String> accepted =
        report.outcomes().stream()
            .filter(o -> o.status() == Status.ACCEPTED)
            .map(o -> o.localReference().orElseThrow())
            .collect(Collectors.toSet());
    assertThat(t.islington().plans()).extracting(p -> p.id().localReference())
        .as("the store holds only what was accepted").containsExactlyInAnyOrderElementsOf(accepted);
    for (ProtectionPlan plan : t.islington().plans()) {
      assertThat(t.cpis.health().check(Fixtures.check(plan.subject(), Fixtures.ED_NURSE,
          org.cpis.model.CareSetting.EMERGENCY_DEPARTMENT)).plans()).as("a stored plan can be checked").isNotNull();
    }
    assertThat(t.cpis.purge()).isNotNull();
    assertThat(Optional.of(report.fileOutcome())).isPresent();
  }

  /** One edit of a file at a relative position. */
  static final class Mutation {
    enum Kind { INSERT, DELETE, REPLACE, DUPLICATE_LINE }

    final Kind kind;
    final double at;
    final char c;
    final int length;

    Mutation(Kind kind, double at, char c, int length) {
      this.kind = kind;
      this.at = at;
      this.c = c;
      this.length = length;
    }

    String apply(String text) {
      int i = (int) (at * text.length());
      int j = Math.min(text.length(), i + length);
      switch (kind) {
        case INSERT:
          return text.substring(0, i) + c + text.substring(i);
        case DELETE:
          return text.substring(0, i) + text.substring(j);
        case REPLACE:
          return text.substring(0, i) + String.valueOf(c).repeat(j - i) + text.substring(j);
        default:
          int start = text.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
          int end = text.indexOf('\n', i);
          String line = text.substring(start, end < 0 ? text.length() : end + 1);
          return text.substring(0, start) + line + line + text.substring(start);
      }
    }

    @Override
    public String toString() {
      return kind + "@" + at + "(" + (int) c + "x" + length + ")";
    }
  }
}
