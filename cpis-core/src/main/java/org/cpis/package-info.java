/**
 * The CP-IS engine facade: {@link org.cpis.Cpis} applies the pure rules of {@code
 * org.cpis.rules} through the store SPI ({@code org.cpis.store}) and the {@link
 * org.cpis.Notifier} SPI. It reads like the service: the local-authority side ({@link
 * org.cpis.LocalAuthorityDesk}), the health side ({@link org.cpis.HealthService}), the review
 * inbox ({@link org.cpis.ReviewInbox}), the notification outbox, retention and audit.
 *
 * <p>Every value it returns is an immutable value with a builder; no {@code toString()}, log line
 * or exception message of this package holds an unmasked NHS number.
 *
 * <p><b>Null policy.</b> No public method or builder of this package or of {@code org.cpis.rules}
 * accepts null, and none returns it (an absent value is an empty {@code Optional}). A null
 * argument throws {@link java.lang.NullPointerException} at once, before any store work, with the
 * parameter's name as its message ({@code records}, {@code csv}, {@code executor}; an element of a
 * list as {@code records[3]}). Every {@link org.cpis.CpisException}'s message is at most 500
 * characters and never holds a run of ten digits.
 */
@CpisStyle
package org.cpis;

import org.cpis.model.CpisStyle;
