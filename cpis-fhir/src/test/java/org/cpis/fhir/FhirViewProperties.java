package org.cpis.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.fhir.Fixtures.BASE;
import static org.cpis.fhir.Fixtures.FHIR;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.cpis.CheckResult;
import org.cpis.VisiblePlan;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.NhsNumber;
import org.cpis.rules.AccessKind;
import org.cpis.testkit.CpisArbitraries;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;

/**
 * Every resource of the view survives HAPI's strict JSON parser, and what an EPR reads back from
 * the CareTeam and AuditEvent searches is what the engine showed.
 */
class FhirViewProperties {

  @Property(tries = 150)
  void careTeamsReadBackAsTheVisiblePlans(
      @ForAll("nhsNumbers") NhsNumber child, @ForAll("visiblePlans") @Size(max = 4) List<VisiblePlan> plans) {
    CheckResult result = result(child, plans, List.of());
    Bundle bundle = roundTrip(CareTeams.searchset(result, BASE, BASE + "/CareTeam"));

    assertThat(bundle.getTotal()).isEqualTo(plans.size());
    assertThat(CareTeams.plans(bundle)).isEqualTo(plans);
  }

  @Property(tries = 150)
  void auditEventsReadBackAsTheAccessesWithOneIncludedViewerEach(
      @ForAll("nhsNumbers") NhsNumber child, @ForAll("accesses") @Size(max = 25) List<AccessEvent> accesses) {
    List<AccessEvent> ofChild =
        accesses.stream()
            .map(a -> AccessEvent.builder().from(a).subject(child).accessedAt(a.accessedAt().truncatedTo(ChronoUnit.MILLIS)).build())
            .collect(Collectors.toList());
    Bundle bundle = roundTrip(AccessHistory.searchset(result(child, List.of(), ofChild), BASE, BASE + "/AuditEvent"));

    assertThat(bundle.getTotal()).isEqualTo(ofChild.size());
    assertThat(AccessHistory.accesses(bundle)).isEqualTo(ofChild);
    long viewers = ofChild.stream().map(a -> List.of(a.accessor(), a.organisation())).distinct().count();
    assertThat(bundle.getEntry().size() - ofChild.size()).isEqualTo((int) viewers);
  }

  @Property(tries = 100)
  void notificationsAndAuditEntriesParseStrictly(
      @ForAll("notifications") AccessNotification n, @ForAll("auditEntries") AuditEntry entry) {
    Communication c = FHIR.parseStrictly(Communication.class, FHIR.encode(NotificationMessages.communication(n)));
    assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo(n.id().value());
    assertThat(c.getSubject().getIdentifier().getValue()).isEqualTo(n.subject().value());

    AuditEvent e = FHIR.parseStrictly(AuditEvent.class, FHIR.encode(AuditTrail.auditEvent(entry)));
    assertThat(e.getType().getCode()).isEqualTo(entry.action().name());
    assertThat(e.getOutcomeDesc()).isEqualTo(entry.detail());
  }

  private static Bundle roundTrip(Bundle bundle) {
    return FHIR.parseStrictly(Bundle.class, FHIR.encode(bundle));
  }

  private static CheckResult result(NhsNumber child, List<VisiblePlan> plans, List<AccessEvent> recent) {
    return CheckResult.builder()
        .nhsNumber(child)
        .checkedAt(java.time.Instant.parse("2025-03-03T14:20:00Z"))
        .accessKind(AccessKind.UNSCHEDULED)
        .plans(plans)
        .recentAccesses(recent)
        .build();
  }

  @Provide
  Arbitrary<NhsNumber> nhsNumbers() {
    return CpisArbitraries.nhsNumbers();
  }

  @Provide
  Arbitrary<List<VisiblePlan>> visiblePlans() {
    return Combinators.combine(CpisArbitraries.plans(), CpisArbitraries.localAuthorities(), Arbitraries.of(true, false))
        .as((p, la, active) -> Fixtures.plan(p, la, active))
        // the local authority named in a CareTeam is the plan's owner, as in a real check
        .<VisiblePlan>map(v -> VisiblePlan.builder().from(v).localAuthority(
            org.cpis.model.LocalAuthority.builder().from(v.localAuthority()).odsCode(v.planId().localAuthority()).build()).build())
        .list()
        .uniqueElements(VisiblePlan::planId);
  }

  @Provide
  Arbitrary<List<AccessEvent>> accesses() {
    return CpisArbitraries.accessEvents().list().uniqueElements(AccessEvent::id);
  }

  @Provide
  Arbitrary<AccessNotification> notifications() {
    return CpisArbitraries.accessNotifications();
  }

  @Provide
  Arbitrary<AuditEntry> auditEntries() {
    return CpisArbitraries.auditEntries();
  }
}
