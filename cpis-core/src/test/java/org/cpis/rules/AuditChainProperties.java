package org.cpis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpis.model.AuditAction;
import org.cpis.model.AuditEntry;
import org.cpis.model.CareSetting;
import org.cpis.model.AuditRecord;
import org.cpis.model.ImmutableAuditEntry;
import org.cpis.model.ImmutableAuditRecord;
import org.cpis.model.RecordId;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.testkit.CpisArbitraries;

/**
 * Design rule 9: the audit log is tamper-evident. A chain built with {@link AuditChain#next}
 * verifies; changing any field of any entry, removing or reordering entries is detected at the
 * sequence number where the chain breaks.
 */
class AuditChainProperties {

  /** One way to tamper with a single entry without resealing it. */
  enum Tampering {
    ID, AT, ACTION, ACTOR, ORGANISATION, SETTING, SUBJECT, DETAIL, PREVIOUS_HASH, HASH, SEQUENCE;

    AuditEntry apply(AuditEntry e) {
      ImmutableAuditEntry x = ImmutableAuditEntry.copyOf(e);
      ImmutableAuditRecord r = ImmutableAuditRecord.copyOf(e.record());
      switch (this) {
        case ID:
          return x.withRecord(r.withId(RecordId.of((e.id().value().charAt(0) == 'a' ? "b" : "a") + e.id().value().substring(1))));
        case AT:
          return x.withRecord(r.withAt(e.at().plusNanos(1_000)));
        case ACTION:
          return x.withRecord(r.withAction(AuditAction.values()[(e.action().ordinal() + 1) % AuditAction.values().length]));
        case ACTOR:
          return x.withRecord(r.withActor(e.actor() + "x"));
        case ORGANISATION:
          return x.withRecord(r.withOrganisation(e.organisation().isPresent() ? Optional.empty() : Optional.of(OdsCode.of("RAL01"))));
        case SETTING:
          return x.withRecord(
              r.withSetting(
                  e.setting().isPresent()
                      ? Optional.empty()
                      : Optional.of(CareSetting.EMERGENCY_DEPARTMENT)));
        case SUBJECT:
          return x.withRecord(
              r.withSubject(
                  e.subject().filter(n -> !n.value().equals("9434765919")).isPresent() || e.subject().isEmpty()
                      ? Optional.of(NhsNumber.parse("9434765919"))
                      : Optional.empty()));
        case DETAIL:
          return x.withRecord(r.withDetail(e.detail() + "."));
        case PREVIOUS_HASH:
          return x.withPreviousHash(flip(e.previousHash()));
        case HASH:
          return x.withHash(flip(e.hash()));
        default:
          return x.withSequence(e.sequence() + 1);
      }
    }

    private static String flip(String hex) {
      if (hex.isEmpty()) {
        return "0";
      }
      char c = hex.charAt(0);
      return (c == '0' ? '1' : '0') + hex.substring(1);
    }
  }

  @Property(tries = 200)
  @Label("a chain built with next verifies, numbered from 1, each entry holding its predecessor's hash")
  void builtChainVerifies(@ForAll("chains") List<AuditEntry> chain) {
    assertThat(AuditChain.firstBroken(chain)).isEmpty();
    for (int i = 0; i < chain.size(); i++) {
      AuditEntry e = chain.get(i);
      assertThat(e.sequence()).isEqualTo(i + 1);
      assertThat(e.previousHash()).isEqualTo(i == 0 ? AuditChain.GENESIS : chain.get(i - 1).hash());
      assertThat(e.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hashOf(e));
    }
  }

  @Property(tries = 300)
  @Label("changing any field of any entry breaks the chain at that entry")
  void changedFieldDetected(
      @ForAll("chains") List<AuditEntry> chain, @ForAll Tampering tampering, @ForAll int which) {
    Assume.that(!chain.isEmpty());
    int index = Math.floorMod(which, chain.size());
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(index, tampering.apply(chain.get(index)));
    assertThat(AuditChain.firstBroken(tampered)).isEqualTo(OptionalLong.of(index + 1));
  }

