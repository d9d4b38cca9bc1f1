package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.store.CpisStore;
import org.cpis.store.CpisStoreProvider;
import org.cpis.store.CpisStores;
import org.cpis.store.StoreTransaction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory store registers itself with ServiceLoader under the name {@code in-memory}. */
class InMemoryCpisStoreProviderTest {

  @Test
  @DisplayName("ServiceLoader finds exactly one store provider on this class path: in-memory")
  void registered() {
    assertThat(
            ServiceLoader.load(CpisStoreProvider.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toList()))
        .containsExactly("in-memory");
  }

  @Test
  @DisplayName("CpisStores.discover() finds the in-memory store when no provider is named")
  void discovered() {
    String before = System.getProperty(CpisStores.PROVIDER_PROPERTY);
    System.clearProperty(CpisStores.PROVIDER_PROPERTY);
    try {
      assertThat(CpisStores.discover()).isInstanceOf(InMemoryCpisStore.class);
    } finally {
      if (before != null) {
        System.setProperty(CpisStores.PROVIDER_PROPERTY, before);
      }
    }
  }

  @Test
  @DisplayName("CpisStores.named(\"in-memory\") gives a new, empty in-memory store each time")
  void named() {
    CpisStore first = CpisStores.named("in-memory");
    CpisStore second = CpisStores.named("in-memory");
    assertThat(first).isInstanceOf(InMemoryCpisStore.class).isNotSameAs(second);
    AuditEntry entry =
        AuditEntry.builder()
            .sequence(1)
            .at(Instant.parse("2025-03-01T10:00:00Z"))
            .action(AuditAction.CHECK)
            .actor("tester")
            .detail("one entry")
            .previousHash("")
            .hash("h1")
            .build();
    first.runInTransaction(tx -> {
      tx.audit().append(entry);
    });
    Function<StoreTransaction, Optional<AuditEntry>> last = tx -> tx.audit().last();
    assertThat(first.inTransaction(last)).contains(entry);
    assertThat(second.inTransaction(last)).isEmpty();
  }
}
