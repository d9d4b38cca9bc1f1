package org.cpis.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class's own sandbox on a free port, with the scenario loaded, and an EPR client of it. */
abstract class RunningSandbox {

  static SandboxServer sandbox;
  static SandboxClient epr;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.builder().port(0).build().start();
    epr = new SandboxClient(sandbox.baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }
}
