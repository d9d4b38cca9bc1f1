/**
 * The records that CP-IS keeps: identifiers ({@link org.cpis.model.NhsNumber}, {@link
 * org.cpis.model.OdsCode}), protection plans, access events, notifications, reviews and audit
 * entries. Every record is an immutable value with a builder; invariants are checked on build.
 *
 * <p>Every date a record holds is one {@link org.cpis.model.CpisDates} accepts (a four-digit year
 * from 1900 to 2199). Null policy: a builder given null, or built without a mandatory attribute,
 * throws {@link java.lang.NullPointerException} or {@link java.lang.IllegalStateException} naming
 * the attribute; an absent value is an empty {@code Optional}. The text factories ({@code
 * NhsNumber.parse}, {@code OdsCode.of}, {@code RecordId.of}, {@code PlanId.of}) treat null as
 * invalid text and throw their typed {@link java.lang.IllegalArgumentException}. No message
 * repeats the text it refused.
 */
@CpisStyle
package org.cpis.model;
