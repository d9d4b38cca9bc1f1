package org.cpis.testkit;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.domains.DomainContextBase;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.Accessor;
import org.cpis.model.AuditEntry;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;

/**
 * A jqwik domain that injects every CP-IS record by type from {@link CpisArbitraries}:
 * annotate a container or property with {@code @Domain(CpisDomain.class)} and write {@code
 * @ForAll NhsNumber n}, {@code @ForAll ProtectionPlan p}, {@code @ForAll LocalDate d} and so on.
 *
 * <p>It includes jqwik's global domain, so {@code int}, {@code String}, enums such as {@code
 * PlanType} and {@code CareSetting}, and containers ({@code List<ProtectionPlan>}) still work.
 * Dates and instants come from {@link CpisArbitraries#dates()} and {@link
 * CpisArbitraries#instants()}.
 */
@Domain(DomainContext.Global.class)
public class CpisDomain extends DomainContextBase {

  @Provide
  Arbitrary<NhsNumber> nhsNumbers() {
    return CpisArbitraries.nhsNumbers();
  }

  @Provide
  Arbitrary<OdsCode> odsCodes() {
    return CpisArbitraries.odsCodes();
  }

  @Provide
  Arbitrary<LocalAuthority> localAuthorities() {
    return CpisArbitraries.localAuthorities();
  }

  @Provide
  Arbitrary<PlanId> planIds() {
    return CpisArbitraries.planIds();
  }

  @Provide
  Arbitrary<RecordId> recordIds() {
    return CpisArbitraries.recordIds();
  }

  @Provide
  Arbitrary<ProtectionPlan> plans() {
    return CpisArbitraries.plans();
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return CpisArbitraries.dates();
  }

  @Provide
  Arbitrary<Instant> instants() {
    return CpisArbitraries.instants();
  }

  @Provide
  Arbitrary<Accessor> accessors() {
    return CpisArbitraries.accessors();
  }

  @Provide
  Arbitrary<Organisation> organisations() {
    return CpisArbitraries.organisations();
  }

  @Provide
  Arbitrary<AccessEvent> accessEvents() {
    return CpisArbitraries.accessEvents();
  }

  @Provide
  Arbitrary<AccessNotification> accessNotifications() {
    return CpisArbitraries.accessNotifications();
  }

  @Provide
  Arbitrary<Review> reviews() {
    return CpisArbitraries.reviews();
  }

  @Provide
  Arbitrary<AuditEntry> auditEntries() {
    return CpisArbitraries.auditEntries();
  }

  @Provide
  Arbitrary<UploadReceipt> uploadReceipts() {
    return CpisArbitraries.uploadReceipts();
  }

  @Provide
  Arbitrary<UploadRow> uploadRows() {
    return CpisArbitraries.uploadRows(0.2);
  }
}
