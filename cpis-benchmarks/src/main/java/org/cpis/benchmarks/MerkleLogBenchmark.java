package org.cpis.benchmarks;

import static org.cpis.benchmarks.BenchmarkData.ROYAL_FREE;
import static org.cpis.benchmarks.BenchmarkData.SILENT_READER;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cpis.CheckRequest;
import org.cpis.Cpis;
import org.cpis.audit.InclusionProof;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.AuditRecord;
import org.cpis.model.CareSetting;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;
import org.cpis.rules.AuditChain;
import org.cpis.rules.AuditLeaf;
import org.cpis.rules.MerkleTree;
import org.cpis.store.inmemory.InMemoryCpisStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tamper-evident audit log's cost (design rule 9), each beside a plain SHA-256 chain of the
 * same entries, on one thread:
 *
 * <ul>
 *   <li>{@link #sealBatch}: {@code cpis.sealAuditLog()} of {@value #BATCH} unsealed records on the
 *       in-memory store, in one batch: chaining, the Merkle leaves and nodes, writing them, and
 *       signing one Ed25519 checkpoint. Score per entry. Baseline {@link #baselineChain}: {@link
 *       AuditChain#next} of the same records, the chain alone, in memory, no store.
 *   <li>{@link #chainAndTree}: the pure part of sealing, the chain plus {@link
 *       MerkleTree.Frontier#append} of each entry's {@link AuditLeaf}, per entry.
 *   <li>{@link #inclusionProof10M}: {@link MerkleTree#inclusionProof} of a random leaf of a tree of
 *       10 million leaves, by the production code, from a node source that holds that tree: all
 *       its leaves are one entry's hash, so each level has one node hash, computed in the setup
 *       (a tree of 10 million distinct leaves would need 20 million stored hashes); and {@link
 *       #verifyInclusion10M}, checking such a proof. {@link #inclusionProofStored} makes the proof
 *       through the engine and the in-memory store ({@code cpis.inclusionProof}) on a log of
 *       {@code storedEntries} sealed entries; its baseline, {@link #baselineChainRecheck}, is what
 *       the chain alone needs to vouch for one entry: recomputing the hash of every entry ({@link
 *       AuditChain#firstBroken}) of the same log.
 *   <li>{@link #check}: a silent-read check of a child with one plan, with a checkpoint key
 *       configured ({@code signing=true}) or not: sealing is off the check's path, so the two
 *       should not differ.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MerkleLogBenchmark {

  /** How many records one sealing batch holds. */
  static final int BATCH = 1_000;

  /** A tree of ten million leaves. */
  static final long TEN_MILLION = 10_000_000L;

  static final String ORIGIN = "cpis.benchmark/audit";

  static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} audit records of checks, ids from {@code first}, a microsecond apart. */
  static List<AuditRecord> records(long first, int count, List<NhsNumber> children) {
    List<AuditRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long n = first + i;
      records.add(
          AuditRecord.builder()
              .id(RecordId.of("audit-" + n))
              .at(BenchmarkData.NOW.plusNanos(n * 1_000))
              .action(AuditAction.CHECK)
              .actor("555000000101")
              .organisation(ROYAL_FREE.odsCode())
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .subject(children.get((int) (n % children.size())))
              .detail("1 plan visible, 1 notification")
              .build());
    }
    return records;
  }

  /** One batch of unsealed records in a store, made anew before every invocation. */
  @State(Scope.Benchmark)
  public static class Sealing {
    List<NhsNumber> children;
    List<AuditRecord> batch;
    InMemoryCpisStore store;
    Cpis cpis;
    long next;

    @Setup(Level.Trial)
    public void children() {
      children = BenchmarkData.nhsNumbers(100);
      batch = records(0, BATCH, children);
    }

    @Setup(Level.Iteration)
    public void freshStore() {
      store = new InMemoryCpisStore();
      AtomicLong ids = new AtomicLong();
      cpis =
          Cpis.builder()
              .store(store)
              .notifier(n -> {})
              .clock(BenchmarkData.CLOCK)
              .idSupplier(() -> "id-" + ids.incrementAndGet())
              .sealBatchSize(BATCH)
              .checkpointKey(ORIGIN, keys())
              .build();
    }

    /** Appends the next {@value #BATCH} records, unsealed, outside the measured time. */
    @Setup(Level.Invocation)
    public void appendBatch() {
      List<AuditRecord> records = records(next, BATCH, children);
      next += BATCH;
      store.runInTransaction(tx -> records.forEach(tx.audit()::append));
    }
  }

  /** The records only, for the pure paths. */
  @State(Scope.Benchmark)
  public static class Records {
    List<AuditRecord> batch;

    @Setup(Level.Trial)
    public void records() {
      batch = MerkleLogBenchmark.records(0, BATCH, BenchmarkData.nhsNumbers(100));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Optional<Integer> sealBatch(Sealing s) {
    return s.cpis.sealAuditLog();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baselineChain(Records r, Blackhole bh) {
    Optional<AuditEntry> last = Optional.empty();
    for (AuditRecord record : r.batch) {
      AuditEntry e = AuditChain.next(last, record);
      last = Optional.of(e);
    }
    bh.consume(last);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void chainAndTree(Records r, Blackhole bh) {
    Optional<AuditEntry> last = Optional.empty();
    MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
    List<MerkleTree.Node> written = new ArrayList<>(2 * BATCH);
    for (AuditRecord record : r.batch) {
      AuditEntry e = AuditChain.next(last, record);
      tree.append(AuditLeaf.hash(e), written);
      last = Optional.of(e);
    }
    bh.consume(tree.root());
    bh.consume(written);
  }

  /** A tree of ten million equal leaves: one node hash per level. */
  @State(Scope.Benchmark)
  public static class TenMillion {
    byte[][] levels = new byte[64][];
    MerkleTree.NodeSource nodes;
    byte[] root;
    byte[] leaf;
    long[] indexes = new long[1024];
    List<List<byte[]>> proofs = new ArrayList<>();
    int next;

    @Setup(Level.Trial)
    public void build() {
      leaf = MerkleTree.leafHash("one entry".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      levels[0] = leaf;
      for (int l = 1; l < 64; l++) {
        levels[l] = MerkleTree.nodeHash(levels[l - 1], levels[l - 1]);
      }
      nodes =
          (level, index) -> {
            if (((index + 1) << level) > TEN_MILLION || index < 0) {
              throw new IllegalStateException("no node " + level + "/" + index + " in a tree of 10 million");
            }
            return levels[level];
          };
      root = MerkleTree.root(TEN_MILLION, nodes);
      java.util.Random random = new java.util.Random(42);
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = Math.floorMod(random.nextLong(), TEN_MILLION);
        proofs.add(MerkleTree.inclusionProof(indexes[i], TEN_MILLION, nodes));
      }
    }
  }

  @Benchmark
  public List<byte[]> inclusionProof10M(TenMillion t) {
    return MerkleTree.inclusionProof(t.indexes[t.next++ & 1023], TEN_MILLION, t.nodes);
  }

  @Benchmark
  public boolean verifyInclusion10M(TenMillion t) {
    int i = t.next++ & 1023;
    return MerkleTree.verifyInclusion(t.indexes[i], TEN_MILLION, t.leaf, t.proofs.get(i), t.root);
  }

  /** A log of {@code storedEntries} entries sealed through the engine into the in-memory store. */
  @State(Scope.Benchmark)
  public static class StoredLog {
    @Param({"100000"})
    public int storedEntries;

    Cpis cpis;
    List<AuditEntry> log;
    int next;

    @Setup(Level.Trial)
    public void seal() {
      InMemoryCpisStore store = new InMemoryCpisStore();
      cpis = Cpis.builder().store(store).notifier(n -> {}).clock(BenchmarkData.CLOCK).sealBatchSize(BATCH).checkpointKey(ORIGIN, keys()).build();
      List<NhsNumber> children = BenchmarkData.nhsNumbers(100);
      for (int i = 0; i < storedEntries; i += BATCH) {
        List<AuditRecord> records = records(i, Math.min(BATCH, storedEntries - i), children);
        store.runInTransaction(tx -> records.forEach(tx.audit()::append));
        cpis.sealAuditLog();
      }
      log = cpis.auditLog();
    }
  }

  @Benchmark
  public InclusionProof inclusionProofStored(StoredLog s) {
    int n = s.storedEntries;
    long sequence = 1 + (s.next++ * 7919L) % n;
    return s.cpis.inclusionProof(sequence, n);
  }

  @Benchmark
  public Object baselineChainRecheck(StoredLog s) {
    return AuditChain.firstBroken(s.log);
  }

  /** A store of 1 000 children with a plan, and an engine with or without a checkpoint key. */
  @State(Scope.Benchmark)
  public static class Checks {
    @Param({"false", "true"})
    public boolean signing;

    Cpis cpis;
    CheckRequest request;

    @Setup(Level.Iteration)
    public void engine() {
      List<NhsNumber> children = BenchmarkData.nhsNumbers(1_000);
      InMemoryCpisStore store = BenchmarkData.storeWithPlans(children);
      AtomicLong ids = new AtomicLong();
      Cpis.Builder b = Cpis.builder().store(store).notifier(n -> {}).clock(BenchmarkData.CLOCK).idSupplier(() -> "id-" + ids.incrementAndGet());
      if (signing) {
        b.checkpointKey(ORIGIN, keys());
      }
      cpis = b.build();
      request =
          CheckRequest.builder()
              .nhsNumber(children.get(500))
              .accessor(SILENT_READER)
              .organisation(ROYAL_FREE)
              .setting(CareSetting.EMERGENCY_DEPARTMENT)
              .build();
    }
  }

  @Benchmark
  public Object check(Checks c) {
    return c.cpis.health().check(c.request);
  }
}
