package org.cpis.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.hl7v3.Fixtures.ISLINGTON;
import static org.cpis.hl7v3.Fixtures.ISLINGTON_ODS;
import static org.cpis.hl7v3.Fixtures.NOW;
import static org.cpis.hl7v3.Fixtures.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.cpis.CheckRequest;
import org.cpis.Cpis;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.RecordId;
import org.junit.jupiter.api.Test;

class NotificationsTest {

  private static final Accessor NURSE =
      Accessor.builder().userId("555000000101").name("Priya Shah").role("Staff Nurse").rbacActivityCode("B0168").build();
  private static final Organisation WHITTINGTON = Organisation.of(OdsCode.of("RKE"), "Whittington Hospital");

  /** A real engine: Islington uploads a File, a nurse checks the child, the notification comes out. */
  private AccessNotification notificationOfAnAttendance() {
    List<AccessNotification> delivered = new ArrayList<>();
    Cpis cpis = Fixtures.engine(delivered::add);
    LaUploadFile file =
        Fixtures.read(Fixtures.file("41", List.of(record(1, "C-0001/CPPI", "9995260182", "CPPI", "2024-11-04").build())));
    cpis.localAuthority(ISLINGTON_ODS).upload(file.uploadRecords());
    cpis.health()
        .check(
            CheckRequest.builder()
                .nhsNumber(NhsNumber.parse("9995260182"))
                .accessor(NURSE)
                .organisation(WHITTINGTON)
                .setting(CareSetting.EMERGENCY_DEPARTMENT)
                .build());
    cpis.dispatchNotifications();
    assertThat(delivered).hasSize(1);
    return delivered.get(0);
  }

  @Test
  void anAttendanceIsToldToTheLocalAuthorityAsAValidAccessToServiceNotification() {
    AccessNotification n = notificationOfAnAttendance();

    String asn =
        Schemas.valid(
            Schemas.Message.ACCESS_TO_SERVICE_NOTIFICATION,
            AccessToServiceNotificationWriter.write(n, ISLINGTON, "41", NOW));

    assertThat(asn)
        .contains("extension=\"9995260182\"")
        .contains("<name>Priya Shah</name>")
        .contains("displayName=\"Staff Nurse\"")
        .contains("extension=\"555000000101\"")
        .contains("extension=\"RKE\"")
        .contains("<id root=\"" + Uuids.of(n.id()) + "\"/>");
    assertThat(Fixtures.compact(asn)).contains("<referredToLAUploadFile><value extension=\"41\"/>");
  }

  @Test
  void theNotificationHoldsNoElementBeyondWhoLookedWhereWhenAndAtWhichChild() throws Exception {
    String asn = AccessToServiceNotificationWriter.write(notificationOfAnAttendance(), ISLINGTON, "41", NOW);
    Set<String> elements = new TreeSet<>();
    XMLStreamReader xml = Xml.inputFactory().createXMLStreamReader(Fixtures.stream(asn));
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        elements.add(xml.getLocalName());
      }
    }
    assertThat(elements)
        .containsExactlyInAnyOrder(
            "CP-ISAccessToServiceNotification", "effectiveTime", "id", "pertinentInformation",
            "pertinentTotalReturnedRecords", "value", "pertinentInformation1", "pertinentCP-ISRecordAccess",
            "pertinentInformation2", "pertinentCP-ISNHSQuery", "author", "contentId",
            "COCT_TP145102GB01.AssignedAuthor", "code", "assignedAuthorPerson", "name",
            "representedOrganization", "queryByParameter", "person.id", "reference",
            "referredToLAUploadFile", "primaryInformationRecipient", "COCT_TP145103GB01.IntendedRecipient",
            "representedSourceOrganization");
  }

  @Test
  void theSameNotificationWrittenTwiceHasTheSameMessageIdSoTheLocalAuthorityCanDeduplicate() {
    AccessNotification n = notificationOfAnAttendance();
    String once = AccessToServiceNotificationWriter.write(n, ISLINGTON, "41", NOW);
    String again = AccessToServiceNotificationWriter.write(n, ISLINGTON, "41", NOW);
    assertThat(once).isEqualTo(again);
    assertThat(Uuids.of(RecordId.of("n-1"))).isNotEqualTo(Uuids.of(RecordId.of("n-2"))).matches("[0-9A-F-]{36}");
  }

  @Test
  void aNotificationGoesOnlyToTheAuthorityThatOwnsThePlan() {
    LocalAuthority camden = LocalAuthority.builder().from(ISLINGTON).odsCode(OdsCode.of("202")).name("Camden").build();
    AccessNotification n = notificationOfAnAttendance();
    assertThatThrownBy(() -> AccessToServiceNotificationWriter.write(n, camden, "41", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("9995260182");
  }

  @Test
  void anInactiveNumberIsToldWithItsReplacementWhenThereIsOne() {
    InactiveNhsNumber replaced =
        InactiveNhsNumber.builder()
            .nhsNumber(NhsNumber.parse("9995260182"))
            .localChildId("C-0001")
            .replacedBy(NhsNumber.parse("9991590838"))
            .uploadFileId("41")
            .build();
    InactiveNhsNumber withdrawn =
        InactiveNhsNumber.builder().nhsNumber(NhsNumber.parse("9990166137")).uploadFileId("40").build();

    String notice =
        Schemas.valid(
            Schemas.Message.INACTIVE_NHS_NUMBER_NOTIFICATION,
            InactiveNhsNumberNotificationWriter.write(RecordId.of("inactive-1"), ISLINGTON, List.of(replaced, withdrawn), NOW));

    assertThat(notice).containsOnlyOnce("<replacedBy>").contains("<id extension=\"9991590838\"/>");
    assertThat(notice).contains("extension=\"9990166137\"").contains("<value extension=\"40\"/>");
    assertThat(replaced.toString()).doesNotContain("9995260182").doesNotContain("9991590838");
    assertThatThrownBy(() -> InactiveNhsNumberNotificationWriter.write(RecordId.of("x"), ISLINGTON, List.of(), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNumberChangeNoticeIsToldAsTheNationalInactiveNhsNumberNotification() {
    org.cpis.model.NumberChangeNotice notice =
        org.cpis.model.NumberChangeNotice.builder()
            .id(RecordId.of("link-1/714"))
            .linkId(RecordId.of("link-1"))
            .localAuthority(ISLINGTON.odsCode())
            .number(NhsNumber.parse("9995260182"))
            .replacement(NhsNumber.parse("9991590838"))
            .addPlans(
                org.cpis.model.PlanId.of(ISLINGTON.odsCode(), "C-0001/CPPI"),
                org.cpis.model.PlanId.of(ISLINGTON.odsCode(), "C-0001/LACI"))
            .recordedAt(NOW)
            .build();

    List<InactiveNhsNumber> numbers = InactiveNhsNumber.fromNotice(notice, "41");
    String message =
        Schemas.valid(
            Schemas.Message.INACTIVE_NHS_NUMBER_NOTIFICATION,
            InactiveNhsNumberNotificationWriter.write(notice.id(), ISLINGTON, numbers, NOW));

    assertThat(numbers).singleElement().satisfies(n -> {
      assertThat(n.localChildId()).contains("C-0001");
      assertThat(n.replacedBy()).contains(NhsNumber.parse("9991590838"));
    });
    assertThat(message).containsOnlyOnce("<replacedBy>").contains("<id extension=\"9991590838\"/>").contains("extension=\"C-0001\"");
  }
}
