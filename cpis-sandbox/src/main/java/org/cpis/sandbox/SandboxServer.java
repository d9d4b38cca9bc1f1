package org.cpis.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpis.Cpis;
import org.cpis.CpisException;
import org.cpis.UploadFormatException;
import org.cpis.fhir.Capability;
import org.cpis.fhir.CpisFhir;
import org.cpis.fhir.SpineError;
import org.cpis.model.AccessNotification;
import org.cpis.rules.AccessKind;
import org.cpis.store.CpisStore;
import org.cpis.store.CpisStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national CP-IS FHIR API on loopback, backed by a real {@link Cpis} engine loaded with the
 * {@link Scenario}: {@code GET /metadata}, {@code GET /CareTeam}, {@code GET /AuditEvent} (see
 * {@link NationalApi}), and the sandbox-only endpoints under {@code /_sandbox} ({@link
 * ControlApi}). It runs on the JDK's own {@code com.sun.net.httpserver}, one thread pool, no
 * servlet container.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.builder().port(0).build().start()) {
 *   String base = sandbox.baseUrl();   // http://127.0.0.1:{port}
 * }
 * }</pre>
 *
 * <p>Every request is logged in one line: method, the endpoint (never the raw path or query), the
 * status, the time taken, the {@code X-Request-ID}, and the NHS number searched, masked. Thread-safe.
 */
