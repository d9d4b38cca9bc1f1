package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.CAMDEN;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.ISLINGTON;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cpis.Fixtures.TestEngine;
import org.cpis.rules.ServiceLevels;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditAction;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.cpis.rules.UploadRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The review inbox")
class ReviewInboxTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

  private final TestEngine t = new TestEngine();
  private final NhsNumber allocated = nhs(1);
  private final NhsNumber unallocated = nhs(2);

  private ReviewInbox islington() {
    return t.cpis.reviews(ISLINGTON.odsCode());
  }

  private RecordId attend(NhsNumber child) {
    return t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).notificationIds().get(0);
  }

  private void uploadBoth() {
    t.islington()
        .upload(
            List.of(
                cpp(1, "CP-1", allocated, MAY_1, null),
                UploadRecord.builder().from(cpp(2, "CP-2", unallocated, MAY_1, null)).allocatedSocialWorker(Optional.empty()).build()));
  }

  @Test
  @DisplayName("A notification for a plan with no social worker lands in the MASH queue")
  void mashQueue() {
    uploadBoth();
    RecordId toWorker = attend(allocated);
    RecordId toMash = attend(unallocated);

    assertThat(islington().pending()).extracting(AccessNotification::id).containsExactly(toWorker, toMash);
    assertThat(islington().mashQueue()).extracting(AccessNotification::id).containsExactly(toMash);
    assertThat(islington().pendingFor("sw-jones")).extracting(AccessNotification::id).containsExactly(toWorker);
    assertThat(islington().pendingFor("sw-nobody")).isEmpty();
  }

  @Test
  @DisplayName("An unreviewed notification is overdue once the configured review deadline after the access has passed")
  void overdue() {
    TestEngine e = new TestEngine(b -> b.serviceLevels(ServiceLevels.builder().reviewDeadline(Duration.ofHours(36)).build()));
    ReviewInbox inbox = e.cpis.reviews(ISLINGTON.odsCode());
    e.islington().upload(List.of(cpp(1, "CP-1", allocated, MAY_1, null), cpp(2, "CP-2", unallocated, MAY_1, null)));
    RecordId first = e.cpis.health().check(check(allocated, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)).notificationIds().get(0);
    e.clock.advance(Duration.ofHours(12));
    e.cpis.health().check(check(unallocated, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));

    e.clock.advance(Duration.ofHours(24));
    assertThat(inbox.overdue()).isEmpty();
    e.clock.advance(Duration.ofSeconds(1));
    assertThat(inbox.overdue()).extracting(AccessNotification::id).containsExactly(first);
  }

  @Test
  @DisplayName("Recording a review takes the notification out of the inbox and is audited")
  void recordingAReview() {
    uploadBoth();
    RecordId id = attend(allocated);

    Review review = islington().record(id, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true);

    assertThat(review.notificationId()).isEqualTo(id);
    assertThat(review.localAuthority()).isEqualTo(ISLINGTON.odsCode());
    assertThat(review.recordedOnCaseRecord()).isTrue();
    assertThat(review.reviewedAt()).isEqualTo(t.clock.instant());
    assertThat(islington().pending()).isEmpty();
    assertThat(t.cpis.auditLog()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.REVIEW_RECORDED);
      assertThat(e.actor()).isEqualTo("sw-jones");
      assertThat(e.subject()).contains(allocated);
    });
  }

  @Test
  @DisplayName("A notification is reviewed once: a second review is refused")
  void secondReviewRefused() {
    uploadBoth();
    RecordId id = attend(allocated);
    islington().record(id, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true);
    int audited = t.cpis.auditLog().size();

    assertThatThrownBy(() -> islington().record(id, "sw-jones", ReviewOutcome.STRATEGY_DISCUSSION, true))
        .isInstanceOfSatisfying(ReviewAlreadyRecordedException.class, e -> assertThat(e.notificationId()).isEqualTo(id));
    assertThat(t.cpis.auditLog()).hasSize(audited);
  }

  @Test
  @DisplayName("Reviewing a notification that does not exist is refused")
  void unknownNotification() {
    RecordId nothing = RecordId.of("no-such-notification");
    assertThatThrownBy(() -> islington().record(nothing, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, true))
        .isInstanceOfSatisfying(UnknownNotificationException.class, e -> assertThat(e.notificationId()).isEqualTo(nothing));
  }

  @Test
  @DisplayName("A local authority cannot see or review another local authority's notification")
  void anotherAuthoritysNotification() {
    uploadBoth();
    RecordId islingtons = attend(allocated);
    ReviewInbox camden = t.cpis.reviews(CAMDEN.odsCode());

    assertThat(camden.pending()).isEmpty();
    assertThatThrownBy(() -> camden.record(islingtons, "sw-camden", ReviewOutcome.NO_FURTHER_ACTION, true))
        .isInstanceOf(NotificationOfAnotherAuthorityException.class);
    assertThat(islington().pending()).extracting(AccessNotification::id).containsExactly(islingtons);
  }

  @Test
  @DisplayName("A review not yet on the case record waits for confirmation; confirming it is audited, once")
  void confirmingTheCaseRecord() {
    uploadBoth();
    RecordId later = attend(allocated);
    RecordId atOnce = attend(unallocated);
    islington().record(later, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, false);
    islington().record(atOnce, "mash-duty", ReviewOutcome.NO_FURTHER_ACTION, true);

    assertThat(islington().awaitingCaseRecord()).extracting(Review::notificationId).containsExactly(later);
    int audited = t.cpis.auditLog().size();

    Review confirmed = islington().confirmRecordedOnCaseRecord(later, "sw-jones");
    Review again = islington().confirmRecordedOnCaseRecord(later, "sw-jones");

    assertThat(confirmed.recordedOnCaseRecord()).isTrue();
    assertThat(confirmed.outcome()).isEqualTo(ReviewOutcome.NO_FURTHER_ACTION);
    assertThat(again).isEqualTo(confirmed);
    assertThat(islington().awaitingCaseRecord()).isEmpty();
    assertThat(t.cpis.auditLog()).hasSize(audited + 1).last()
        .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CASE_RECORD_CONFIRMED));
    assertThat(t.cpis.verifyAuditLog().intact()).isTrue();
  }

  @Test
  @DisplayName("Only a reviewed notification of this local authority can be confirmed on the case record")
  void confirmingNeedsAReviewOfOurOwn() {
    uploadBoth();
    RecordId id = attend(allocated);
    ReviewInbox camden = t.cpis.reviews(CAMDEN.odsCode());

    assertThatThrownBy(() -> islington().confirmRecordedOnCaseRecord(id, "sw-jones"))
        .isInstanceOfSatisfying(ReviewNotRecordedException.class, e -> assertThat(e.notificationId()).isEqualTo(id));
    islington().record(id, "sw-jones", ReviewOutcome.NO_FURTHER_ACTION, false);
    assertThatThrownBy(() -> camden.confirmRecordedOnCaseRecord(id, "sw-camden"))
        .isInstanceOf(NotificationOfAnotherAuthorityException.class);
    assertThatThrownBy(() -> islington().confirmRecordedOnCaseRecord(RecordId.of("nope"), "sw-jones"))
        .isInstanceOf(UnknownNotificationException.class);
    assertThat(islington().awaitingCaseRecord()).extracting(Review::notificationId).containsExactly(id);
  }
}
