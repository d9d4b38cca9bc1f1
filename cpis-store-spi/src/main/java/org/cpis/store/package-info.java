/**
 * The store SPI: narrow interfaces, each operation one plain statement on a relational database.
 * No rule lives in a store: the engine computes the dates and limits it asks with. A store runs
 * a unit of work through {@link org.cpis.store.CpisStore#inTransaction} and applies all of it or
 * none of it. Implementations are proven with the conformance kit in {@code cpis-testkit}.
 */
package org.cpis.store;
