package org.cpis.store.postgres;

import org.cpis.store.CpisStore;
import org.cpis.store.StoreTransaction;
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

  /** A statement PostgreSQL refuses (division by zero): a failure that is not a refusal. */
  @Override
  protected void failInside(StoreTransaction tx) {
    ((PostgresCpisStore.Transaction) tx).session().query("SELECT 1 / 0", rs -> rs.getInt(1));
  }
}
