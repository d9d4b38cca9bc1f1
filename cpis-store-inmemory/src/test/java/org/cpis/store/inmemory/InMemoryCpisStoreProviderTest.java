package org.cpis.store.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditRecord;
import org.cpis.model.RecordId;
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
    AuditRecord record =
        AuditRecord.builder()
            .id(RecordId.of("a-1"))
            .at(Instant.parse("2025-03-01T10:00:00Z"))
            .action(AuditAction.CHECK)
            .actor("tester")
            .detail("one entry")
            .build();
    first.runInTransaction(tx -> tx.audit().append(record));
    Function<StoreTransaction, List<AuditRecord>> unsealed = tx -> tx.audit().findUnsealed(10);
    assertThat(first.inTransaction(unsealed)).containsExactly(record);
    assertThat(second.inTransaction(unsealed)).isEmpty();
  }

  @Test
  @DisplayName("The in-memory provider has no settings: a configuration key is refused, naming it")
  void refusesConfiguration() {
    assertThat(new InMemoryCpisStoreProvider().create(Map.of())).isInstanceOf(InMemoryCpisStore.class);
    assertThatThrownBy(() -> new InMemoryCpisStoreProvider().create(Map.of("url", "jdbc:x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
  }
}
