package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;
import static org.cpis.Fixtures.ucpp;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.rules.ServiceLevels;
import org.cpis.model.LocalAuthority;
import org.cpis.model.PlanId;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The data-quality report")
class DataQualityTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final TestEngine t = new TestEngine();

  private static UploadRecord withoutNhsNumber(int line, String reference) {
    return UploadRecord.builder().from(cpp(line, reference, nhs(9), MAY_1, null)).nhsNumber(Optional.empty()).build();
  }

  private static LocalAuthorityQuality lineOf(DataQualityReport report, LocalAuthority la) {
    return report.localAuthorities().stream().filter(q -> q.odsCode().equals(la.odsCode())).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Records without an NHS number are counted per local authority from its latest upload")
  void recordsWithoutNhsNumber() {
    t.islington().upload(List.of(withoutNhsNumber(1, "A"), withoutNhsNumber(2, "B"), cpp(3, "C", nhs(1), MAY_1, null)));
    t.clock.advance(Duration.ofHours(1));
    t.islington().upload(List.of(withoutNhsNumber(1, "A"), cpp(2, "C", nhs(1), MAY_1, null)));
    t.camden().upload(List.of(cpp(1, "X", nhs(2), MAY_1, null)));

    DataQualityReport report = t.cpis.dataQuality();

    assertThat(lineOf(report, ISLINGTON).recordsWithoutNhsNumber()).isEqualTo(1);
    assertThat(lineOf(report, CAMDEN).recordsWithoutNhsNumber()).isZero();
    assertThat(report.recordsWithoutNhsNumber()).isEqualTo(1);
  }

  @Test
  @DisplayName("An unborn plan still open more than 14 days after the expected delivery date is reported as birth not recorded")
  void birthNotRecorded() {
    LocalDate edd = LocalDate.of(2024, 6, 10);
    t.islington().upload(List.of(ucpp(1, "U-1", nhs(1), MAY_1, edd), ucpp(2, "U-2", nhs(2), MAY_1, edd.plusDays(1))));

    t.clock.set(edd.plusDays(14).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(t.cpis.dataQuality().birthsNotRecorded()).isEmpty();
    t.clock.set(edd.plusDays(15).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(t.cpis.dataQuality().birthsNotRecorded()).containsExactly(PlanId.of(ISLINGTON.odsCode(), "U-1"));
  }

  @Test
  @DisplayName("A local authority whose last upload is more than 24 hours old, or that never uploaded, is stale")
  void staleFeeds() {
    t.islington().upload(List.of());

    t.clock.advance(Duration.ofHours(24));
    DataQualityReport atTheLimit = t.cpis.dataQuality();
    t.clock.advance(Duration.ofSeconds(1));
    DataQualityReport past = t.cpis.dataQuality();

    assertThat(atTheLimit.staleFeeds()).containsExactly(CAMDEN.odsCode());
    assertThat(past.staleFeeds()).containsExactly(CAMDEN.odsCode(), ISLINGTON.odsCode());
    assertThat(lineOf(past, CAMDEN).latestUpload()).isEmpty();
    assertThat(lineOf(past, ISLINGTON).latestUpload()).contains(Fixtures.START);
  }

  @Test
  @DisplayName("The configured feed age and birth grace period decide what is stale and which births are not recorded")
  void configuredServiceLevels() {
    TestEngine e =
        new TestEngine(b -> b.serviceLevels(
            ServiceLevels.builder().feedMaxAge(Duration.ofHours(6)).birthNotRecordedAfterDays(3).build()));
    LocalDate edd = LocalDate.of(2024, 6, 10);
    e.islington().upload(List.of(ucpp(1, "U-1", nhs(1), MAY_1, edd)));
    e.camden().upload(List.of());

    e.clock.advance(Duration.ofHours(6));
    assertThat(e.cpis.dataQuality().staleFeeds()).isEmpty();
    e.clock.advance(Duration.ofSeconds(1));
    assertThat(e.cpis.dataQuality().staleFeeds()).containsExactly(CAMDEN.odsCode(), ISLINGTON.odsCode());

    e.clock.set(edd.plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.dataQuality().birthsNotRecorded()).isEmpty();
    e.clock.set(edd.plusDays(4).atTime(12, 0).toInstant(ZoneOffset.UTC));
    assertThat(e.cpis.dataQuality().birthsNotRecorded()).containsExactly(PlanId.of(ISLINGTON.odsCode(), "U-1"));
  }
}
