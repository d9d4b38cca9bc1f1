/**
 * For users and store vendors: jqwik generators for every CP-IS record ({@code CpisArbitraries})
 * and the store conformance kit.
 */
package org.cpis.testkit;
