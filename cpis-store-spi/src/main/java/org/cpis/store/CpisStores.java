package org.cpis.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds a store through {@link ServiceLoader}. An explicit choice beats discovery: the system
 * property {@value #PROVIDER_PROPERTY} names the provider to use when several are present.
 * The provider's configuration is a map of keys to values; from system properties, every
 * property starting with {@value #CONFIG_PREFIX} is passed with the prefix taken off ({@code
 * -Dcpis.store.url=jdbc:postgresql://db/cpis} gives the key {@code url}).
 */
public final class CpisStores {

  /** System property naming the provider to use, e.g. {@code -Dcpis.store=in-memory}. */
  public static final String PROVIDER_PROPERTY = "cpis.store";

  /** The prefix of system properties passed to the provider as its configuration. */
  public static final String CONFIG_PREFIX = PROVIDER_PROPERTY + ".";

  private CpisStores() {}

  /**
   * A store from the one provider on the class path, or from the provider named by {@value
   * #PROVIDER_PROPERTY}.
   *
   * @throws IllegalStateException if none is found, the named one is missing, or several are
   *     found and none is named; the message says what was found and how to choose
   */
  public static CpisStore discover() {
    return discover(providers(), System.getProperty(PROVIDER_PROPERTY), configFrom(System.getProperties()));
  }

  /** A store from the provider with this name, configured from system properties. */
  public static CpisStore named(String name) {
    return named(name, configFrom(System.getProperties()));
  }

  /** A store from the provider with this name, configured by {@code config}. */
  public static CpisStore named(String name, Map<String, String> config) {
    return discover(providers(), name, Map.copyOf(config));
  }

  /** The provider configuration in {@code properties}: the {@value #CONFIG_PREFIX} keys, prefix removed. */
  static Map<String, String> configFrom(Properties properties) {
    Map<String, String> config = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(CONFIG_PREFIX) && key.length() > CONFIG_PREFIX.length()) {
        config.put(key.substring(CONFIG_PREFIX.length()), properties.getProperty(key));
      }
    }
    return config;
  }

  private static Iterable<CpisStoreProvider> providers() {
    return ServiceLoader.load(CpisStoreProvider.class, CpisStores.class.getClassLoader());
  }

  static CpisStore discover(Iterable<CpisStoreProvider> found, String chosen, Map<String, String> config) {
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
          .create(config);
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
    return providers.get(0).create(config);
  }
}
