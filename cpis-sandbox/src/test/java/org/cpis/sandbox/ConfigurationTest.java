package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cpis.model.CareSetting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox's configuration")
class ConfigurationTest {

  @Test
  @DisplayName("a token file maps each token to its viewer; the shipped tokens include a silent reader and one with no CP-IS view")
  void tokens() {
    Tokens tokens =
        Tokens.read(new StringReader("# comment\n\nnurse-1,555,Ann Lee,Staff Nurse,b0168,RKE,Whittington Hospital,maternity\n"));
    Viewer viewer = tokens.viewer("nurse-1").orElseThrow();
    assertThat(viewer.accessor().rbacActivityCode()).isEqualTo("B0168");
    assertThat(viewer.setting()).isEqualTo(CareSetting.MATERNITY);
    assertThat(tokens.viewer("nurse-2")).isEmpty();

    Tokens shipped = Tokens.defaults();
    assertThat(shipped.viewer("silent-reader").orElseThrow().accessor().rbacActivityCode()).isEqualTo("B0170");
    assertThat(SandboxServer.DEFAULT_CPIS_ACTIVITIES)
        .doesNotContain(shipped.viewer("receptionist").orElseThrow().accessor().rbacActivityCode());
  }

  @Test
  @DisplayName("a token file line that is not eight fields, or names an unknown setting, is refused with its line number")
  void badTokenFile() {
    assertThatThrownBy(() -> Tokens.read(new StringReader("a,b,c\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> Tokens.read(new StringReader("\nt,1,N,R,B0168,RKE,Org,NOWHERE\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> Tokens.read(new StringReader("t,1,N,R,B0168,RKE,Org,SCHEDULED\nt,2,M,R,B0168,RKE,Org,SCHEDULED\n")))
        .hasMessageContaining("twice");
  }

  @Test
  @DisplayName("the port comes from CPIS_SANDBOX_PORT, and a store named by -Dcpis.store wins over CPIS_STORE")
  void environment() {
    assertThat(Sandbox.configure(Map.of(), null).port).isEqualTo(8080);
    assertThat(Sandbox.configure(Map.of(Sandbox.PORT, "0"), null).port).isZero();
    assertThatThrownBy(() -> Sandbox.configure(Map.of(Sandbox.PORT, "eighty"), null)).hasMessageContaining(Sandbox.PORT);
    assertThat(Sandbox.configure(Map.of(), null).storeName).isEqualTo("in-memory");
    assertThat(Sandbox.configure(Map.of(Sandbox.STORE, "postgres"), null).storeName).isEqualTo("postgres");
    assertThat(Sandbox.configure(Map.of(Sandbox.STORE, "postgres"), "in-memory").storeName).isEqualTo("in-memory");
  }

  @Test
  @DisplayName("a store that is not on the class path stops the start with a message naming what was found")
  void unknownStore() {
    SandboxServer.Builder builder = Sandbox.configure(Map.of(Sandbox.STORE, "no-such-store"), null).port(0);
    assertThatThrownBy(() -> builder.build().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-store")
        .hasMessageContaining("in-memory");
  }

  @Test
  @DisplayName("the sandbox clock runs on from where it is set")
  void clock() throws InterruptedException {
    SandboxClock clock = new SandboxClock(Instant.parse("2026-02-27T10:00:00Z"));
    Instant first = clock.instant();
    Thread.sleep(5);
    assertThat(clock.instant()).isAfter(first).isBefore(first.plus(Duration.ofMinutes(1)));
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.withZone(Scenario.ZONE).instant()).isBetween(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:01:00Z"));
  }
}
