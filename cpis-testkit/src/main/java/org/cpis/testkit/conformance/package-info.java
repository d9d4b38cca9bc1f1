/**
 * The store conformance kit: {@link org.cpis.testkit.conformance.CpisStoreConformanceKit}, the
 * contracts of the store SPI ({@code org.cpis.store}) as tests that a store's own test class
 * inherits by overriding one factory method. It proves the design's store principles
 * (all-or-nothing, serializable transactions; stable ids; queries answered with the dates and
 * limits the rules give) and the storage side of rules 7 (the outbox), 8 (the review inbox) and
 * 9 (purge by subject, the append-only audit log).
 */
package org.cpis.testkit.conformance;
