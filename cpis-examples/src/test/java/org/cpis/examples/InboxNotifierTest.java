package org.cpis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.DeliveryStatus;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo's stand-in for a social-care inbox deduplicates on the notification's id, as a real
 * receiver must, since the engine delivers at least once (design rule 7).
 */
@DisplayName("The demo's inbox")
class InboxNotifierTest {

  private static final OdsCode ISLINGTON = OdsCode.of("714");

  @Test
  @DisplayName("keeps a notification delivered twice once, and says it ignored the repeat")
  void ignoresARepeatedDelivery() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InboxNotifier inbox =
        new InboxNotifier(
            new Narrator(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
            Map.of(ISLINGTON, "Islington"));
    AccessNotification notification = notification("n-1");

    inbox.deliver(notification);
    // The same notification again, as the outbox sends it when the first delivery's
    // acknowledgement was lost.
    inbox.deliver(
        AccessNotification.builder()
            .from(notification)
            .failedAttempts(1)
            .nextAttemptAt(notification.accessedAt().plusSeconds(60))
            .build());

    assertThat(inbox.received()).hasSize(1).containsExactly(notification);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .containsOnlyOnce("[Islington inbox] received notification n-1")
        .contains("[Islington inbox] already has notification n-1, ignored the repeat");
  }

  @Test
  @DisplayName("replaces a notification delivered again with more accesses of its attendance episode, and lists them")
  void keepsTheVersionWithMoreAccesses() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InboxNotifier inbox =
        new InboxNotifier(new Narrator(new PrintStream(bytes, true, StandardCharsets.UTF_8)), Map.of(ISLINGTON, "Islington"));
    AccessNotification first = notification("n-1");
    AccessNotification gathered =
        AccessNotification.builder()
            .from(first)
            .addFurtherAccesses(
                org.cpis.model.EpisodeAccess.builder()
                    .accessEventId(RecordId.of("event-2"))
                    .accessor(Accessor.builder().userId("555000000105").name("Dr Nadia Iqbal").role("Registrar").rbacActivityCode("B0168").build())
                    .accessedAt(first.accessedAt().plusSeconds(1_800))
                    .build())
            .build();

    inbox.deliver(first);
    inbox.deliver(gathered);

    assertThat(inbox.received()).containsExactly(gathered);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("[Islington inbox] updated notification n-1: now 2 accesses in one attendance episode")
        .contains("then by Dr Nadia Iqbal (Registrar)");
  }

  private static AccessNotification notification(String id) {
    Instant at = Instant.parse("2025-03-03T14:20:00Z");
    return AccessNotification.builder()
        .id(RecordId.of(id))
        .accessEventId(RecordId.of("event-" + id))
        .subject(NhsNumber.parse("999 526 0182"))
        .planId(PlanId.of(ISLINGTON, "CP-ISL-0001"))
        .planType(PlanType.CHILD_PROTECTION_PLAN)
        .organisation(Organisation.of(OdsCode.of("RKE"), "Whittington Hospital"))
        .setting(CareSetting.EMERGENCY_DEPARTMENT)
        .accessor(
            Accessor.builder()
                .userId("555000000101")
                .name("Priya Shah")
                .role("Staff Nurse")
                .rbacActivityCode("B0168")
                .build())
        .accessedAt(at)
        .deliveryStatus(DeliveryStatus.PENDING)
        .nextAttemptAt(at)
        .build();
  }
}
