/**
 * The CP-IS engine facade: {@link org.cpis.Cpis} applies the pure rules of {@code
 * org.cpis.rules} through the store SPI ({@code org.cpis.store}) and the {@link
 * org.cpis.Notifier} SPI. It reads like the service: the local-authority side ({@link
 * org.cpis.LocalAuthorityDesk}), the health side ({@link org.cpis.HealthService}), the review
 * inbox ({@link org.cpis.ReviewInbox}), the notification outbox, retention and audit.
 *
 * <p>Every value it returns is an immutable value with a builder; no {@code toString()}, log line
 * or exception message of this package holds an unmasked NHS number.
 */
@CpisStyle
package org.cpis;

import org.cpis.model.CpisStyle;
