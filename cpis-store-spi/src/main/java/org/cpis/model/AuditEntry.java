package org.cpis.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One sealed entry of the append-only audit log: an {@link AuditRecord} given its place in the
 * hash chain. Entries are numbered from 1 without gaps and each carries the hash of the entry
 * before it ({@link #previousHash()}, empty text for the first) and its own {@link #hash()}, so a
 * changed, removed, reordered or inserted entry is detectable.
 */
@Value.Immutable
public abstract class AuditEntry {

  public abstract long sequence();

  /** The audited act. */
  public abstract AuditRecord record();

  public abstract String previousHash();

  public abstract String hash();

  public RecordId id() {
    return record().id();
  }

  public Instant at() {
    return record().at();
  }

  public AuditAction action() {
    return record().action();
  }

  public String actor() {
    return record().actor();
  }

  public Optional<OdsCode> organisation() {
    return record().organisation();
  }

  public Optional<CareSetting> setting() {
    return record().setting();
  }

  public Optional<NhsNumber> subject() {
    return record().subject();
  }

  public String detail() {
    return record().detail();
  }

  public static ImmutableAuditEntry.Builder builder() {
    return ImmutableAuditEntry.builder();
  }

  @Value.Check
  protected void check() {
    Records.require(sequence() >= 1, "audit sequence numbers start at 1");
    Records.requireText(hash(), "an audit hash");
  }
}
