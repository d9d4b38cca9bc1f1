package org.cpis.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.cpis.store.CpisStores;

/**
 * The command that starts the sandbox and serves until stopped (Ctrl-C). Configuration, all
 * optional:
 *
 * <ul>
 *   <li>{@value #PORT}: the port on 127.0.0.1, default 8080, 0 for any free one;
 *   <li>{@value #TOKENS}: a token file ({@link Tokens#read}) instead of the shipped tokens;
 *   <li>the store: {@code -Dcpis.store=NAME}, else the environment variable {@value #STORE}, else
 *       {@code in-memory}; the named provider must be on the class path ({@link CpisStores#named})
 *       and reads its own settings.
 * </ul>
 *
 * It prints {@code CP-IS sandbox listening on http://127.0.0.1:{port}} on standard output once it
 * serves.
 */
public final class Sandbox {

  public static final String PORT = "CPIS_SANDBOX_PORT";
  public static final String TOKENS = "CPIS_SANDBOX_TOKENS";
  public static final String STORE = "CPIS_STORE";

  /** What standard output says, followed by the base URL, once the sandbox serves. */
  public static final String LISTENING = "CP-IS sandbox listening on ";

  private Sandbox() {}

  public static void main(String[] args) throws InterruptedException {
    SandboxServer server;
    try {
      server = configure(System.getenv(), System.getProperty(CpisStores.PROVIDER_PROPERTY)).build().start();
    } catch (RuntimeException e) {
      System.err.println("The sandbox did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "cpis-sandbox-shutdown"));
    System.out.println(LISTENING + server.baseUrl());
    System.out.flush();
    stopped.await();
  }

  /** The builder that the environment and the store property describe. */
  static SandboxServer.Builder configure(Map<String, String> env, String storeProperty) {
    SandboxServer.Builder builder = SandboxServer.builder();
    String port = env.get(PORT);
    if (port != null && !port.isBlank()) {
      try {
        builder.port(Integer.parseInt(port.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PORT + " is not a port number");
      }
    }
    String tokens = env.get(TOKENS);
    if (tokens != null && !tokens.isBlank()) {
      try (Reader file = Files.newBufferedReader(Path.of(tokens.strip()), StandardCharsets.UTF_8)) {
        builder.tokens(Tokens.read(file));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the token file " + tokens.strip() + ": " + e.getMessage());
      }
    }
    String store = storeProperty != null && !storeProperty.isBlank() ? storeProperty.strip() : env.get(STORE);
    if (store != null && !store.isBlank()) {
      String name = store.strip();
      builder.store(name, () -> CpisStores.named(name));
    }
    return builder;
  }
}
