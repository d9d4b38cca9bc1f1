package org.cpis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AuditAction;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what PDS says of a number no longer in use ({@link NhsNumberLink}), and tells each local
 * authority that holds plans under it, once, in its inbox ({@link NumberChangeNotice}).
 */
final class NumberChanges {

  private static final Logger LOG = LoggerFactory.getLogger(NumberChanges.class);

  private final Engine engine;

  NumberChanges(Engine engine) {
    this.engine = engine;
  }

  /**
   * Records the change in one transaction with its audit entry. Recording what is already recorded
   * changes nothing and notifies nobody; a different report replaces the link and notifies again.
   *
   * @return the notices written, one per local authority holding plans under {@code number}
   */
  List<NumberChangeNotice> record(NhsNumber number, Optional<NhsNumber> replacement, String reportedBy) {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(reportedBy, "reportedBy");
    List<NumberChangeNotice> notices =
        engine.inTransaction(
            tx -> {
              Optional<NhsNumberLink> existing = tx.numberLinks().findByNumber(number);
              if (existing.map(l -> l.replacement().equals(replacement)).orElse(false)) {
                return List.<NumberChangeNotice>of();
              }
              Instant now = engine.now();
              NhsNumberLink link =
                  NhsNumberLink.builder()
                      .id(engine.newId())
                      .number(number)
                      .replacement(replacement)
                      .reportedBy(reportedBy)
                      .recordedAt(now)
                      .build();
              if (existing.isPresent()) {
                tx.numberLinks().update(link);
              } else {
                tx.numberLinks().insert(link);
              }
              Map<OdsCode, List<PlanId>> held = new LinkedHashMap<>();
              for (ProtectionPlan p : tx.plans().findBySubject(number)) {
                held.computeIfAbsent(p.localAuthority(), k -> new ArrayList<>()).add(p.id());
              }
              List<NumberChangeNotice> written = new ArrayList<>();
              held.forEach(
                  (la, plans) -> {
                    NumberChangeNotice n =
                        NumberChangeNotice.builder()
                            .id(RecordId.of(link.id().value() + "/" + la.value()))
                            .linkId(link.id())
                            .localAuthority(la)
                            .number(number)
                            .replacement(replacement)
                            .plans(plans)
                            .recordedAt(now)
                            .build();
                    tx.numberLinks().insertNotice(n);
                    written.add(n);
                  });
              engine.audit(
                  tx, now, AuditAction.NUMBER_CHANGED, reportedBy, Optional.empty(), Optional.empty(),
                  Optional.of(number),
                  (replacement.isPresent() ? "superseded by " + replacement.get() : "inactive, no replacement")
                      + ": " + written.size() + " local authorities told, link " + link.id());
              return written;
            });
    logChange(number, replacement, notices.size());
    return notices;
  }

  /** Log only: PIT leaves {@code log*} methods alone (docs/safety/safety-case.md). */
  private static void logChange(NhsNumber number, Optional<NhsNumber> replacement, int told) {
    LOG.info("NHS number {} recorded {}: {} local authorities told", number,
        replacement.map(r -> "superseded by " + r).orElse("inactive"), told);
  }

  /**
   * Asks {@code source} about every number plans are held under (outside any transaction) and
   * records each change it reports.
   *
   * @return how many numbers changed
   */
  int refresh(NhsNumberStatusSource source, String reportedBy) {
    Objects.requireNonNull(source, "source");
    Set<NhsNumber> numbers =
        engine.inTransaction(
            tx -> {
              Set<NhsNumber> all = new LinkedHashSet<>();
              for (LocalAuthority la : tx.localAuthorities().findAll()) {
                tx.plans().findByLocalAuthority(la.odsCode()).forEach(p -> all.add(p.subject()));
              }
              return all;
            });
    int changed = 0;
    for (NhsNumber n : numbers) {
      NhsNumberStatus status;
      try {
        status = source.statusOf(n);
      } catch (Exception e) {
        LOG.warn("PDS could not say whether {} is in use ({}); asked again next time", n, e.getClass().getName());
        continue;
      }
      if (status.state() != NhsNumberStatus.State.IN_USE) {
        changed += record(n, status.replacement(), reportedBy).isEmpty() ? 0 : 1;
      }
    }
    return changed;
  }
}
