package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.examples.DemoOutput.before;
import static org.cpis.examples.DemoOutput.from;
import static org.cpis.examples.DemoOutput.step;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the narrated demo and checks that each step tells what the engine really did: the demo
 * prints the engine's results, so a broken engine changes these sentences and fails this test.
 */
@DisplayName("The demo")
class DemoTest {

  @Test
  @DisplayName("1. reports each upload with its outcome, counts and every rejected line's reason")
  void uploads() {
    String islington = before(from(step(1), "Islington uploads"), "Camden uploads");
    assertThat(islington)
        .contains("Islington uploads islington-2025-03-03.csv (7 records)")
        .contains("file outcome PARTIAL: 4 accepted, 0 unchanged, 3 rejected")
        .contains("line 5 (CP-ISL-0005) rejected R02: the record has no NHS number")
        .contains("line 6 (CP-ISL-0006) rejected R03: the NHS number is not valid")
        .contains("line 7 (CP-ISL-0007) rejected R08: the end date is before the start date");

    String camden = before(from(step(1), "Camden uploads"), "sends the same file again");
    assertThat(camden)
        .contains("Camden uploads camden-2025-03-03.csv (5 records)")
        .contains("file outcome PARTIAL: 2 accepted, 0 unchanged, 3 rejected")
        .contains("line 3 (CP-CAM-0103) rejected R05: the plan type is not CPPI, LACI or UCPI")
        .contains(
            "line 4 (UC-CAM-0104) rejected R09: an unborn child protection plan needs an expected delivery date")
        .contains("line 5 (CP-CAM-0105) rejected R02: the record has no NHS number");
  }

  @Test
  @DisplayName("1. shows that sending the same file twice changes nothing")
  void resend() {
    assertThat(from(step(1), "sends the same file again"))
        .contains("file outcome PARTIAL: 0 accepted, 4 unchanged, 3 rejected");
  }

  @Test
  @DisplayName("2. shows the emergency department the alert and delivers Islington's notification")
  void emergencyDepartment() {
    assertThat(step(2))
        .contains("ALERT: Child protection plan (CPPI), started 2024-11-04, active")
        .contains(
            "Islington children's social care: office hours 020 7946 0100, emergency duty 020 7946 0199")
        .contains("access recorded as UNSCHEDULED, notifications created: 1")
        .contains("[Islington inbox] received notification")
        .contains("attended Emergency department at Whittington Hospital")
        .contains("for social worker sw.okafor")
        .contains("outbox: 1 delivered, 0 failed");
  }

  @Test
  @DisplayName("3. lets a GP in hours read the alert silently, notifying nobody")
  void silentRead() {
    assertThat(step(3))
        .contains("ALERT: Child protection plan (CPPI), started 2024-11-04, active")
        .contains("access audited as SILENT_READ, notifications created: 0")
        .contains("outbox: 0 delivered, 0 failed")
        .doesNotContain("received notification");
  }

  @Test
  @DisplayName("4. shows maternity the unborn plan with the expected delivery date")
  void maternity() {
    assertThat(step(4))
        .contains("ALERT: Unborn child protection plan (UCPI), started 2025-01-15, active")
        .contains("expected delivery date 2025-03-20")
        .contains("[Islington inbox] received notification")
        .contains("for social worker sw.mensah");
  }

  @Test
  @DisplayName("5. ends the unborn plan at birth and shows the baby's plan on the baby's number")
  void birth() {
    assertThat(step(5))
        .contains("unborn plan 714/UC-ISL-0003 ended on 2025-03-17")
        .contains(
            "baby's plan 714/UC-ISL-0003-BABY: Child protection plan from 2025-03-17, linked to 714/UC-ISL-0003");
    assertThat(from(step(5), "That afternoon"))
        .contains("ALERT: Child protection plan (CPPI), started 2025-03-17, active")
        .contains("Islington children's social care");
  }

  @Test
  @DisplayName("6. records a social worker's review and puts an unallocated plan's notification in the MASH queue")
  void reviews() {
    String morning = before(step(6), "That evening");
    assertThat(morning)
        .contains("reviewed ")
        .contains("outcome CASE_DISCUSSED_WITH_MANAGER, confirmed on the case record");
    assertThat(pendingCount(morning, "Islington's inbox now holds "))
        .isEqualTo(pendingCount(morning, "Islington's review inbox holds ") - 1);

    String evening = from(step(6), "That evening");
    assertThat(evening)
        .contains("[Camden inbox] received notification")
        .contains("for the MASH team")
        .contains("Camden's MASH queue holds 1 notification(s):");
  }

