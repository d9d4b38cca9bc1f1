package org.cpis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How {@link CpisStores} chooses a store from the providers it finds. */
class CpisStoresTest {

  /** A store that only says which provider made it. */
  private static final class MarkedStore implements CpisStore {
    final String madeBy;
    final Map<String, String> config;

    MarkedStore(String madeBy, Map<String, String> config) {
      this.madeBy = madeBy;
      this.config = config;
    }

    @Override
    public <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
      throw new UnsupportedOperationException("not used here");
    }
  }

  private static CpisStoreProvider provider(String name) {
    return new CpisStoreProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CpisStore create(Map<String, String> config) {
        return new MarkedStore(name, config);
      }
    };
  }

  private static String madeBy(CpisStore store) {
    return ((MarkedStore) store).madeBy;
  }

  @Test
  @DisplayName("With one provider and none named, that provider makes the store")
  void oneProvider() {
    assertThat(madeBy(CpisStores.discover(List.of(provider("in-memory")), null, Map.of()))).isEqualTo("in-memory");
  }

  @Test
  @DisplayName("With no provider found, the message says none was found and how to add one")
  void noneFound() {
    assertThatThrownBy(() -> CpisStores.discover(List.of(), null, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No CP-IS store provider found")
        .hasMessageContaining("cpis-store-inmemory")
        .hasMessageContaining("Cpis.builder().store(");
  }

  @Test
  @DisplayName("With several providers and none named, the message lists their names, sorted, and how to choose")
  void severalFound() {
    assertThatThrownBy(
            () -> CpisStores.discover(List.of(provider("postgres"), provider("in-memory")), null, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[in-memory, postgres]")
        .hasMessageContaining("-D" + CpisStores.PROVIDER_PROPERTY + "=NAME")
        .hasMessageContaining("CpisStores.named(NAME)");
  }

  @Test
  @DisplayName("A named provider is chosen among several; the name may carry surrounding spaces")
  void namedAmongSeveral() {
    List<CpisStoreProvider> found = List.of(provider("postgres"), provider("in-memory"));
    assertThat(madeBy(CpisStores.discover(found, "postgres", Map.of()))).isEqualTo("postgres");
    assertThat(madeBy(CpisStores.discover(found, " in-memory ", Map.of()))).isEqualTo("in-memory");
  }

  @Test
  @DisplayName("A named provider that is not found fails with a message naming it and listing those found")
  void namedMissing() {
    assertThatThrownBy(() -> CpisStores.discover(List.of(provider("in-memory")), "postgres", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'postgres'")
        .hasMessageContaining("found: [in-memory]");
    assertThatThrownBy(() -> CpisStores.discover(List.of(), "postgres", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'postgres'")
        .hasMessageContaining("found: []");
  }

  @Test
  @DisplayName("A blank name counts as no name")
  void blankNameIsNoName() {
    assertThat(madeBy(CpisStores.discover(List.of(provider("in-memory")), "  ", Map.of()))).isEqualTo("in-memory");
    assertThatThrownBy(() -> CpisStores.discover(List.of(provider("a"), provider("b")), "", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Several CP-IS store providers found");
  }

  @Test
  @DisplayName("Discovery through ServiceLoader with no store on the class path fails with the none-found message")
  void serviceLoaderWithoutStores() {
    String before = System.getProperty(CpisStores.PROVIDER_PROPERTY);
    System.clearProperty(CpisStores.PROVIDER_PROPERTY);
    try {
      assertThatThrownBy(CpisStores::discover)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("No CP-IS store provider found");
    } finally {
      if (before != null) {
        System.setProperty(CpisStores.PROVIDER_PROPERTY, before);
      }
    }
  }

  @Test
  @DisplayName("The provider is given the cpis.store.* system properties, prefix removed, and nothing else")
  void configFromSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("cpis.store", "postgres");
    properties.setProperty("cpis.store.url", "jdbc:postgresql://db/cpis");
    properties.setProperty("cpis.store.schema", "cpis");
    properties.setProperty("cpis.storefront", "not ours");
    properties.setProperty("user.home", "/home/x");
    Map<String, String> config = CpisStores.configFrom(properties);
    assertThat(config).containsOnly(Map.entry("url", "jdbc:postgresql://db/cpis"), Map.entry("schema", "cpis"));
  }

  @Test
  @DisplayName("A store named with a configuration is made by that provider with that configuration")
  void namedWithConfig() {
    CpisStore store =
        CpisStores.discover(List.of(provider("postgres"), provider("in-memory")), "postgres", Map.of("url", "u"));
    assertThat(madeBy(store)).isEqualTo("postgres");
    assertThat(((MarkedStore) store).config).isEqualTo(Map.of("url", "u"));
  }

  @Test
  @DisplayName("A store's create() with no arguments is create(Map.of()): the provider's defaults")
  void createWithoutConfig() {
    assertThat(((MarkedStore) provider("x").create()).config).isEmpty();
  }
}
