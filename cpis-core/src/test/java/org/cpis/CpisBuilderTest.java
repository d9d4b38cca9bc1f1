package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building an engine")
class CpisBuilderTest {

  @Test
  @DisplayName("An engine without a store is refused with a message that says what to call")
  void needsAStore() {
    assertThatThrownBy(() -> Cpis.builder().notifier(n -> {}).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".store(");
  }

  @Test
  @DisplayName("An engine without a notifier is refused with a message that says what to call")
  void needsANotifier() {
    assertThatThrownBy(() -> Cpis.builder().store(new InMemoryCpisStore()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".notifier(");
  }

  @Test
  @DisplayName("The store can be discovered on the class path, and the defaults are London time and the national policies")
  void discoversTheStoreAndHasDefaults() {
    Cpis cpis = Cpis.builder().discoverStore().notifier(n -> {}).build();

    assertThat(cpis.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(cpis.retentionPolicy().endedPlanDays()).isEqualTo(364);
    assertThat(cpis.serviceLevels().accessHistoryLimit()).isEqualTo(25);
    cpis.registerLocalAuthority(Fixtures.ISLINGTON);
    assertThat(cpis.localAuthorities()).containsExactly(Fixtures.ISLINGTON);
  }

  @Test
  @DisplayName("Registering a local authority again updates its name and phone numbers")
  void registeringAgainUpdates() {
    Cpis cpis = Cpis.builder().store(new InMemoryCpisStore()).notifier(n -> {}).build();
    cpis.registerLocalAuthority(Fixtures.ISLINGTON);
    var renumbered = org.cpis.model.LocalAuthority.builder().from(Fixtures.ISLINGTON).emergencyDutyPhone("020 0000 0000").build();

    cpis.registerLocalAuthority(renumbered);

    assertThat(cpis.localAuthority(Fixtures.ISLINGTON.odsCode()).localAuthority()).isEqualTo(renumbered);
  }

  @Test
  @DisplayName("The retry policy doubles the wait after each failure, up to its maximum")
  void retryPolicyDoubles() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(60)).build();

    assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
