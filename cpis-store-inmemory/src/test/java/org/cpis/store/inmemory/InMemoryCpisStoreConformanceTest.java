package org.cpis.store.inmemory;

import org.cpis.store.CpisStore;
import org.cpis.testkit.conformance.CpisStoreConformanceKit;

/** The reference store passes the whole conformance kit. */
class InMemoryCpisStoreConformanceTest extends CpisStoreConformanceKit {

  @Override
  protected CpisStore createStore() {
    return new InMemoryCpisStore();
  }
}
