/**
 * The CP-IS rules as small pure functions over the records and a date: visibility and
 * retention, unborn linkage, upload validation and reconciliation, notification routing,
 * review deadlines, feed freshness and the audit hash chain. No I/O, no clock: the caller
 * passes the date or time.
 */
@CpisStyle
package org.cpis.rules;

import org.cpis.model.CpisStyle;
