/**
 * The national CP-IS FHIR API on localhost, backed by a real {@link org.cpis.Cpis} engine, for EPR
 * developers' integration tests: {@link org.cpis.sandbox.SandboxServer} serves {@code GET
 * /CareTeam}, {@code GET /AuditEvent} and {@code GET /metadata} as the national service does, and
 * sandbox-only endpoints under {@code /_sandbox} to set up and inspect a case. {@link
 * org.cpis.sandbox.Sandbox} is the command that starts it.
 */
@CpisStyle
package org.cpis.sandbox;

import org.cpis.model.CpisStyle;
