package org.cpis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.rules.AuditChain;
import org.cpis.testkit.CpisArbitraries;

/** The audit export: every entry survives its JSON line; a line cut short is refused, typed. */
class AuditJsonLinesProperties {

  @Provide
  Arbitrary<List<AuditRecord>> records() {
    return CpisArbitraries.auditRecords().list().uniqueElements(AuditRecord::id).ofMinSize(1).ofMaxSize(10);
  }

  private static List<AuditEntry> chain(List<AuditRecord> records) {
    List<AuditEntry> log = new ArrayList<>();
    Optional<AuditEntry> last = Optional.empty();
    for (AuditRecord r : records) {
      AuditEntry e = AuditChain.next(last, r);
      log.add(e);
      last = Optional.of(e);
    }
    return log;
  }

  @Property(tries = 300)
  @Label("Any chained entry written as a JSON line is one line and reads back equal, its hash intact")
  void roundTrip(@ForAll("records") List<AuditRecord> records) {
    for (AuditEntry e : chain(records)) {
      String line = AuditJsonLines.write(e);
      assertThat(line).doesNotContain("\n", "\r");
      AuditEntry back = AuditJsonLines.read(line);
      assertThat(back).isEqualTo(e);
      assertThat(AuditChain.hashOf(back)).isEqualTo(e.hash());
    }
  }

  @Property(tries = 300)
  @Label("A line cut anywhere short of its end is refused with a FormatException")
  void truncatedLineIsRefused(@ForAll("records") List<AuditRecord> records, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    String line = AuditJsonLines.write(chain(records).get(0));
    String shortened = line.substring(0, cut % line.length());
    assertThatThrownBy(() -> AuditJsonLines.read(shortened)).isInstanceOf(AuditJsonLines.FormatException.class);
  }
}
