/**
 * The reference CP-IS store, held in memory: thread-safe, with serializable, all-or-nothing
 * transactions. Use it directly ({@code new InMemoryCpisStore()}) or through {@link
 * org.cpis.store.CpisStores#discover()} under the name {@code in-memory}.
 */
package org.cpis.store.inmemory;
