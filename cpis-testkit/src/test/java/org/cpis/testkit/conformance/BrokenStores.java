package org.cpis.testkit.conformance;

import java.util.EnumSet;
import java.util.Set;
import org.cpis.store.CpisStore;
import org.cpis.store.StoreTransaction;
import org.cpis.testkit.conformance.MapStore.Fault;

/**
 * The conformance kit applied to {@link MapStore}, correct and with each {@link Fault}. These
 * classes are only run through the JUnit Platform's {@code EngineTestKit} by {@link
 * ConformanceKitCatchesFaultsTest}: their names match none of Surefire's patterns, so a failing
 * kit here does not fail the build by itself.
 */
final class BrokenStores {

  private BrokenStores() {}

  /** The kit run against a {@link MapStore} with these faults. */
  abstract static class Kit extends CpisStoreConformanceKit {
    private final Set<Fault> faults;

    Kit(Set<Fault> faults) {
      this.faults = faults;
    }

    @Override
    protected CpisStore createStore() {
      return new MapStore(faults);
    }

    @Override
    protected void failInside(StoreTransaction tx) {
      ((MapStore.Tx) tx).fail();
    }
  }

  static Class<? extends Kit> kitFor(Fault fault) {
    switch (fault) {
      case FORGETS_ROLLBACK:
        return ForgetsRollback.class;
      case EVENTS_OLDEST_FIRST:
        return EventsOldestFirst.class;
      case IGNORES_LIMIT:
        return IgnoresLimit.class;
      case ALLOWS_DUPLICATE_IDS:
        return AllowsDuplicateIds.class;
      case UPDATE_OF_MISSING_INSERTS:
        return UpdateOfMissingInserts.class;
      case AUDIT_SEALS_TWICE:
        return AuditSealsTwice.class;
      case CLAIMS_OVERLAP:
        return ClaimsOverlap.class;
      case LEASES_IGNORE_HOLDER:
        return LeasesIgnoreHolder.class;
      case REFUSAL_DOOMS:
        return RefusalDooms.class;
      case IGNORES_DOOM:
        return IgnoresDoom.class;
      case DATE_BOUNDARIES_INCLUSIVE:
        return DateBoundariesInclusive.class;
      case REVIEWED_STAYS_IN_INBOX:
        return ReviewedStaysInInbox.class;
      case USABLE_AFTER_TRANSACTION:
        return UsableAfterTransaction.class;
      case NO_ISOLATION:
        return NoIsolation.class;
      case PURGE_KEEPS_REVIEWS:
        return PurgeKeepsReviews.class;
      case WRAPS_EXCEPTIONS:
        return WrapsExceptions.class;
      case AUDIT_TREE_OVERWRITES:
        return AuditTreeOverwrites.class;
      case WINDOW_EXCLUDES_ITS_START:
        return WindowExcludesItsStart.class;
      default:
        throw new IllegalArgumentException("no kit for " + fault);
    }
  }

  static final class Correct extends Kit {
    Correct() {
      super(EnumSet.noneOf(Fault.class));
    }
  }

  static final class ForgetsRollback extends Kit {
    ForgetsRollback() {
      super(EnumSet.of(Fault.FORGETS_ROLLBACK));
    }
  }

  static final class EventsOldestFirst extends Kit {
    EventsOldestFirst() {
      super(EnumSet.of(Fault.EVENTS_OLDEST_FIRST));
    }
  }

  static final class IgnoresLimit extends Kit {
    IgnoresLimit() {
      super(EnumSet.of(Fault.IGNORES_LIMIT));
    }
  }

  static final class AllowsDuplicateIds extends Kit {
    AllowsDuplicateIds() {
      super(EnumSet.of(Fault.ALLOWS_DUPLICATE_IDS));
    }
  }

  static final class UpdateOfMissingInserts extends Kit {
    UpdateOfMissingInserts() {
      super(EnumSet.of(Fault.UPDATE_OF_MISSING_INSERTS));
    }
  }

  static final class AuditSealsTwice extends Kit {
    AuditSealsTwice() {
      super(EnumSet.of(Fault.AUDIT_SEALS_TWICE));
    }
  }

  static final class ClaimsOverlap extends Kit {
    ClaimsOverlap() {
      super(EnumSet.of(Fault.CLAIMS_OVERLAP));
    }
  }

  static final class LeasesIgnoreHolder extends Kit {
    LeasesIgnoreHolder() {
      super(EnumSet.of(Fault.LEASES_IGNORE_HOLDER));
    }
  }

  static final class RefusalDooms extends Kit {
    RefusalDooms() {
      super(EnumSet.of(Fault.REFUSAL_DOOMS));
    }
  }

  static final class IgnoresDoom extends Kit {
    IgnoresDoom() {
      super(EnumSet.of(Fault.IGNORES_DOOM));
    }
  }

  static final class DateBoundariesInclusive extends Kit {
    DateBoundariesInclusive() {
      super(EnumSet.of(Fault.DATE_BOUNDARIES_INCLUSIVE));
    }
  }

  static final class ReviewedStaysInInbox extends Kit {
    ReviewedStaysInInbox() {
      super(EnumSet.of(Fault.REVIEWED_STAYS_IN_INBOX));
    }
  }

  static final class UsableAfterTransaction extends Kit {
    UsableAfterTransaction() {
      super(EnumSet.of(Fault.USABLE_AFTER_TRANSACTION));
    }
  }

  static final class NoIsolation extends Kit {
    NoIsolation() {
      super(EnumSet.of(Fault.NO_ISOLATION));
    }
  }

  static final class PurgeKeepsReviews extends Kit {
    PurgeKeepsReviews() {
      super(EnumSet.of(Fault.PURGE_KEEPS_REVIEWS));
    }
  }

  static final class WrapsExceptions extends Kit {
    WrapsExceptions() {
      super(EnumSet.of(Fault.WRAPS_EXCEPTIONS));
    }
  }

  static final class AuditTreeOverwrites extends Kit {
    AuditTreeOverwrites() {
      super(EnumSet.of(Fault.AUDIT_TREE_OVERWRITES));
    }
  }

  static final class WindowExcludesItsStart extends Kit {
    WindowExcludesItsStart() {
      super(EnumSet.of(Fault.WINDOW_EXCLUDES_ITS_START));
    }
  }
}