  @Test
  @DisplayName("7. keeps an ended plan visible on day 364, hides it on day 365 and purges it")
  void retention() {
    String day364 = before(from(step(7), "364 days after the end"), "365 days after the end");
    assertThat(day364)
        .contains("ALERT: Child protection plan (CPPI), started 2024-01-10, ended 2025-02-28");

    String day365 = from(step(7), "365 days after the end");
    assertThat(before(day365, "purges"))
        .contains("No alert: no visible plan for this NHS number.")
        .contains("access audited as UNSCHEDULED, notifications created: 0 (no plan, so no access history is kept)")
        .doesNotContain("ALERT:");
    assertThat(day365)
        .contains("purge report for 2026-02-28: 2 plan(s), 2 access event(s), 2 notification(s) removed")
        .contains("plans removed: 714/CP-ISL-0004, 714/UC-ISL-0003");
    assertThat(from(day365, "Islington's plans still stored:"))
        .contains("714/CP-ISL-0001", "714/LA-ISL-0002", "714/UC-ISL-0003-BABY")
        .doesNotContain("714/CP-ISL-0004:");
  }

  @Test
  @DisplayName("8. verifies the audit log intact, with an entry for every check, upload, birth, review and purge")
  void audit() {
    assertThat(step(8))
        .containsPattern("Audit log verified: intact \\(\\d+ entries, hash chain unbroken\\)\\.")
        .contains("7 CHECK, 3 UPLOAD, 1 BIRTH_RECORDED, 1 REVIEW_RECORDED, 1 PURGE");
  }

  @Test
  @DisplayName("8. reports records without NHS numbers and stale feeds per local authority")
  void dataQuality() {
    String report = from(step(8), "Data-quality report, Sat 28 Feb 2026");
    for (String la : new String[] {"Camden (ODS 702)", "Islington (ODS 714)"}) {
      assertThat(before(from(report, la), "births not recorded"))
          .contains("latest upload: Mon 3 Mar 2025")
          .contains("STALE FEED")
          .contains("records without an NHS number in the latest upload: 1");
    }
    assertThat(report).contains("Stale feeds: 702, 714; records without an NHS number: 2");
  }

  @Test
  @DisplayName("9. applies Hackney's HL7 V3 File with the engine's rules and prints the acknowledgement, numbers masked")
  void hl7Upload() {
    assertThat(step(9))
        .contains("Registered Hackney (ODS 704): office hours 020 7946 0300, emergency duty 020 7946 0399")
        .contains("sends hackney-2026-02-28.xml, an HL7 V3 File (REPC_MT000002GB01): 3 records holding 4 plans")
        .contains("file outcome PARTIAL: 3 accepted, 0 unchanged, 1 rejected")
        .contains("line 4 (HK-0303/CPPI) rejected R03: the NHS number is not valid")
        .contains("<code code=\"CPF03\" displayName=\"Partial File Upload\"/>")
        .contains("<location>/File/record[3]/CP-ISRecord/pertinentInformation[1]</location>")
        .contains("extension=\"*** *** 4116\"")
        .containsPattern("<successfulReturnedCP-ISRecords>\\s+<value value=\"2\"/>");
  }

  private static int pendingCount(String text, String prefix) {
    String rest = from(text, prefix).substring(prefix.length());
    return Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
  }

  @Test
  @DisplayName("10. gathers a nurse's, a doctor's and a registrar's checks in one visit into one notification listing all three")
  void attendanceEpisode() {
    assertThat(step(10))
        .contains("notifications created: 0, gathered into its visit's notification demo-0024/714")
        .contains("[Islington inbox] updated notification demo-0024/714: now 3 accesses in one attendance episode")
        .contains("then by Dr Nadia Iqbal (Emergency Medicine Registrar)")
        .contains("then by Dr Leo Marsh (Paediatric Registrar)")
        .contains("Islington's inbox holds one notification for the visit, demo-0024/714, listing 3 accesses");
  }

  @Test
  @DisplayName("11. names the repeat-attendance pattern on the third attendance at a third organisation within 14 days")
  void repeatAttendances() {
    String third = from(step(11), "Royal Free Hospital) checks");
    assertThat(before(step(11), "Royal Free Hospital) checks")).doesNotContain("PATTERN");
    assertThat(third)
        .contains("PATTERN: Repeat unscheduled attendances: 3 attendances at 3 organisations in 14 days")
        .contains("PATTERN: Repeat unscheduled attendances, 3 attendances at 3 organisations:")
        .contains("Fri 6 Mar 2026, 18:10 GMT, Urgent care or walk-in centre at Kentish Town Urgent Treatment Centre");
  }

  @Test
  @DisplayName("12. shows an adopted child's plan under the new number, notes the replacement under the old, tells Camden once and names the supersession on upload")
  void supersededNumber() {
    assertThat(step(12))
        .containsOnlyOnce("[Camden inbox] number change notice")
        .contains("held under a previous number, *** *** 8241")
        .contains("plan 702/CP-CAM-0101 (held under *** *** 8241); for the MASH team")
        .contains("this number is superseded: the number in use is *** *** 0005")
        .contains("line 1 (CP-CAM-0110) ACCEPTED, but its NHS number is superseded by *** *** 0005: fix the record");
  }

  @Test
  @DisplayName("13. tells the social worker a child on a plan was not brought, and keeps nothing about a child with no plan")
  void wasNotBrought() {
    assertThat(step(13))
        .contains("was not brought to an appointment at Whittington Community Paediatrics Clinic on Wed 11 Mar 2026, 14:30 GMT")
        .contains("for social worker sw.mensah")
        .contains("no visible plan: nobody is notified and nothing is kept about the child");
  }
}
