/**
 * A CP-IS store on PostgreSQL: {@link org.cpis.store.postgres.PostgresCpisStore} on a host's
 * {@link javax.sql.DataSource}, registered with {@link org.cpis.store.CpisStores} as {@code
 * postgres}.
 */
package org.cpis.store.postgres;
