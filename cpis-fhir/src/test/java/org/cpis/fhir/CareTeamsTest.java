package org.cpis.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpis.fhir.Fixtures.BASE;
import static org.cpis.fhir.Fixtures.FHIR;

import java.util.List;
import org.cpis.VisiblePlan;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A CareTeam search result")
class CareTeamsTest {

  private static final String SELF =
      BASE + "/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9995260182";

  @Test
  @DisplayName("shows one CareTeam per visible plan: SNOMED CT category, period, local authority, its two numbers, the child")
  void oneCareTeamPerPlan() {
    Bundle bundle = parsed(CareTeams.searchset(Fixtures.result(List.of(Fixtures.childProtectionPlan()), List.of()), BASE, SELF));

    assertThat(bundle.getType()).isEqualTo(BundleType.SEARCHSET);
    assertThat(bundle.getTotal()).isEqualTo(1);
    assertThat(bundle.getLink("self").getUrl()).isEqualTo(SELF);
    Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
    assertThat(entry.getSearch().getMode()).isEqualTo(SearchEntryMode.MATCH);
    CareTeam team = (CareTeam) entry.getResource();
    assertThat(entry.getFullUrl()).isEqualTo(BASE + "/CareTeam/" + team.getIdElement().getIdPart());
    assertThat(team.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
    assertThat(team.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("342191000000101");
    assertThat(team.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-11-04");
    assertThat(team.getPeriod().hasEnd()).isFalse();
    assertThat(team.getName()).isEqualTo("Islington");
    assertThat(team.getTelecom())
        .extracting(t -> t.getUse(), t -> t.getValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ContactPointUse.WORK, "020 7946 0100"),
            org.assertj.core.groups.Tuple.tuple(ContactPointUse.MOBILE, "020 7946 0199"));
    assertThat(team.getSubject().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
    assertThat(team.getSubject().getIdentifier().getValue()).isEqualTo("9995260182");
    assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.ACTIVE);
  }

  @Test
  @DisplayName("for a child with no visible plan has total 0 and no entry")
  void noPlan() {
    Bundle bundle = parsed(CareTeams.searchset(Fixtures.result(List.of(), List.of()), BASE, SELF));

    assertThat(bundle.getTotal()).isZero();
    assertThat(bundle.hasEntry()).isFalse();
    assertThat(FHIR.encode(bundle)).contains("\"total\":0").doesNotContain("\"entry\"");
  }

  @Test
  @DisplayName("names the three plan types by their SNOMED CT concepts")
  void planConcepts() {
    assertThat(org.cpis.model.PlanType.values())
        .extracting(t -> CareTeams.careTeam(Fixtures.CHILD, VisiblePlan.builder().from(Fixtures.childProtectionPlan())
            .type(t)
            .expectedDeliveryDate(t.isUnborn() ? java.util.Optional.of(java.time.LocalDate.of(2025, 3, 20)) : java.util.Optional.empty())
            .build()).getCategoryFirstRep().getCodingFirstRep().getCode())
        .containsExactly("342191000000101", "764841000000100", "818901000000100");
  }

  private static Bundle parsed(Bundle bundle) {
    return FHIR.parseStrictly(Bundle.class, FHIR.encode(bundle));
  }

  @Test
  @DisplayName("gives a plan held under a previous number that number as an extra identifier, use old, and reads it back")
  void previousNumberIsAnExtraIdentifier() {
    VisiblePlan plan =
        VisiblePlan.builder()
            .from(Fixtures.childProtectionPlan())
            .heldUnder(org.cpis.model.NhsNumber.parse("9990308241"))
            .heldUnderPreviousNumber(true)
            .build();
    Bundle bundle = parsed(CareTeams.searchset(Fixtures.result(List.of(plan), List.of()), BASE, SELF));
    CareTeam team = (CareTeam) bundle.getEntryFirstRep().getResource();

    assertThat(team.getIdentifier())
        .filteredOn(i -> "https://fhir.nhs.uk/Id/nhs-number".equals(i.getSystem()))
        .singleElement()
        .satisfies(i -> {
          assertThat(i.getValue()).isEqualTo("9990308241");
          assertThat(i.getUse()).isEqualTo(org.hl7.fhir.r4.model.Identifier.IdentifierUse.OLD);
        });
    assertThat(CareTeams.plans(bundle)).containsExactly(plan);
  }
}
