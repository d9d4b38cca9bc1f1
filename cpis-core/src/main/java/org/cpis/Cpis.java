package org.cpis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.UploadReceipt;
import org.cpis.rules.AuditChain;
import org.cpis.rules.EpisodePolicy;
import org.cpis.rules.RepeatAttendancePolicy;
import org.cpis.rules.FeedFreshness;
import org.cpis.rules.RetentionPolicy;
import org.cpis.rules.ServiceLevels;
import org.cpis.rules.UnbornLinkage;
import org.cpis.rules.Visibility;
import org.cpis.store.CpisStore;
import org.cpis.store.CpisStores;
import org.cpis.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CP-IS engine: applies the rules of {@code org.cpis.rules} (design rules 1-9) through a
 * {@link CpisStore} and a {@link Notifier}. Build one with {@link #builder()}; it is thread-safe
 * and holds no state of its own beyond its configuration, so several engines may share a store.
 *
 * <pre>{@code
 * Cpis cpis = Cpis.builder()
 *     .store(new InMemoryCpisStore())
 *     .notifier(notification -> socialCare.send(notification))
 *     .build();
 * cpis.registerLocalAuthority(islington);
 * UploadReport report = cpis.localAuthority(islington.odsCode()).upload(todaysFile);
 * CheckResult result = cpis.health().check(request);
 * List<AccessNotification> toReview = cpis.reviews(islington.odsCode()).pending();
 * }</pre>
 *
 * <p>Time: every instant comes from the configured {@link Clock}; every date rule (visibility,
 * active plans, births, retention, "birth not recorded") uses the clock's day in the configured
 * zone, Europe/London by default, where the service runs.
 */
public final class Cpis {

  private static final Logger LOG = LoggerFactory.getLogger(Cpis.class);

  /** The actor named in the audit entries of a purge. */
  public static final String PURGE_ACTOR = "cpis-retention";

  private static final int AUDIT_PAGE = 1_000;

  private final Engine engine;
  private final Dispatcher dispatcher;
  private final AuditSealer sealer;
  private final MerkleAudit merkle;
  private final HealthService health;
  private final NumberChanges numberChanges;

  private Cpis(Builder builder) {
    this.engine = new Engine(builder);
    this.dispatcher = new Dispatcher(engine);
    this.sealer = new AuditSealer(engine);
    this.merkle = new MerkleAudit(engine);
    this.health = new HealthService(engine, dispatcher);
    this.numberChanges = new NumberChanges(engine);
  }

  /** The actor named in the audit entries of {@link #refreshNumberStatuses}. */
  public static final String PDS_ACTOR = "cpis-pds";

  /**
   * Records that PDS superseded {@code number} by {@code replacement} (after an adoption, or a
   * merge of duplicate records): from now on a check of either shows the plans held under both
   * ({@link org.cpis.rules.NumberLinks}), an upload under {@code number} is accepted and names the
   * replacement, and each local authority holding plans under {@code number} finds one notice in
   * its inbox ({@link ReviewInbox#numberChanges()}). Recording it again changes nothing.
   *
   * @param reportedBy who reports it, named in the audit entry
   * @return the notices written
   */
  public List<org.cpis.model.NumberChangeNotice> recordSuperseded(
      NhsNumber number, NhsNumber replacement, String reportedBy) {
    Objects.requireNonNull(replacement, "replacement");
    return numberChanges.record(number, Optional.of(replacement), reportedBy);
  }

  /**
   * Records that PDS made {@code number} inactive with no replacement: its plans stay visible,
   * marked inactive; an upload under it is rejected ({@link
   * org.cpis.rules.RejectionReason#NHS_NUMBER_INACTIVE}); each local authority holding plans under
   * it is told once. Recording it again changes nothing.
   */
  public List<org.cpis.model.NumberChangeNotice> recordInactive(NhsNumber number, String reportedBy) {
    return numberChanges.record(number, Optional.empty(), reportedBy);
  }

  /**
   * Asks {@code source} (PDS, as the host reaches it) about every number plans are held under and
   * records each one it reports superseded or inactive, as {@link #recordSuperseded} and {@link
   * #recordInactive} do, under the actor {@value #PDS_ACTOR}. A number the source cannot answer for
   * is left as it is.
   *
   * @return how many numbers changed
   */
  public int refreshNumberStatuses(NhsNumberStatusSource source) {
    return numberChanges.refresh(source, PDS_ACTOR);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The engine's clock. */
  public Clock clock() {
    return engine.clock;
  }

  /** The zone whose calendar days the date rules use. */
  public ZoneId zone() {
    return engine.zone;
  }

  /** Today in the engine's zone: the day the date rules use now. */
  public LocalDate today() {
    return engine.dayOf(engine.now());
  }

  public RetentionPolicy retentionPolicy() {
    return engine.retention;
  }

  public ServiceLevels serviceLevels() {
    return engine.levels;
  }

  /** What makes an attendance episode, whose accesses one notification tells of. */
  public EpisodePolicy episodePolicy() {
    return engine.episodes;
  }

  /** When attendances make the repeat-attendance pattern. */
  public RepeatAttendancePolicy repeatAttendancePolicy() {
    return engine.repeatAttendance;
  }

  /** Registers a local authority, or updates its name and phone numbers if it is registered. */
  public void registerLocalAuthority(LocalAuthority localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    boolean updated =
        engine.inTransaction(
            tx -> {
              if (tx.localAuthorities().find(localAuthority.odsCode()).isPresent()) {
                tx.localAuthorities().update(localAuthority);
                return true;
              }
              tx.localAuthorities().insert(localAuthority);
              return false;
            });
    logRegistration(localAuthority, updated);
  }

  /** Log only: PIT leaves {@code log*} methods alone (docs/safety/safety-case.md). */
  private static void logRegistration(LocalAuthority localAuthority, boolean updated) {
    LOG.info(
        "Local authority {} ({}) {}",
        localAuthority.odsCode(),
        localAuthority.name(),
        updated ? "updated" : "registered");
  }

  /** The registered local authorities, ordered by ODS code. */
  public List<LocalAuthority> localAuthorities() {
    return engine.inTransaction(tx -> tx.localAuthorities().findAll());
  }

  /**
   * The local-authority side for one registered authority.
   *
   * @throws UnknownLocalAuthorityException if it is not registered
   */
  public LocalAuthorityDesk localAuthority(OdsCode odsCode) {
    requireRegistered(odsCode);
    return new LocalAuthorityDesk(engine, odsCode);
  }

  /** The health side: checks (design rules 6 and 7). */
  public HealthService health() {
    return health;
  }

  /**
   * The review inbox of one registered authority (design rule 8).
   *
   * @throws UnknownLocalAuthorityException if it is not registered
   */
  public ReviewInbox reviews(OdsCode odsCode) {
    requireRegistered(odsCode);
    return new ReviewInbox(engine, odsCode);
  }

  private void requireRegistered(OdsCode odsCode) {
    Objects.requireNonNull(odsCode, "odsCode");
    engine.inTransaction(tx -> engine.requireLocalAuthority(tx, odsCode));
  }

  /**
   * The data-quality report (design rules 4 and 5), per registered local authority: records
   * without an NHS number in its latest upload receipt, unborn plans whose birth was not recorded
   * ({@link UnbornLinkage#isBirthNotRecorded} today), and whether its feed is stale ({@link
   * FeedFreshness#isStale}).
   */
  public DataQualityReport dataQuality() {
    Instant now = engine.now();
    LocalDate today = engine.dayOf(now);
    return engine.inTransaction(
        tx -> {
          Map<OdsCode, List<PlanId>> notRecorded = new LinkedHashMap<>();
          tx.plans()
              .findOpenWithExpectedDeliveryBefore(
                  today.minusDays(engine.levels.birthNotRecordedAfterDays()))
              .stream()
              .filter(p -> UnbornLinkage.isBirthNotRecorded(p, today, engine.levels))
              .forEach(p -> notRecorded.computeIfAbsent(p.localAuthority(), k -> new ArrayList<>()).add(p.id()));
          List<LocalAuthorityQuality> lines = new ArrayList<>();
          for (LocalAuthority la : tx.localAuthorities().findAll()) {
            Optional<UploadReceipt> latest = tx.uploads().findLatest(la.odsCode());
            List<PlanId> births = notRecorded.getOrDefault(la.odsCode(), List.of());
            lines.add(
                LocalAuthorityQuality.builder()
                    .odsCode(la.odsCode())
                    .name(la.name())
                    .latestUpload(latest.map(UploadReceipt::receivedAt))
                    .stale(FeedFreshness.isStale(latest, now, engine.levels))
                    .recordsWithoutNhsNumber(latest.map(UploadReceipt::withoutNhsNumber).orElse(0))
                    .birthsNotRecorded(births)
                    .build());
          }
          return DataQualityReport.builder().asOf(now).localAuthorities(lines).build();
        });
  }

  /**
   * One pass of the notification outbox (design rule 7): every pending notification due now is
   * handed to the notifier outside any store transaction, marked delivered only after the
   * notifier returns, and on failure rescheduled after the {@link RetryPolicy}'s back-off.
   */
  public DispatchReport dispatchNotifications() {
    return dispatcher.dispatchDue();
  }

  /**
   * Runs {@link #dispatchNotifications()} on {@code executor} every {@code interval}, starting
   * now, until the returned future is cancelled (or the executor shut down). A failing pass is
   * logged and the next one runs as planned.
   */
  public ScheduledFuture<?> startDispatcher(ScheduledExecutorService executor, Duration interval) {
    return every(executor, interval, "outbox", dispatcher::dispatchDue);
  }

  /**
   * Seals the audit log (design rule 9): gives every audit record written since the last pass its
   * place in the hash chain, if no other node is sealing. Checks and uploads only append records;
   * sealing is done after their commit, by one node at a time, so that no writer waits for
   * another. {@link #auditLog()} and {@link #verifyAuditLog()} seal first.
   *
   * @return how many records were sealed; empty if another node holds the sealer's lease
   */
  public Optional<Integer> sealAuditLog() {
    return sealer.sealPending();
  }

  /**
   * Runs {@link #sealAuditLog()} on {@code executor} every {@code interval}, starting now, until
   * the returned future is cancelled (or the executor shut down). A failing pass is logged and the
   * next one runs as planned.
   */
  public ScheduledFuture<?> startSealer(ScheduledExecutorService executor, Duration interval) {
    return every(executor, interval, "audit sealing", sealer::sealPending);
  }

  private static ScheduledFuture<?> every(
      ScheduledExecutorService executor, Duration interval, String what, Runnable pass) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the " + what + " interval must be positive");
    }
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            pass.run();
          } catch (RuntimeException e) {
            LOG.warn("An {} pass failed ({}); the next pass will retry", what, e.getClass().getName());
          }
        },
        0,
        interval.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /**
   * Purges what is no longer visible (design rule 9, data minimisation), in one transaction with
   * its audit entry: every plan whose visibility has expired today ({@link Visibility#hasExpired},
   * found through the store's date queries with cut-offs from the {@link RetentionPolicy}); and,
   * for each subject left with no plan, its access events and notifications (with their reviews).
   */
  public PurgeReport purge() {
    Instant now = engine.now();
    LocalDate today = engine.dayOf(now);
    RetentionPolicy policy = engine.retention;
    PurgeReport report =
        engine.inTransaction(
            tx -> {
              List<ProtectionPlan> expired = expiredPlans(tx, today, policy);
              Set<NhsNumber> subjects = new LinkedHashSet<>();
              for (ProtectionPlan p : expired) {
                tx.plans().delete(p.id());
                subjects.add(p.subject());
              }
              int events = 0;
              int notifications = 0;
              for (NhsNumber subject : subjects) {
                int[] forgotten = engine.forgetIfNoPlanLeft(tx, subject);
                events += forgotten[0];
                notifications += forgotten[1];
              }
              PurgeReport r =
                  PurgeReport.builder()
                      .purgedOn(today)
                      .plansPurged(expired.size())
                      .accessEventsPurged(events)
                      .notificationsPurged(notifications)
                      .build();
              engine.audit(
                  tx,
                  now,
                  AuditAction.PURGE,
                  PURGE_ACTOR,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  "purged on " + today + ": " + r.plansPurged() + " plans, "
                      + r.accessEventsPurged() + " access events, " + r.notificationsPurged()
                      + " notifications");
              return r;
            });
    LOG.info(
        "Purge on {}: {} plans, {} access events, {} notifications removed",
        today,
        report.plansPurged(),
        report.accessEventsPurged(),
        report.notificationsPurged());
    return report;
  }

  /**
   * The plans whose visibility has expired on {@code today}: candidates from the store's date
   * queries, each confirmed with {@link Visibility#hasExpired}. The cut-offs make the candidates a
   * superset: {@code end + days < today} exactly when {@code end < today - days}; the age cut-off
   * allows two days for the clamping of 29 February.
   */
  private static List<ProtectionPlan> expiredPlans(
      StoreTransaction tx, LocalDate today, RetentionPolicy policy) {
    Map<PlanId, ProtectionPlan> candidates = new LinkedHashMap<>();
    List<List<ProtectionPlan>> found =
        List.of(
            tx.plans().findEndedBefore(PlanType.CHILD_PROTECTION_PLAN, today.minusDays(policy.endedPlanDays())),
            tx.plans().findEndedBefore(PlanType.LOOKED_AFTER_CHILD, today.minusDays(policy.endedPlanDays())),
            tx.plans()
                .findEndedBefore(
                    PlanType.UNBORN_CHILD_PROTECTION_PLAN, today.minusDays(policy.endedUnbornPlanDays())),
            tx.plans()
                .findOpenWithExpectedDeliveryBefore(
                    today.minusDays(policy.openUnbornPlanDaysAfterExpectedDelivery())),
            tx.plans().findChildBornBefore(today.minusYears(policy.ageOfMajority()).plusDays(2)));
    found.forEach(list -> list.forEach(p -> candidates.putIfAbsent(p.id(), p)));
    return candidates.values().stream()
        .filter(p -> Visibility.hasExpired(p, today, policy))
        .sorted(java.util.Comparator.comparing(ProtectionPlan::id))
        .collect(Collectors.toList());
  }

  /**
   * The whole sealed audit log, in sequence order, after a {@link #sealAuditLog()} pass (records
   * that another node is sealing at this moment appear once it has sealed them).
   */
  public List<AuditEntry> auditLog() {
    sealer.sealPending();
    return engine.inTransaction(
        tx -> {
          List<AuditEntry> all = new ArrayList<>();
          List<AuditEntry> page;
          do {
            page = tx.audit().read(all.size() + 1L, AUDIT_PAGE);
            all.addAll(page);
          } while (page.size() == AUDIT_PAGE);
          return all;
        });
  }

  /**
   * Seals what is pending, then checks the whole audit log's hash chain with {@link
   * AuditChain#firstBroken} (design rule 9).
   */
  public AuditVerification verifyAuditLog() {
    List<AuditEntry> log = auditLog();
    AuditVerification v =
        AuditVerification.builder()
            .entriesChecked(log.size())
            .firstBrokenSequence(AuditChain.firstBroken(log))
            .build();
    if (!v.intact()) {
      LOG.warn("The audit log is broken at entry {}", v.firstBrokenSequence().getAsLong());
    }
    return v;
  }

  /**
   * The newest signed checkpoint of the audit log, from the store, its signature verified with
   * this engine's key; empty if nothing was sealed under a key yet, or no key is configured.
   */
  public Optional<org.cpis.audit.SignedCheckpoint> latestCheckpoint() {
    return merkle.latestCheckpoint();
  }

  /** The key that verifies this engine's checkpoints, if it has one: give it to verifiers. */
  public Optional<org.cpis.rules.SignedNote.VerifierKey> checkpointVerifierKey() {
    return engine.checkpointSigner.map(org.cpis.audit.CheckpointSigner::verifierKey);
  }

  /**
   * The inclusion proof (RFC 9162 §2.1.3) of sealed entry {@code sequence} in the log's first
   * {@code treeSize} entries, as a checkpoint of that size covers them; it reads O(log n) nodes
   * of the stored tree.
   *
   * @throws IllegalArgumentException unless {@code 1 <= sequence <= treeSize <=} the sealed size
   */
  public org.cpis.audit.InclusionProof inclusionProof(long sequence, long treeSize) {
    return merkle.inclusionProof(sequence, treeSize);
  }

  /**
   * The consistency proof (RFC 9162 §2.1.4) that the log's first {@code first} entries are a
   * prefix of its first {@code second}: what shows that a later checkpoint extends an earlier one.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second <=} the sealed size
   */
  public org.cpis.audit.ConsistencyProof consistencyProof(long first, long second) {
    return merkle.consistencyProof(first, second);
  }

  /**
   * Seals what is pending, then writes the whole sealed audit log to {@code out} as JSON lines
   * ({@link org.cpis.audit.AuditJsonLines}), page by page, for the offline {@link
   * org.cpis.audit.AuditVerifier}. The lines carry full NHS numbers: keep the file as the audit
   * log itself is kept.
   *
   * @return how many entries were written
   * @throws java.io.UncheckedIOException if {@code out} fails
   */
  public long exportAuditLog(java.io.Writer out) {
    Objects.requireNonNull(out, "out");
    sealer.sealPending();
    return merkle.export(out, AUDIT_PAGE);
  }

  @Override
  public String toString() {
    return "Cpis[store=" + engine.store + ", zone=" + engine.zone + "]";
  }

  /**
   * Configures an engine. A store and a notifier are required; everything else has a default.
   * Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {

    CpisStore store;
    Notifier notifier;
    Clock clock = Clock.systemUTC();
    ZoneId zone = ZoneId.of("Europe/London");
    RetentionPolicy retentionPolicy = RetentionPolicy.defaults();
    ServiceLevels serviceLevels = ServiceLevels.defaults();
    DemographicsVerifier demographics = DemographicsVerifier.acceptAll();
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    Supplier<String> idSupplier = uniqueIds();
    int dispatchBatchSize = 100;
    boolean dispatchAfterCheck = true;
    TransactionRetryPolicy transactionRetryPolicy = TransactionRetryPolicy.defaults();
    String nodeId = "cpis-" + UUID.randomUUID();
    Duration leaseDuration = Duration.ofMinutes(1);
    int sealBatchSize = 500;
    org.cpis.audit.CheckpointSigner checkpointSigner;
    org.cpis.audit.CheckpointPublisher checkpointPublisher = org.cpis.audit.CheckpointPublisher.none();

    private Builder() {}

    private static Supplier<String> uniqueIds() {
      String engine = UUID.randomUUID().toString();
      java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
      return () -> engine + '-' + Long.toString(counter.incrementAndGet(), Character.MAX_RADIX);
    }

    EpisodePolicy episodePolicy = EpisodePolicy.defaults();
    RepeatAttendancePolicy repeatAttendancePolicy = RepeatAttendancePolicy.defaults();

    /**
     * Which later accesses are gathered into their attendance episode's notification; default
     * {@link EpisodePolicy#defaults()} (same organisation and setting, 12 hours, not yet
     * reviewed); {@link EpisodePolicy#off()} notifies every access.
     */
    public Builder episodePolicy(EpisodePolicy episodePolicy) {
      this.episodePolicy = Objects.requireNonNull(episodePolicy, "episodePolicy");
      return this;
    }

    /**
     * When attendances make the repeat-attendance pattern; default {@link
     * RepeatAttendancePolicy#defaults()} (3 at 2 organisations within 14 days).
     */
    public Builder repeatAttendancePolicy(RepeatAttendancePolicy repeatAttendancePolicy) {
      this.repeatAttendancePolicy = Objects.requireNonNull(repeatAttendancePolicy, "repeatAttendancePolicy");
      return this;
    }

    /** Where records are kept (required, or {@link #discoverStore()}). */
    public Builder store(CpisStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The store from {@link CpisStores#discover()}: the one provider on the class path. */
    public Builder discoverStore() {
      return store(CpisStores.discover());
    }

    /** Delivers access notifications to the local authorities (required). */
    public Builder notifier(Notifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /** Where time comes from; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone whose calendar days the date rules use; default Europe/London. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** How long plans stay visible; default {@link RetentionPolicy#defaults()}. */
    public Builder retentionPolicy(RetentionPolicy retentionPolicy) {
      this.retentionPolicy = Objects.requireNonNull(retentionPolicy, "retentionPolicy");
      return this;
    }

    /** The service's limits; default {@link ServiceLevels#defaults()}. */
    public Builder serviceLevels(ServiceLevels serviceLevels) {
      this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
      return this;
    }

    /** Matches upload records to the national record; default accepts every record. */
    public Builder demographics(DemographicsVerifier demographics) {
      this.demographics = Objects.requireNonNull(demographics, "demographics");
      return this;
    }

    /** The back-off after failed deliveries; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Makes the ids of access events and upload receipts; default a random UUID drawn once for
     * this builder's engine, a hyphen and a counter in base 36 ({@code 3f2a…-1}, {@code 3f2a…-2}):
     * unique across nodes and restarts as a random UUID per id is, without drawing from {@code
     * SecureRandom} on every write (which cost a check about 2 µs, issue 14). Each id must be
     * new (a repeated id makes the write fail with a {@link
     * org.cpis.store.DuplicateRecordException}); tests pass a counter to be deterministic.
     */
    public Builder idSupplier(Supplier<String> idSupplier) {
      this.idSupplier = Objects.requireNonNull(idSupplier, "idSupplier");
      return this;
    }

    /** How many due notifications one outbox query reads; default 100. */
    public Builder dispatchBatchSize(int dispatchBatchSize) {
      if (dispatchBatchSize < 1) {
        throw new IllegalArgumentException("the dispatch batch size must be at least 1");
      }
      this.dispatchBatchSize = dispatchBatchSize;
      return this;
    }

    /**
     * Whether a check that created notifications tries to deliver them at once, on the caller's
     * thread, before returning; default {@code true}. Off, they wait for the outbox dispatcher.
     */
    public Builder dispatchAfterCheck(boolean dispatchAfterCheck) {
      this.dispatchAfterCheck = dispatchAfterCheck;
      return this;
    }

    /**
     * How a unit of work is run again after a transient store failure; default {@link
     * TransactionRetryPolicy#defaults()}.
     */
    public Builder transactionRetryPolicy(TransactionRetryPolicy transactionRetryPolicy) {
      this.transactionRetryPolicy = Objects.requireNonNull(transactionRetryPolicy, "transactionRetryPolicy");
      return this;
    }

    /**
     * This engine's name among the nodes that share the store, under which it holds the audit
     * sealer's lease and its claims on notifications; default {@code cpis-} and a random UUID, new
     * for every engine. Give each node its own: two engines with one node id share their claims.
     *
     * @throws org.cpis.model.InvalidIdentifierException unless 1 to 64 printable ASCII characters
     */
    public Builder nodeId(String nodeId) {
      this.nodeId = org.cpis.model.RecordId.of(Objects.requireNonNull(nodeId, "nodeId")).value();
      return this;
    }

    /**
     * How long a lease (the audit sealer's) and a claim on a notification last before another
     * node may take them over; default 1 minute. It must outlast one delivery to the notifier.
     */
    public Builder leaseDuration(Duration leaseDuration) {
      Objects.requireNonNull(leaseDuration, "leaseDuration");
      if (leaseDuration.isNegative() || leaseDuration.isZero()) {
        throw new IllegalArgumentException("the lease duration must be positive");
      }
      this.leaseDuration = leaseDuration;
      return this;
    }

    /** How many audit records one sealing transaction seals; default 500. */
    public Builder sealBatchSize(int sealBatchSize) {
      if (sealBatchSize < 1) {
        throw new IllegalArgumentException("the seal batch size must be at least 1");
      }
      this.sealBatchSize = sealBatchSize;
      return this;
    }

    /**
     * Signs a checkpoint of the audit log after every sealed batch with this Ed25519 key pair,
     * under the log's name {@code origin} (e.g. {@code cpis.example.nhs.uk/audit}). Without a key,
     * the Merkle tree is kept but no checkpoint is signed or published. Every node that may seal
     * needs the same key and origin.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 key, or {@code origin} has spaces or '+'
     */
    public Builder checkpointKey(String origin, java.security.KeyPair keyPair) {
      this.checkpointSigner = org.cpis.audit.CheckpointSigner.of(origin, keyPair);
      return this;
    }

    /**
     * {@link #checkpointKey(String, java.security.KeyPair)} with the Ed25519 private key in a
     * PKCS#8 file (DER or PEM, as {@code openssl genpkey -algorithm ed25519} writes it).
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no Ed25519 PKCS#8 private key
     */
    public Builder checkpointKey(String origin, java.nio.file.Path pkcs8File) {
      this.checkpointSigner = org.cpis.audit.CheckpointSigner.fromPkcs8(origin, pkcs8File);
      return this;
    }

    /**
     * Where each signed checkpoint goes after its batch commits; default nowhere but the store.
     * Ships: {@link org.cpis.audit.FileCheckpointPublisher}, {@link
     * org.cpis.audit.RecordingCheckpointPublisher}.
     */
    public Builder checkpointPublisher(org.cpis.audit.CheckpointPublisher checkpointPublisher) {
      this.checkpointPublisher = Objects.requireNonNull(checkpointPublisher, "checkpointPublisher");
      return this;
    }

    /**
     * The engine.
     *
     * @throws IllegalStateException if no store or no notifier was given
     */
    public Cpis build() {
      if (store == null) {
        throw new IllegalStateException(
            "Cpis.builder() needs a store: call .store(CpisStore) or .discoverStore()");
      }
      if (notifier == null) {
        throw new IllegalStateException(
            "Cpis.builder() needs a notifier: call .notifier(Notifier) with what delivers access"
                + " notifications to the local authorities");
      }
      return new Cpis(this);
    }
  }
}
