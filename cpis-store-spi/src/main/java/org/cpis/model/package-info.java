/**
 * The records that CP-IS keeps: identifiers ({@link org.cpis.model.NhsNumber}, {@link
 * org.cpis.model.OdsCode}), protection plans, access events, notifications, reviews and audit
 * entries. Every record is an immutable value with a builder; invariants are checked on build.
 */
@CpisStyle
package org.cpis.model;
