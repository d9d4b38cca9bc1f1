package org.cpis.store.postgres;

import org.cpis.store.CpisStore;
import org.cpis.testkit.conformance.CpisStoreConformanceKit;

/** The PostgreSQL store passes the whole conformance kit, on a real server, in a schema of its own. */
class PostgresCpisStoreConformanceTest extends CpisStoreConformanceKit {

  private static final TestDatabase DATABASE = TestDatabase.create();
  private static final PostgresCpisStore STORE = DATABASE.store(DATABASE.pool("cpis-kit", 8));

  @Override
  protected CpisStore createStore() {
    DATABASE.emptyAllTables(); // new and empty, every time
    return STORE;
  }
}
