package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.SILENT_READER;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.cpis.Fixtures.ucpp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.RecordId;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.Birth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit log")
class AuditTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final TestEngine t = new TestEngine();
  private final FaultyStore store = t.store;
  private final Cpis cpis = t.cpis;

  private void everything() {
    LocalAuthorityDesk desk = cpis.localAuthority(ISLINGTON.odsCode());
    desk.upload(List.of(cpp(1, "CP-1", nhs(1), MAY_1, null), ucpp(2, "U-2", nhs(2), MAY_1, MAY_1.plusMonths(1))));
    RecordId n = cpis.health().check(check(nhs(1), ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).notificationIds().get(0);
    cpis.health().check(check(nhs(1), SILENT_READER, CareSetting.EMERGENCY_DEPARTMENT));
    desk.recordBirth("U-2", Birth.builder().babyNhsNumber(nhs(3)).dateOfBirth(MAY_1.plusDays(20)).build());
    cpis.reviews(ISLINGTON.odsCode()).record(n, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true);
    desk.deletePlan("CP-1");
    cpis.purge();
  }

  @Test
  @DisplayName("Every upload, check, birth, deletion, review and purge appends an entry to one intact hash chain")
  void everyActionIsAudited() {
    everything();

    assertThat(cpis.auditLog()).extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.UPLOAD, AuditAction.CHECK, AuditAction.CHECK, AuditAction.BIRTH_RECORDED,
            AuditAction.REVIEW_RECORDED, AuditAction.PLAN_DELETED, AuditAction.PURGE);
    assertThat(cpis.auditLog()).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    AuditVerification v = cpis.verifyAuditLog();
    assertThat(v.intact()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(7);
  }

  @Test
  @DisplayName("An audit entry changed behind the engine's back breaks the chain at that entry")
  void tamperingIsDetected() {
    everything();
    store.intercept(
        new FaultyStore.Interceptor() {
          @Override
          public Object result(String s, String method, Object result) {
            if (!s.equals("audit") || !method.equals("read")) {
              return result;
            }
            List<AuditEntry> entries = new ArrayList<>();
            for (Object o : (List<?>) result) {
              AuditEntry e = (AuditEntry) o;
              entries.add(
                  e.sequence() == 3
                      ? AuditEntry.builder().from(e).record(AuditRecord.builder().from(e.record()).detail("nothing to see").build()).build()
                      : e);
            }
            return entries;
          }
        });

    AuditVerification v = cpis.verifyAuditLog();

    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSequence()).hasValue(3);
  }

  @Test
  @DisplayName("The whole log is verified, however long: past the first page of a thousand entries")
  void verifiesTheWholeLog() {
    for (int i = 0; i < 1_001; i++) {
      t.islington().deletePlan("none");
    }

    AuditVerification v = cpis.verifyAuditLog();

    assertThat(cpis.auditLog()).hasSize(1_001).extracting(AuditEntry::sequence).last().isEqualTo(1_001L);
    assertThat(v.intact()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(1_001);
  }
}
