package org.cpis.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.cpis.CheckRequest;
import org.cpis.Cpis;
import org.cpis.model.NhsNumber;
import org.cpis.sandbox.SandboxServer;
import org.cpis.sandbox.Tokens;
import org.cpis.sandbox.Viewer;

/**
 * A bounded load test of the sandbox on loopback (design issue 10, item 5): {@code clients}
 * threads each send {@code GET /CareTeam} one after another for a fixed time, and the latency of
 * every request is kept; beside it, the baseline, the same engine called in-process by as many
 * threads ({@code cpis.health().check(...)}, what each HTTP request does inside). Both run in the
 * same JVM, one after the other, on the same sandbox, so the ratio of their percentiles is what the
 * HTTP server, the FHIR encoding and the HTTP client add.
 *
 * <p>Every check is a silent read ({@code IsUnscheduledAccessEvent: false}) so that the store does
 * not grow with access events and notifications from run to run; each still writes its audit
 * entry. The children rotate over four with a plan and one without.
 *
 * <pre>java -cp cpis-benchmarks/target/benchmarks.jar org.cpis.benchmarks.SandboxLoad [clients] [warm-up s] [measured s] [server threads]</pre>
 */
public final class SandboxLoad {

  /** The scenario's children: four with a plan, one with none. */
  static final List<String> CHILDREN = List.of("9995260182", "9991590838", "9990308241", "9996281949", "9434765919");

  static final String TOKEN = "ed-nurse";

  private SandboxLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    Duration measured = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
    int serverThreads = args.length > 3 ? Integer.parseInt(args[3]) : clients;
    try (SandboxServer sandbox = SandboxServer.builder().port(0).threads(serverThreads).build().start()) {
      Viewer viewer = Tokens.defaults().viewer(TOKEN).orElseThrow();
      System.out.printf(Locale.ROOT, "%d clients, %d server threads, %d s warm-up, %d s measured, %d cores%n",
          clients, serverThreads, warmUp.toSeconds(), measured.toSeconds(), Runtime.getRuntime().availableProcessors());
      Result http = null;
      Result inProcess = null;
      for (boolean measure : new boolean[] {false, true}) {
        Duration d = measure ? measured : warmUp;
        inProcess = run(clients, d, engineCaller(sandbox.cpis(), viewer));
        http = run(clients, d, httpCaller(sandbox.baseUrl()));
      }
      System.out.println(Result.HEADER);
      System.out.println(inProcess.line("baseline: engine in-process"));
      System.out.println(http.line("GET /CareTeam over HTTP"));
      System.out.printf(Locale.ROOT, "p99 ratio HTTP / in-process: %.1f; p99 over HTTP %.2f ms (bound: 20 ms)%n",
          http.percentile(99) / inProcess.percentile(99), http.percentile(99) / 1e6);
    }
  }

  /**
   * Sends one request for child number {@code i} on this thread's own keep-alive connection and
   * reads the whole response; returns whether it was a 200 with a body. The client is a bare
   * socket writing prepared request bytes, so that as little as possible of the two cores goes to
   * the client rather than the server.
   */
  static IntPredicate httpCaller(String base) {
    URI uri = URI.create(base);
    List<byte[]> requests = new ArrayList<>();
    for (String child : CHILDREN) {
      requests.add(
          ("GET /CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + child + " HTTP/1.1\r\n"
                  + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                  + "Authorization: Bearer " + TOKEN + "\r\n"
                  + "TraceID: " + UUID.randomUUID() + "\r\n"
                  + "IsUnscheduledAccessEvent: false\r\n"
                  + "Accept: application/fhir+json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
    }
    ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> new Connection(uri.getHost(), uri.getPort()));
    return i -> connections.get().exchange(requests.get(i % requests.size()));
  }

  /** One keep-alive HTTP/1.1 connection that reads responses with a Content-Length. */
  static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] body = new byte[1 << 16];

    Connection(String host, int port) {
      try {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean exchange(byte[] request) {
      try {
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
          if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(header.substring(15).strip());
          }
        }
        if (length < 0) {
          return false;
        }
        if (body.length < length) {
          body = new byte[length];
        }
        int read = 0;
        while (read < length) {
          int n = in.read(body, read, length - read);
          if (n < 0) {
            return false;
          }
          read += n;
        }
        return status.startsWith("HTTP/1.1 200") && length > 0;
      } catch (IOException e) {
        return false;
      }
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new java.io.EOFException();
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }
  }

  /** The baseline: the same check, called in-process. */
  static IntPredicate engineCaller(Cpis cpis, Viewer viewer) {
    List<CheckRequest> requests = new ArrayList<>();
    for (String child : CHILDREN) {
      requests.add(
          CheckRequest.builder()
              .nhsNumber(NhsNumber.parse(child))
              .accessor(viewer.accessor())
              .organisation(viewer.organisation())
              .setting(viewer.setting())
              .unscheduled(false)
              .build());
    }
    return i -> cpis.health().check(requests.get(i % requests.size())) != null;
  }

  /** {@code clients} threads call {@code call} back to back for {@code duration}; every latency is kept. */
  static Result run(int clients, Duration duration, IntPredicate call) throws InterruptedException {
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    AtomicLong failures = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] window = new long[2];
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                long end = window[1];
                for (int i = client; System.nanoTime() < end; i++) {
                  long t0 = System.nanoTime();
                  boolean ok = call.test(i);
                  long took = System.nanoTime() - t0;
                  if (!ok) {
                    failures.incrementAndGet();
                  }
                  if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                  }
                  mine[n++] = took;
                }
                latencies[client] = mine;
                counts[client] = n;
              },
              "load-" + c);
      threads.add(t);
      t.start();
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + duration.toNanos();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(all, failures.get(), duration);
  }

  /** The sorted latencies of one run, in nanoseconds. */
  static final class Result {
    static final String HEADER =
        String.format(Locale.ROOT, "%-30s %10s %8s %9s %9s %9s %9s %9s", "run", "requests", "failed", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");

    final long[] sorted;
    final long failures;
    final Duration duration;

    Result(long[] sorted, long failures, Duration duration) {
      this.sorted = sorted;
      this.failures = failures;
      this.duration = duration;
    }

    int requests() {
      return sorted.length;
    }

    /** The latency at this percentile (nearest rank), in nanoseconds. */
    double percentile(double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String line(String name) {
      return String.format(Locale.ROOT, "%-30s %10d %8d %9.0f %9.3f %9.3f %9.3f %9.3f",
          name, requests(), failures, requests() / (duration.toNanos() / 1e9),
          percentile(50) / 1e6, percentile(90) / 1e6, percentile(99) / 1e6, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }
  }
}
