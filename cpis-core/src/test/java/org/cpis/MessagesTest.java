package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an exception message may hold of the text it was given. */
@DisplayName("Exception message text")
class MessagesTest {

  @Test
  @DisplayName("An excerpt shows at most 24 characters, digits as #, control characters as ?, and the length when cut")
  void excerpt() {
    assertThat(Messages.excerpt("x".repeat(24))).isEqualTo("'" + "x".repeat(24) + "'");
    assertThat(Messages.excerpt("x".repeat(25))).isEqualTo("'" + "x".repeat(24) + "' (25 characters)");
    assertThat(Messages.excerpt("a9\u0000b0/:")).isEqualTo("'a#?b#/:'");
    assertThat(Messages.excerpt("")).isEqualTo("''");
  }

  @Test
  @DisplayName("A message keeps nine digits, masks ten or more however grouped, and is cut to 500 characters")
  void bounded() {
    assertThat(Messages.bounded("id 123456789 ok")).isEqualTo("id 123456789 ok");
    assertThat(Messages.bounded("nhs 943 476 5919, 943-476-5919 or 9434765919"))
        .isEqualTo("nhs *** *** ****, ***-***-**** or **********");
    assertThat(Messages.bounded("y".repeat(500))).isEqualTo("y".repeat(500));
    assertThat(Messages.bounded("y".repeat(501))).isEqualTo("y".repeat(499) + "\u2026");
    assertThat(Messages.bounded(null)).isNull();
  }

  @Test
  @DisplayName("A header error quotes at most three unknown names and says how many there were")
  void headerNamesAreLimited() {
    String known = String.join(",", UploadCsv.COLUMNS);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UploadCsv.read(new java.io.StringReader(known + ",a,b,c\n")))
        .hasMessageEndingWith("unknown 3 ['a', 'b', 'c']");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UploadCsv.read(new java.io.StringReader(known + ",a,b,c,d\n")))
        .hasMessageEndingWith("unknown 4 ['a', 'b', 'c', \u2026]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("quoting"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UploadCsv.read(new java.io.StringReader("\"" + known + "\n")))
        .hasMessageContaining("; its quoting is broken;");
  }
}
