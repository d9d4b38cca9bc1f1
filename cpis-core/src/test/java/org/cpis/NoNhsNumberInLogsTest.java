package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.SILENT_READER;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.cpis.Fixtures.ucpp;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.Birth;
import org.cpis.rules.UploadRecord;
import org.cpis.store.StoreTransaction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NHS numbers never reach the logs")
class NoNhsNumberInLogsTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final List<String> said = new ArrayList<>();

  private void attempt(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        said.add(String.valueOf(t));
      }
    }
  }

  @Test
  @DisplayName("No log line, exception message or report of a whole scenario holds an unmasked NHS number")
  void wholeScenario() {
    NhsNumber child = nhs(1);
    NhsNumber mother = nhs(2);
    NhsNumber baby = nhs(3);
    NhsNumber stranger = nhs(4);
    NhsNumber orphan = nhs(5);
    String invalid = "9434765918";
    TestEngine t =
        new TestEngine(
            b ->
                b.demographics(q -> !q.nhsNumber().equals(stranger))
                    .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMinutes(1)).build()));
    t.notifier.failingFirst(2);
    CapturingSlf4jProvider.clear();

    said.add(t.islington().upload(List.of(
        cpp(1, "CP-1", child, MAY_1, MAY_1.plusDays(10)),
        ucpp(2, "U-2", mother, MAY_1, MAY_1.plusDays(40)),
        cpp(3, "CP-3", stranger, MAY_1, null),
        UploadRecord.builder().from(cpp(4, "CP-4", child, MAY_1, null)).nhsNumber(invalid).build(),
        UploadRecord.builder().from(cpp(5, "CP-5", child, MAY_1, null)).nhsNumber(child.formatted()).planType("XXXX").build()))
        .toString());
    said.add(t.camden().upload(new StringReader(
        String.join(",", UploadCsv.COLUMNS) + "\nLA-1," + child.formatted() + ",A,B,2018-03-04,LACI,2024-05-01,,,,\nbroken\n"))
        .toString());
    t.store.runInTransaction(tx -> {
      tx.plans().insert(ProtectionPlan.builder().id(PlanId.of(OdsCode.of("888"), "X")).subject(orphan)
          .type(PlanType.CHILD_PROTECTION_PLAN).start(MAY_1).build());
    });
    said.add(t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).toString());
    said.add(t.cpis.health().check(check(child, SILENT_READER, CareSetting.EMERGENCY_DEPARTMENT)).toString());
    said.add(t.cpis.health().check(check(stranger, ED_NURSE, CareSetting.NHS_111)).toString());
    said.add(t.cpis.health().check(check(orphan, ED_NURSE, CareSetting.AMBULANCE)).toString());
    attempt(() -> t.islington().recordBirth("U-2", Birth.builder().babyNhsNumber(mother).dateOfBirth(MAY_1.plusDays(30)).build()));
    attempt(() -> t.islington().recordBirth("CP-1", Birth.builder().babyNhsNumber(baby).dateOfBirth(MAY_1.plusDays(30)).build()));
    said.add(t.islington().recordBirth("U-2", Birth.builder().babyNhsNumber(baby).dateOfBirth(MAY_1.plusDays(30)).build()).toString());
    said.add(t.cpis.health().check(check(baby, ED_NURSE, CareSetting.PAEDIATRIC_WARD)).toString());
    for (int i = 0; i < 4; i++) {
      t.clock.advance(Duration.ofMinutes(5));
      said.add(t.cpis.dispatchNotifications().toString());
    }
    ReviewInbox inbox = t.cpis.reviews(ISLINGTON.odsCode());
    RecordId first = inbox.pending().get(0).id();
    said.add(inbox.record(first, "sw-jones", ReviewOutcome.STRATEGY_DISCUSSION, true).toString());
    attempt(() -> inbox.record(first, "sw-jones", ReviewOutcome.STRATEGY_DISCUSSION, true));
    attempt(() -> t.cpis.reviews(CAMDEN.odsCode()).record(inbox.pending().get(0).id(), "sw-x", ReviewOutcome.NO_FURTHER_ACTION, false));
    attempt(() -> inbox.record(RecordId.of("nope"), "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true));
    attempt(() -> NhsNumber.parse(invalid));
    said.add(t.cpis.dataQuality().toString());
    t.islington().deletePlan("CP-3");
    t.clock.advance(Duration.ofDays(800));
    said.add(t.cpis.purge().toString());
    said.add(t.cpis.verifyAuditLog().toString());
    said.addAll(CapturingSlf4jProvider.lines());

    assertThat(CapturingSlf4jProvider.lines())
        .anyMatch(l -> l.startsWith("INFO") && l.contains("Upload"))
        .anyMatch(l -> l.startsWith("DEBUG") && l.contains("Check of " + child.masked()))
        .anyMatch(l -> l.startsWith("WARN") && l.contains("Delivery of notification"))
        .anyMatch(l -> l.startsWith("INFO") && l.contains("Purge"));
    assertThat(t.notifier.attempts()).hasSizeGreaterThan(t.notifier.delivered().size());
    List<String> secrets = new ArrayList<>(List.of(invalid, "943 476 5918"));
    for (NhsNumber n : List.of(child, mother, baby, stranger, orphan)) {
      secrets.add(n.value());
      secrets.add(n.formatted());
      secrets.add(n.formatted().replace(' ', '-'));
    }
    assertThat(said).hasSizeGreaterThan(20).allSatisfy(line -> assertThat(line).doesNotContain(secrets));
  }
}
