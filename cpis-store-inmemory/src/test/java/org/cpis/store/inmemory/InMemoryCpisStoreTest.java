package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.store.PlanStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory store promises beyond the conformance kit: transactions are not nested, and
 * a transaction's stores are used only on the thread that runs it.
 */
@DisplayName("The in-memory store")
class InMemoryCpisStoreTest {

  private final InMemoryCpisStore store = new InMemoryCpisStore();
  private final ProtectionPlan plan =
      ProtectionPlan.builder()
          .id(PlanId.of(OdsCode.of("714"), "CP-1"))
          .subject(NhsNumber.parse("943 476 5919"))
          .type(PlanType.CHILD_PROTECTION_PLAN)
          .start(LocalDate.of(2024, 5, 1))
          .build();

  @Test
  @DisplayName("A transaction started inside another is refused, and the outer one applies nothing")
  void nestedTransactionsAreRefused() {
    assertThatThrownBy(
            () ->
                store.runInTransaction(
                    outer -> {
                      outer.plans().insert(plan);
                      store.runInTransaction(inner -> inner.plans().find(plan.id()));
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nested");

    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("A transaction's store used from another thread while it is open is refused")
  void storesStayOnTheirThread() {
    List<Throwable> failure =
        store.inTransaction(
            tx -> {
              PlanStore plans = tx.plans();
              try {
                CompletableFuture.runAsync(() -> plans.insert(plan)).get();
                return List.of();
              } catch (ExecutionException e) {
                return List.of(e.getCause());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });

    assertThat(failure).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("A transaction's store kept after its unit of work returned is refused, on the same thread, and writes nothing")
  void closedTransactionsAreRefused() {
    PlanStore kept = store.inTransaction(tx -> tx.plans());

    assertThatThrownBy(() -> kept.insert(plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside its unit of work");
    assertThatThrownBy(() -> kept.find(plan.id())).isInstanceOf(IllegalStateException.class);
    assertThat(stored()).isEmpty();
  }

  private Optional<ProtectionPlan> stored() {
    return store.inTransaction(tx -> tx.plans().find(plan.id()));
  }
}
