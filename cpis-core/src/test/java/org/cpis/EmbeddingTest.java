package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.cpis.model.AccessNotification;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Embedding the engine")
class EmbeddingTest {

  @Test
  @DisplayName("The README's ten lines run: an upload, an emergency department check, and a notification to review")
  void theReadmeExample() {
    List<AccessNotification> socialCareInbox = new ArrayList<>();
    LocalAuthority islington = Fixtures.ISLINGTON;
    BufferedReader todaysFile =
        new BufferedReader(
            new StringReader(
                String.join(",", UploadCsv.COLUMNS) + "\nCP-1,9434765919,Alex,Smith,2018-03-04,CPPI,2024-01-02,,,sw-jones,\n"));

    // as in README.md, "Use it"
    Cpis cpis = Cpis.builder()
        .store(new InMemoryCpisStore())
        .notifier(notification -> socialCareInbox.add(notification))
        .build();
    cpis.registerLocalAuthority(islington);
    UploadReport report = cpis.localAuthority(islington.odsCode()).upload(todaysFile);
    CheckResult result = cpis.health().check(CheckRequest.builder()
        .nhsNumber(NhsNumber.parse("943 476 5919"))
        .accessor(Fixtures.ED_NURSE).organisation(Fixtures.ROYAL_FREE).setting(CareSetting.EMERGENCY_DEPARTMENT)
        .build());
    List<AccessNotification> toReview = cpis.reviews(islington.odsCode()).pending();

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(result.plans()).singleElement()
        .satisfies(p -> assertThat(p.localAuthority().emergencyDutyPhone()).isEqualTo(islington.emergencyDutyPhone()));
    assertThat(socialCareInbox).hasSize(1);
    assertThat(toReview).extracting(AccessNotification::id).containsExactly(socialCareInbox.get(0).id());
  }
}
