package org.cpis.store.inmemory;

import org.cpis.store.CpisStore;
import org.cpis.store.CpisStoreProvider;

/** Registers the in-memory store with {@link org.cpis.store.CpisStores} as {@value #NAME}. */
public final class InMemoryCpisStoreProvider implements CpisStoreProvider {

  public static final String NAME = "in-memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CpisStore create() {
    return new InMemoryCpisStore();
  }
}