public final class SandboxServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

  /** The activities the sandbox lets see CP-IS by default: view, and silent read. */
  public static final Set<String> DEFAULT_CPIS_ACTIVITIES = Set.of("B0168", AccessKind.SILENT_READ_ACTIVITY);

  private static final Pattern LA_PATH =
      Pattern.compile("/_sandbox/local-authorities/([^/]+)/(uploads|notifications)(?:/([^/]+)/review)?");

  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  static {
    // The JDK server writes a response's headers and body in separate segments; with Nagle's
    // algorithm on, the body then waits for the client's delayed ACK (about 40 ms on Linux).
    // The property is read once, when the JDK's server configuration loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder config;
  private final SandboxClock clock = new SandboxClock(Scenario.READY);
  private final CpisFhir fhir;
  private final Object resetLock = new Object();
  private volatile Cpis cpis;
  private HttpServer http;
  private ExecutorService executor;
  private NationalApi national;
  private ControlApi control;
  private String baseUrl;

  private SandboxServer(Builder config) {
    this.config = config;
    this.fhir = config.fhir != null ? config.fhir : CpisFhir.create();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the scenario and starts listening on 127.0.0.1.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public SandboxServer start() {
    // HAPI builds its model definitions on first use (a second or two on a busy machine): do it
    // on another thread while the scenario loads, and finish it before serving, so that the first
    // request is answered as fast as the others.
    CompletableFuture<String> warm =
        CompletableFuture.supplyAsync(
            () -> fhir.encode(Capability.statement("http://127.0.0.1", "cpis-sandbox", Scenario.READY)), SandboxServer::daemon);
    reset();
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + config.port, e);
    }
    baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
    national = new NationalApi(() -> cpis, config.tokens, config.cpisActivities, baseUrl);
    control = new ControlApi(() -> cpis, clock, this::reset, baseUrl);
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            config.threads,
            r -> {
              Thread t = new Thread(r, "cpis-sandbox-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    warm.join();
    http.start();
    LOG.info("CP-IS sandbox listening on {} (store: {}, {} tokens)", baseUrl, config.storeName, config.tokens.size());
    return this;
  }

  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "cpis-sandbox-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The port it listens on (the one chosen when it was built with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:{port}}, the FHIR base. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The engine now serving (a reset replaces it). */
  public Cpis cpis() {
    return cpis;
  }

  public SandboxClock clock() {
    return clock;
  }

  /** Replaces the engine by one on a new store with the scenario loaded, and sets the clock to {@link Scenario#READY}. */
  public void reset() {
    synchronized (resetLock) {
      CpisStore store = config.store.get();
      Cpis fresh =
          Cpis.builder()
              .store(store)
              .notifier(SandboxServer::delivered)
              .clock(clock)
              .zone(Scenario.ZONE)
              // The national service notifies every access: no attendance episodes here.
              .episodePolicy(org.cpis.rules.EpisodePolicy.off())
              .build();
      Scenario.load(fresh, clock);
      cpis = fresh;
    }
  }

  /** Stops listening, after at most a second for requests in flight. */
  @Override
  public void close() {
    if (http != null) {
      http.stop(1);
      executor.shutdown();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LOG.info("CP-IS sandbox on {} stopped", baseUrl);
    }
  }

  private static void delivered(AccessNotification n) {
    LOG.info("Notification {} of plan {} delivered to local authority {}", n.id(), n.planId(), n.localAuthority());
  }

  // -------------------------------------------------------------------------------- requests

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String endpoint = endpoint(path);
    Reply reply;
    try {
      reply = route(exchange, method, path);
    } catch (ApiException e) {
      reply = Reply.error(e.error(), e.getMessage());
    } catch (UploadFormatException e) {
      reply = Reply.error(SpineError.BAD_REQUEST, e.getMessage());
    } catch (CpisException e) {
      reply = ControlApi.refused(e);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed: {}", method, endpoint, e.getClass().getName());
      reply = Reply.error(SpineError.INTERNAL_SERVER_ERROR, "The sandbox failed; its log says which class of error");
    }
    Headers out = exchange.getResponseHeaders();
    out.set("Content-Type", CpisFhir.MEDIA_TYPE + ";charset=utf-8");
    reply.headers.forEach(out::set);
    String requestId = echo(exchange, out, NationalApi.REQUEST_ID, true);
    echo(exchange, out, NationalApi.CORRELATION_ID, false);
    byte[] body = fhir.encode(reply.body).getBytes(StandardCharsets.UTF_8);
    try (OutputStream os = exchange.getResponseBody()) {
      if ("HEAD".equalsIgnoreCase(method)) {
        exchange.sendResponseHeaders(reply.status, -1);
      } else {
        exchange.sendResponseHeaders(reply.status, body.length);
        os.write(body);
      }
    } finally {
      exchange.close();
      LOG.info(
          "{} {} {} {}ms request={}{}",
          method,
          endpoint,
          reply.status,
          (System.nanoTime() - started) / 1_000_000,
          requestId,
          reply.subject.map(n -> " nhs=" + n.masked()).orElse(""));
    }
  }

  private Reply route(HttpExchange exchange, String method, String path) {
    Headers in = exchange.getRequestHeaders();
    if (headerBytes(in) > config.maxHeaderBytes) {
      throw new ApiException(SpineError.PRECONDITION_FAILED, "The request headers are larger than " + config.maxHeaderBytes + " bytes");
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/metadata") || path.equals("/CareTeam") || path.equals("/AuditEvent")) {
      if (!"GET".equalsIgnoreCase(method)) {
        throw new ApiException(SpineError.METHOD_NOT_ALLOWED, "The FHIR endpoints answer GET only");
      }
      switch (path) {
        case "/metadata":
          return national.metadata();
        case "/CareTeam":
          return national.careTeams(in, query);
        default:
          return national.auditEvents(in, query);
      }
    }
    if (path.startsWith("/CareTeam/") || path.startsWith("/AuditEvent/")) {
      if (!"GET".equalsIgnoreCase(method)) {
        throw new ApiException(SpineError.METHOD_NOT_ALLOWED, "The FHIR endpoints answer GET only");
      }
      throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "Only search is served: GET /CareTeam?patient:identifier=…");
    }
    if (path.startsWith("/_sandbox/")) {
      return sandbox(exchange, method, path, Query.parameters(query, SpineError.BAD_REQUEST));
    }
    throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "No such endpoint; GET /metadata lists what is served");
  }

  private Reply sandbox(HttpExchange exchange, String method, String path, Map<String, List<String>> query) {
    boolean get = "GET".equalsIgnoreCase(method);
    boolean post = "POST".equalsIgnoreCase(method);
    switch (path) {
      case "/_sandbox/clock":
        if (get) {
          return control.clock();
        }
        if (post) {
          return control.moveClock(query);
        }
        break;
      case "/_sandbox/reset":
        if (post) {
          return control.reset();
        }
        break;
      case "/_sandbox/audit":
        if (get) {
          return control.audit();
        }
        break;
      case "/_sandbox/purge":
        if (post) {
          return control.purge();
        }
        break;
      default:
        Matcher m = LA_PATH.matcher(path);
        if (!m.matches()) {
          throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "No such sandbox endpoint");
        }
        String ods = m.group(1);
        if (m.group(2).equals("uploads") && m.group(3) == null && post) {
          return control.upload(ods, body(exchange));
        }
        if (m.group(2).equals("notifications") && m.group(3) == null && get) {
          return control.notifications(ods);
        }
        if (m.group(2).equals("notifications") && m.group(3) != null && post) {
          return control.review(ods, java.net.URLDecoder.decode(m.group(3), StandardCharsets.UTF_8), query);
        }
        if (m.group(2).equals("uploads") && m.group(3) != null) {
          throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "No such sandbox endpoint");
        }
    }
    throw new ApiException(SpineError.METHOD_NOT_ALLOWED, "This sandbox endpoint does not answer " + method);
  }

  private static String body(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (bytes.size() + n > MAX_BODY_BYTES) {
          throw new ApiException(SpineError.BAD_REQUEST, "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        bytes.write(buffer, 0, n);
      }
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int headerBytes(Headers headers) {
    int total = 0;
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      for (String v : h.getValue()) {
        total += h.getKey().length() + (v == null ? 0 : v.length()) + 4;
      }
    }
    return total;
  }

  /** Echoes the header if it was sent once (X-Request-ID only when it is a UUID); returns it for the log. */
  private String echo(HttpExchange exchange, Headers out, String name, boolean uuidOnly) {
    List<String> values = exchange.getRequestHeaders().get(name);
    if (values == null || values.size() != 1 || headerBytes(exchange.getRequestHeaders()) > config.maxHeaderBytes) {
      return "-";
    }
    String value = values.get(0).strip();
    if (uuidOnly && !NationalApi.isUuid(value)) {
      return "-";
    }
    out.set(name, value);
    return uuidOnly ? value : "-";
  }

  /** What the log names: the endpoint, never the raw path (which could hold an NHS number). */
  private static String endpoint(String path) {
    if (path == null) {
      return "(no path)";
    }
    if (path.equals("/metadata") || path.equals("/CareTeam") || path.equals("/AuditEvent")
        || path.equals("/_sandbox/clock") || path.equals("/_sandbox/reset") || path.equals("/_sandbox/audit")
        || path.equals("/_sandbox/purge")) {
      return path;
    }
    Matcher m = LA_PATH.matcher(path);
    if (m.matches()) {
      return "/_sandbox/local-authorities/{ods}/" + m.group(2) + (m.group(3) == null ? "" : "/{id}/review");
    }
    return "(other path)";
  }

  /** Configures a sandbox; every setting has a default. */
  public static final class Builder {
    int port = 8080;
    Tokens tokens;
    Supplier<CpisStore> store = () -> CpisStores.named("in-memory");
    String storeName = "in-memory";
    Set<String> cpisActivities = DEFAULT_CPIS_ACTIVITIES;
    int threads = 32;
    int maxHeaderBytes = 8 * 1024;
    CpisFhir fhir;

    private Builder() {}

    /** The port on 127.0.0.1; 0 for any free one. Default 8080. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("a port is 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /** The bearer tokens; default {@link Tokens#defaults()}. */
    public Builder tokens(Tokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /** Makes the store of the scenario, again at every reset; default a new in-memory store. */
    public Builder store(String name, Supplier<CpisStore> store) {
      this.storeName = Objects.requireNonNull(name, "name");
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The RBAC activities allowed a CP-IS view; others get 403. Default B0168 and B0170. */
    public Builder cpisActivities(Set<String> activities) {
      this.cpisActivities = Set.copyOf(activities);
      return this;
    }

    /** Request threads; default 32. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("at least one thread");
      }
      this.threads = threads;
      return this;
    }

    /** The largest request headers accepted (all names and values); default 8 KiB. */
    public Builder maxHeaderBytes(int maxHeaderBytes) {
      this.maxHeaderBytes = maxHeaderBytes;
      return this;
    }

    /** The application's FHIR context; default a new one. */
    public Builder fhir(CpisFhir fhir) {
      this.fhir = Objects.requireNonNull(fhir, "fhir");
      return this;
    }

    public SandboxServer build() {
      if (tokens == null) {
        tokens = Tokens.defaults();
      }
      return new SandboxServer(this);
    }
  }
}
