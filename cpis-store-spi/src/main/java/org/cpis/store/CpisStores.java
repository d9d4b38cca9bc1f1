package org.cpis.store;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds a store through {@link ServiceLoader}. An explicit choice beats discovery: the system
 * property {@value #PROVIDER_PROPERTY} names the provider to use when several are present.
 */
public final class CpisStores {

  /** System property naming the provider to use, e.g. {@code -Dcpis.store=in-memory}. */
  public static final String PROVIDER_PROPERTY = "cpis.store";

  private CpisStores() {}

  /**
   * A store from the one provider on the class path, or from the provider named by {@value
   * #PROVIDER_PROPERTY}.
   *
   * @throws IllegalStateException if none is found, the named one is missing, or several are
   *     found and none is named; the message says what was found and how to choose
   */
  public static CpisStore discover() {
    return discover(
        ServiceLoader.load(CpisStoreProvider.class, CpisStores.class.getClassLoader()),
        System.getProperty(PROVIDER_PROPERTY));
  }

  /** A store from the provider with this name. */
  public static CpisStore named(String name) {
    return discover(
        ServiceLoader.load(CpisStoreProvider.class, CpisStores.class.getClassLoader()), name);
  }

  static CpisStore discover(Iterable<CpisStoreProvider> found, String chosen) {
    List<CpisStoreProvider> providers = new ArrayList<>();
    found.forEach(providers::add);
    String names = providers.stream().map(CpisStoreProvider::name).sorted().collect(Collectors.joining(", "));
    if (chosen != null && !chosen.isBlank()) {
      return providers.stream()
          .filter(p -> p.name().equals(chosen.trim()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No CP-IS store provider named '" + chosen.trim() + "'; found: ["
                          + names + "]"))
          .create();
    }
    if (providers.isEmpty()) {
      throw new IllegalStateException(
          "No CP-IS store provider found on the class path. Add a store such as"
              + " org.cpis:cpis-store-inmemory, or pass a store to Cpis.builder().store(...).");
    }
    if (providers.size() > 1) {
      throw new IllegalStateException(
          "Several CP-IS store providers found: [" + names + "]. Choose one with -D"
              + PROVIDER_PROPERTY + "=NAME or CpisStores.named(NAME).");
    }
    return providers.get(0).create();
  }
}