  @Property(tries = 200)
  @Label("a changed entry that is resealed breaks the chain at the next entry")
  void resealedChangeDetectedAtTheNext(
      @ForAll("chains") List<AuditEntry> chain, @ForAll("contentTamperings") Tampering tampering, @ForAll int which) {
    Assume.that(chain.size() >= 2);
    int index = Math.floorMod(which, chain.size() - 1);
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(index, AuditChain.seal(tampering.apply(chain.get(index))));
    assertThat(AuditChain.firstBroken(tampered)).isEqualTo(OptionalLong.of(index + 2));
  }

  @Property(tries = 300)
  @Label("removing an entry other than the last breaks the chain where it was")
  void removalDetected(@ForAll("chains") List<AuditEntry> chain, @ForAll int which) {
    Assume.that(chain.size() >= 2);
    int index = Math.floorMod(which, chain.size() - 1);
    List<AuditEntry> shorter = new ArrayList<>(chain);
    shorter.remove(index);
    assertThat(AuditChain.firstBroken(shorter)).isEqualTo(OptionalLong.of(index + 1));
  }

  @Property(tries = 300)
  @Label("swapping two entries breaks the chain at the first of them")
  void swapDetected(@ForAll("chains") List<AuditEntry> chain, @ForAll int first, @ForAll int second) {
    Assume.that(chain.size() >= 2);
    int i = Math.floorMod(first, chain.size());
    int j = Math.floorMod(second, chain.size());
    Assume.that(i != j);
    List<AuditEntry> swapped = new ArrayList<>(chain);
    Collections.swap(swapped, i, j);
    assertThat(AuditChain.firstBroken(swapped)).isEqualTo(OptionalLong.of(Math.min(i, j) + 1));
  }

  @Property(tries = 200)
  @Label("the chain is extended by next from its last entry, and stays valid")
  void appendKeepsItValid(@ForAll("chains") List<AuditEntry> chain, @ForAll("drafts") AuditEntry draft) {
    List<AuditEntry> longer = new ArrayList<>(chain);
    longer.add(
        AuditChain.next(
            chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1)),
            draft.record()));
    assertThat(AuditChain.firstBroken(longer)).isEmpty();
  }

  @Property
  @Label("the hash depends on every field but itself")
  void hashCoversEveryField(@ForAll("drafts") AuditEntry entry, @ForAll("fieldTamperings") Tampering tampering) {
    AuditEntry sealed = AuditChain.seal(entry);
    assertThat(AuditChain.hashOf(tampering.apply(sealed))).isNotEqualTo(sealed.hash());
    assertThat(AuditChain.hashOf(ImmutableAuditEntry.copyOf(sealed).withHash("f00d"))).isEqualTo(sealed.hash());
  }

  @Provide
  Arbitrary<AuditEntry> drafts() {
    return CpisArbitraries.auditEntries();
  }

  @Provide
  Arbitrary<Tampering> fieldTamperings() {
    return Arbitraries.of(Tampering.class).filter(t -> t != Tampering.HASH);
  }

  /** Changes to what an entry says, which resealing hides from the entry itself. */
  @Provide
  Arbitrary<Tampering> contentTamperings() {
    return Arbitraries.of(Tampering.class)
        .filter(t -> t != Tampering.HASH && t != Tampering.PREVIOUS_HASH && t != Tampering.SEQUENCE);
  }

  @Provide
  Arbitrary<List<AuditEntry>> chains() {
    return CpisArbitraries.auditRecords()
        .list()
        .uniqueElements(AuditRecord::id)
        .ofMaxSize(12)
        .map(
            records -> {
              List<AuditEntry> chain = new ArrayList<>();
              for (AuditRecord record : records) {
                Optional<AuditEntry> last = chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
                chain.add(AuditChain.next(last, record));
              }
              return chain;
            });
  }
}
