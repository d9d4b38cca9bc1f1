package org.cpis;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cpis.model.NhsNumber;
import org.cpis.rules.UploadRecord;
import org.cpis.rules.UploadRows;
import org.cpis.testkit.CpisArbitraries;

/** Generators for the engine's properties, built on the test kit's {@link CpisArbitraries}. */
final class EngineArbitraries {

  /** A small pool of children, so that plans, uploads and checks meet. */
  static final List<NhsNumber> CHILDREN = List.of(Fixtures.nhs(1), Fixtures.nhs(2), Fixtures.nhs(3));

  private EngineArbitraries() {}

  /**
   * Upload files whose good rows are about the {@link #CHILDREN}, with references from a small
   * set, so that files of one local authority update and delete each other's plans.
   */
  static Arbitrary<List<UploadRecord>> filesAboutTheChildren(int maxSize) {
    return CpisArbitraries.uploadFiles(maxSize, 0.1)
        .flatMap(
            rows ->
                Combinators.combine(
                        Arbitraries.integers().between(0, CHILDREN.size() - 1).list().ofSize(rows.size()),
                        Arbitraries.integers().between(0, 5).list().ofSize(rows.size()))
                    .as(
                        (children, refs) -> {
                          java.util.Set<String> used = new java.util.HashSet<>();
                          List<UploadRecord> file = new java.util.ArrayList<>();
                          for (int i = 0; i < rows.size(); i++) {
                            UploadRecord r = UploadRows.toRecord(rows.get(i));
                            if (!rows.get(i).isGood()) {
                              file.add(r);
                              continue;
                            }
                            String reference = "REF-" + refs.get(i);
                            file.add(
                                UploadRecord.builder()
                                    .from(r)
                                    .nhsNumber(CHILDREN.get(children.get(i)).value())
                                    .localReference(used.add(reference) ? Optional.of(reference) : r.localReference())
                                    .build());
                          }
                          return file;
                        }));
  }
}
