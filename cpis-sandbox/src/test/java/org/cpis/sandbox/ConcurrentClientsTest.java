package org.cpis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many EPR clients at once: every answer is the right child's, and the engine records exactly
 * what the requests asked for — one audit entry per check, one notification per unscheduled check
 * of a child on a plan, nothing lost or doubled.
 */
@DisplayName("Concurrent clients")
class ConcurrentClientsTest {

  private static final int CLIENTS = 16;
  private static final int REQUESTS_EACH = 25;

  /** Each child and its owning authority; NO_PLAN has none. */
  private static final Map<String, String> OWNER =
      Map.of(
          ScenarioNumbers.CPP_CHILD, ScenarioNumbers.ISLINGTON,
          ScenarioNumbers.LAC_CHILD, ScenarioNumbers.ISLINGTON,
          ScenarioNumbers.MASH_CHILD, ScenarioNumbers.CAMDEN,
          ScenarioNumbers.CAMDEN_LAC_CHILD, ScenarioNumbers.CAMDEN,
          ScenarioNumbers.NO_PLAN, "");

  private static final List<String> CHILDREN = List.copyOf(OWNER.keySet());

  @Test
  @DisplayName("each get their own child's plans, and every unscheduled check notifies once")
  void concurrentChecks() throws Exception {
    try (SandboxServer sandbox = SandboxServer.builder().port(0).build().start()) {
      SandboxClient control = new SandboxClient(sandbox.baseUrl());
      int auditedBefore = control.auditEntries();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<int[]>> results = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        results.add(pool.submit((Callable<int[]>) () -> run(sandbox.baseUrl(), client)));
      }
      int islington = 0;
      int camden = 0;
      for (Future<int[]> f : results) {
        int[] notified = f.get();
        islington += notified[0];
        camden += notified[1];
      }
      pool.shutdown();

      assertThat(islington + camden).isPositive();
      assertThat(control.notifications(ScenarioNumbers.ISLINGTON)).hasSize(islington);
      assertThat(control.notifications(ScenarioNumbers.CAMDEN)).hasSize(camden);
      assertThat(control.auditEntries()).isEqualTo(auditedBefore + CLIENTS * REQUESTS_EACH);
    }
  }

  /** One client's requests; returns how many notifications it caused for Islington and Camden. */
  private static int[] run(String base, int client) {
    SandboxClient epr = new SandboxClient(base);
    int[] notified = new int[2];
    for (int i = 0; i < REQUESTS_EACH; i++) {
      String child = CHILDREN.get((client + i) % CHILDREN.size());
      boolean unscheduled = (client + i) % 3 != 0;
      Bundle bundle = epr.careTeams("ed-nurse", child, unscheduled);
      String owner = OWNER.get(child);
      assertThat(bundle.getTotal()).isEqualTo(owner.isEmpty() ? 0 : 1);
      bundle.getEntry().forEach(e ->
          assertThat(((CareTeam) e.getResource()).getSubject().getIdentifier().getValue()).isEqualTo(child));
      if (unscheduled && !owner.isEmpty()) {
        notified[owner.equals(ScenarioNumbers.ISLINGTON) ? 0 : 1]++;
      }
    }
    return notified;
  }
}
