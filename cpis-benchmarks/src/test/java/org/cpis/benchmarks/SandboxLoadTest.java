package org.cpis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cpis.sandbox.SandboxServer;
import org.cpis.sandbox.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The load test measures what it says: each of its callers succeeds (an HTTP 200 with a body, a
 * check result), and the run keeps one latency per request in order. Nothing here is timed.
 */
@DisplayName("SandboxLoad")
class SandboxLoadTest {

  @Test
  @DisplayName("its HTTP and in-process callers succeed, and a short run keeps every latency, sorted")
  void measuresWhatItSays() throws Exception {
    try (SandboxServer sandbox = SandboxServer.builder().port(0).threads(4).build().start()) {
      SandboxLoad.Result http = SandboxLoad.run(4, Duration.ofMillis(300), SandboxLoad.httpCaller(sandbox.baseUrl()));
      SandboxLoad.Result engine =
          SandboxLoad.run(4, Duration.ofMillis(300), SandboxLoad.engineCaller(sandbox.cpis(), Tokens.defaults().viewer(SandboxLoad.TOKEN).orElseThrow()));

      for (SandboxLoad.Result r : new SandboxLoad.Result[] {http, engine}) {
        assertThat(r.failures).isZero();
        assertThat(r.requests()).isPositive();
        assertThat(r.sorted).isSorted();
        assertThat(r.percentile(99)).isBetween((double) r.sorted[0], (double) r.sorted[r.sorted.length - 1]);
      }
      assertThat(sandbox.cpis().reviews(org.cpis.model.OdsCode.of("714")).pending()).as("silent reads notify nobody").isEmpty();
    }
  }
}
