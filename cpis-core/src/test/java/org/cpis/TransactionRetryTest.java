package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpis.Fixtures.ED_NURSE;
import static org.cpis.Fixtures.check;
import static org.cpis.Fixtures.cpp;
import static org.cpis.Fixtures.nhs;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpis.Fixtures.TestEngine;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.StoreException;
import org.cpis.store.TransientStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine runs a unit of work again after a {@link TransientStoreException}, as its {@link
 * TransactionRetryPolicy} allows, and nothing else: a health professional never sees a
 * serialization conflict, and a refusal is never hidden by a retry.
 */
class TransactionRetryTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private final NhsNumber child = nhs(1);

  /** Fails the first {@code times} calls to {@code store.method} with {@code failure}. */
  private static FaultyStore.Interceptor failing(
      String store, String method, int times, java.util.function.Supplier<StoreException> failure, AtomicInteger calls) {
    return new FaultyStore.Interceptor() {
      @Override
      public void before(String s, String m, Object[] args) {
        if (s.equals(store) && m.equals(method) && calls.incrementAndGet() <= times) {
          throw failure.get();
        }
      }
    };
  }

  @Test
  @DisplayName("A check the store fails transiently twice is run again and succeeds, written once: one access, one notification, one audit record")
  void transientFailureIsRetried() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    AtomicInteger calls = new AtomicInteger();
    t.store.intercept(failing("audit", "append", 2, () -> new TransientStoreException("serialization failure (simulated)"), calls));

    CheckResult result = t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT));
    t.store.heal();

    assertThat(calls).hasValue(3);
    assertThat(result.plans()).hasSize(1);
    assertThat(t.accessesTo(child)).hasSize(1);
    assertThat(t.notificationsAbout(child)).hasSize(1);
    assertThat(t.cpis.auditLog()).filteredOn(e -> e.subject().equals(java.util.Optional.of(child))).hasSize(1);
  }

  @Test
  @DisplayName("When every attempt the policy allows fails transiently, the engine throws TransactionRetriesExhaustedException and nothing is applied")
  void retriesAreBounded() {
    TestEngine t =
        new TestEngine(
            b -> b.dispatchAfterCheck(false).transactionRetryPolicy(TransactionRetryPolicy.builder().maxAttempts(3).build()));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    AtomicInteger calls = new AtomicInteger();
    t.store.intercept(failing("audit", "append", 3, () -> new TransientStoreException("deadlock (simulated)"), calls));

    assertThatThrownBy(() -> t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)))
        .isInstanceOf(TransactionRetriesExhaustedException.class)
        .hasCauseInstanceOf(TransientStoreException.class)
        .hasMessageContaining("3 times")
        .satisfies(e -> assertThat(((TransactionRetriesExhaustedException) e).attempts()).isEqualTo(3));
    t.store.heal();
    assertThat(calls).hasValue(3);
    assertThat(t.accessesTo(child)).isEmpty();
    assertThat(t.notificationsAbout(child)).isEmpty();
  }

  @Test
  @DisplayName("A refusal or any other store failure is not retried: the unit of work runs once and the failure reaches the caller")
  void otherFailuresAreNotRetried() {
    TestEngine t = new TestEngine(b -> b.dispatchAfterCheck(false));
    t.islington().upload(List.of(cpp(1, "CP-1", child, MAY_1, null)));
    for (java.util.function.Supplier<StoreException> failure :
        List.<java.util.function.Supplier<StoreException>>of(
            () -> new DuplicateRecordException("duplicate (simulated)"), () -> new StoreException("disk full (simulated)"))) {
      AtomicInteger calls = new AtomicInteger();
      t.store.intercept(failing("audit", "append", 1, failure, calls));
      StoreException expected = failure.get();
      assertThatThrownBy(() -> t.cpis.health().check(check(child, ED_NURSE, CareSetting.EMERGENCY_DEPARTMENT)))
          .isExactlyInstanceOf(expected.getClass());
      assertThat(calls).hasValue(1);
    }
    t.store.heal();
    assertThat(t.accessesTo(child)).isEmpty();
  }

  @Test
  @DisplayName("With TransactionRetryPolicy.none() the first transient failure reaches the caller")
  void noRetry() {
    TestEngine t = new TestEngine(b -> b.transactionRetryPolicy(TransactionRetryPolicy.none()));
    AtomicInteger calls = new AtomicInteger();
    t.store.intercept(failing("localAuthorities", "findAll", 1, () -> new TransientStoreException("conflict"), calls));
    assertThatThrownBy(t.cpis::localAuthorities).isInstanceOf(TransactionRetriesExhaustedException.class);
    assertThat(calls).hasValue(1);
  }
}
