package org.cpis.store;

import java.util.Map;

/**
 * Makes a store available to {@link CpisStores#discover()}. Register an implementation in
 * {@code META-INF/services/org.cpis.store.CpisStoreProvider}.
 */
public interface CpisStoreProvider {

  /** A short, unique name, e.g. {@code in-memory}, by which a user can choose this provider. */
  String name();

  /**
   * A new, empty-or-connected store, configured by {@code config}: keys without the {@code
   * cpis.store.} prefix (for example {@code url}, {@code schema}), each provider documenting the
   * keys it reads. A provider refuses a key it does not know, so that a misspelt setting is not
   * silently ignored.
   *
   * @throws IllegalArgumentException if a key is unknown or a value is invalid; the message
   *     names the key
   */
  CpisStore create(Map<String, String> config);

  /** A store with the provider's defaults: {@code create(Map.of())}. */
  default CpisStore create() {
    return create(Map.of());
  }
}
