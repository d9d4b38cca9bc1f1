package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Superseded and inactive NHS numbers")
class NumberLinksTest {

  static final NhsNumber A = NhsNumber.parse("9434765919");
  static final NhsNumber B = NhsNumber.parse("9434765870");
  static final NhsNumber C = NhsNumber.parse("4010232137");
  static final NhsNumber UNRELATED = NhsNumber.parse("9876543210");

  static NhsNumberLink link(NhsNumber from, Optional<NhsNumber> to) {
    return NhsNumberLink.builder()
        .id(RecordId.of("l-" + from.value()))
        .number(from)
        .replacement(to)
        .reportedBy("pds")
        .recordedAt(Instant.parse("2024-06-01T09:00:00Z"))
        .build();
  }

  @Test
  @DisplayName("A number with no links is in use: linked to nothing, superseded by nothing, not inactive, no one's previous number")
  void noLinks() {
    // What a check of an unlinked child takes without asking these rules (LinkedNumbers.of).
    assertThat(NumberLinks.linked(A, List.of())).containsExactly(A);
    assertThat(NumberLinks.currentNumber(A, List.of())).isEmpty();
    assertThat(NumberLinks.isInactive(A, List.of())).isFalse();
    assertThat(NumberLinks.isPreviousNumberOf(A, A, List.of())).isFalse();
  }

  @Test
  @DisplayName("A number superseded by another is linked to it both ways, and to nothing else")
  void supersededIsLinkedBothWays() {
    List<NhsNumberLink> links = List.of(link(A, Optional.of(B)));
    assertThat(NumberLinks.linked(B, links)).containsExactly(B, A);
    assertThat(NumberLinks.linked(A, links)).containsExactly(A, B);
    assertThat(NumberLinks.linked(UNRELATED, links)).containsExactly(UNRELATED);
  }

  @Test
  @DisplayName("The number in use for a superseded one is the end of its chain of replacements; a previous number is one whose chain passes through it")
  void chains() {
    List<NhsNumberLink> links = List.of(link(A, Optional.of(B)), link(B, Optional.of(C)));
    assertThat(NumberLinks.currentNumber(A, links)).contains(C);
    assertThat(NumberLinks.currentNumber(C, links)).isEmpty();
    assertThat(NumberLinks.isPreviousNumberOf(A, B, links)).isTrue();
    assertThat(NumberLinks.isPreviousNumberOf(A, C, links)).isTrue();
    assertThat(NumberLinks.isPreviousNumberOf(C, A, links)).isFalse();
    assertThat(NumberLinks.isPreviousNumberOf(A, A, links)).isFalse();
    assertThat(NumberLinks.isInactive(A, links)).isFalse();
    assertThat(NumberLinks.isInactive(C, links)).isFalse();
    assertThat(NumberLinks.isInactive(UNRELATED, links)).isFalse();
  }

  @Test
  @DisplayName("A number inactive with no replacement is linked to nothing, and an upload under it is rejected")
  void inactive() {
    List<NhsNumberLink> links = List.of(link(A, Optional.empty()));
    assertThat(NumberLinks.linked(A, links)).containsExactly(A);
    assertThat(NumberLinks.isInactive(A, links)).isTrue();
    assertThat(NumberLinks.uploadRejection(Optional.of(links.get(0)))).contains(RejectionReason.NHS_NUMBER_INACTIVE);
    assertThat(NumberLinks.uploadRejection(Optional.of(link(A, Optional.of(B))))).isEmpty();
    assertThat(NumberLinks.uploadRejection(Optional.empty())).isEmpty();
  }

  @Test
  @DisplayName("A cycle of links ends where it would repeat")
  void cycle() {
    List<NhsNumberLink> links = List.of(link(A, Optional.of(B)), link(B, Optional.of(A)));
    assertThat(NumberLinks.linked(A, links)).containsExactlyInAnyOrder(A, B);
    assertThat(NumberLinks.currentNumber(A, links)).contains(B);
    assertThat(NumberLinks.isPreviousNumberOf(A, A, links)).as("not its own previous number").isFalse();
    assertThat(NumberLinks.isPreviousNumberOf(A, B, links)).isTrue();
  }
}
