package org.cpis.store.inmemory;

import java.util.Map;
import java.util.TreeSet;

import org.cpis.store.CpisStore;
import org.cpis.store.CpisStoreProvider;

/** Registers the in-memory store with {@link org.cpis.store.CpisStores} as {@value #NAME}. */
public final class InMemoryCpisStoreProvider implements CpisStoreProvider {

  public static final String NAME = "in-memory";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A new, empty store. The in-memory store has no settings.
   *
   * @throws IllegalArgumentException if {@code config} has any key, naming it
   */
  @Override
  public CpisStore create(Map<String, String> config) {
    if (!config.isEmpty()) {
      throw new IllegalArgumentException(
          "The in-memory CP-IS store has no settings; unknown: " + new TreeSet<>(config.keySet()));
    }
    return new InMemoryCpisStore();
  }
}
