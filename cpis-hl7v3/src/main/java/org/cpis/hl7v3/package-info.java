/**
 * The national CP-IS HL7 V3 messages on the JDK's own XML APIs: {@link
 * org.cpis.hl7v3.Hl7FileReader} reads a local authority's upload {@code File}
 * (REPC_MT000002GB01) into the records {@link org.cpis.LocalAuthorityDesk#upload(java.util.List)}
 * applies, {@link org.cpis.hl7v3.FileResponseWriter} answers with the {@code FileResponse}
 * (REPC_MT000003GB01), {@link org.cpis.hl7v3.AccessToServiceNotificationWriter} and {@link
 * org.cpis.hl7v3.InactiveNhsNumberNotificationWriter} write the two notifications
 * (REPC_MT000004GB01, REPC_MT000005GB01). The decisions the schemas leave open are in the
 * module's README.
 *
 * <p>No {@code toString()}, log line or exception message of this package holds an unmasked NHS
 * number; the messages themselves carry NHS numbers, as the national service requires.
 */
@CpisStyle
package org.cpis.hl7v3;

import org.cpis.model.CpisStyle;
