package org.cpis.store;

/**
 * Makes a store available to {@link CpisStores#discover()}. Register an implementation in
 * {@code META-INF/services/org.cpis.store.CpisStoreProvider}.
 */
public interface CpisStoreProvider {

  /** A short, unique name, e.g. {@code in-memory}, by which a user can choose this provider. */
  String name();

  /** A new, empty-or-connected store. */
  CpisStore create();
}
