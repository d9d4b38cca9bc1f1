package org.cpis.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.AuditEntry;
import org.cpis.model.LocalAuthority;
import org.cpis.model.NhsNumber;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.Review;
import org.cpis.model.UploadReceipt;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.RecordNotFoundException;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;

/**
 * One write operation of the store SPI, done both on a store and on a {@link ReferenceModel}: the
 * steps of the kit's state machine.
 */
abstract class Write {

  private final String description;

  private Write(String description) {
    this.description = description;
  }

  /** The exception the store must throw for this write on a store that holds {@code model}, if any. */
  abstract Optional<Class<? extends StoreException>> refusal(ReferenceModel model);

  /**
   * Does the write through {@code tx}, checks what the store returned against {@code model}, and
   * then applies the write to {@code model}. Only called when {@link #refusal} is empty.
   */
  abstract void apply(StoreTransaction tx, ReferenceModel model);

  @Override
  public String toString() {
    return description;
  }

  private static Optional<Class<? extends StoreException>> duplicateIf(boolean exists) {
    return exists ? Optional.of(DuplicateRecordException.class) : Optional.empty();
  }

  private static Optional<Class<? extends StoreException>> notFoundIf(boolean missing) {
    return missing ? Optional.of(RecordNotFoundException.class) : Optional.empty();
  }

  static Write insertLocalAuthority(LocalAuthority la) {
    return new Write("insert local authority " + la.odsCode()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(m.localAuthorities.containsKey(la.odsCode()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.localAuthorities().insert(la);
        m.localAuthorities.put(la.odsCode(), la);
      }
    };
  }

  static Write updateLocalAuthority(LocalAuthority la) {
    return new Write("update local authority " + la.odsCode()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return notFoundIf(!m.localAuthorities.containsKey(la.odsCode()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.localAuthorities().update(la);
        m.localAuthorities.put(la.odsCode(), la);
      }
    };
  }

  static Write insertPlan(ProtectionPlan plan) {
    return new Write("insert plan " + plan.id()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(m.plans.containsKey(plan.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.plans().insert(plan);
        m.plans.put(plan.id(), plan);
      }
    };
  }

  static Write updatePlan(ProtectionPlan plan) {
    return new Write("update plan " + plan.id()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return notFoundIf(!m.plans.containsKey(plan.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.plans().update(plan);
        m.plans.put(plan.id(), plan);
      }
    };
  }

  static Write deletePlan(PlanId id) {
    return new Write("delete plan " + id) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return Optional.empty();
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        assertEquals(m.plans.containsKey(id), tx.plans().delete(id), "delete(" + id + ") says whether there was one");
        m.plans.remove(id);
      }
    };
  }

  static Write insertEvent(AccessEvent event) {
    return new Write("insert access event " + event.id() + " at " + event.accessedAt()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(m.events.containsKey(event.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.accessEvents().insert(event);
        m.events.put(event.id(), event);
      }
    };
  }

  static Write insertNotification(AccessNotification n) {
    return new Write("insert notification " + n.id() + " (" + n.deliveryStatus() + ")") {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(m.notifications.containsKey(n.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.notifications().insert(n);
        m.notifications.put(n.id(), n);
      }
    };
  }

  static Write updateNotification(AccessNotification n) {
    return new Write(
        "update notification " + n.id() + " (" + n.deliveryStatus() + ", next attempt " + n.nextAttemptAt() + ")") {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return notFoundIf(!m.notifications.containsKey(n.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.notifications().update(n);
        m.notifications.put(n.id(), n);
      }
    };
  }

  static Write insertReview(Review review) {
    return new Write("review notification " + review.notificationId()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        if (!m.notifications.containsKey(review.notificationId())) {
          return Optional.of(RecordNotFoundException.class);
        }
        return duplicateIf(m.reviews.containsKey(review.notificationId()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.reviews().insert(review);
        m.reviews.put(review.notificationId(), review);
      }
    };
  }

  static Write append(AuditEntry entry) {
    return new Write("append audit entry " + entry.sequence()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(entry.sequence() != m.nextSequence());
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.audit().append(entry);
        m.audit.put(entry.sequence(), entry);
      }
    };
  }

  static Write insertReceipt(UploadReceipt receipt) {
    return new Write("insert upload receipt " + receipt.id()) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return duplicateIf(m.uploads.containsKey(receipt.id()));
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        tx.uploads().insert(receipt);
        m.uploads.put(receipt.id(), receipt);
      }
    };
  }

  /** Purges a subject as the engine does: its plans one by one, then its accesses and notifications. */
  static Write purge(NhsNumber subject) {
    return new Write("purge subject " + subject) {
      @Override
      Optional<Class<? extends StoreException>> refusal(ReferenceModel m) {
        return Optional.empty();
      }

      @Override
      void apply(StoreTransaction tx, ReferenceModel m) {
        List<ProtectionPlan> plans = tx.plans().findBySubject(subject);
        assertEquals(m.plansBySubject(subject), plans, "plans of the subject before the purge");
        plans.forEach(p -> tx.plans().delete(p.id()));
        m.plans.keySet().removeAll(plans.stream().map(ProtectionPlan::id).collect(Collectors.toList()));
        assertEquals(
            m.deleteEventsBySubject(subject),
            tx.accessEvents().deleteBySubject(subject),
            "accesses deleted by subject");
        assertEquals(
            m.deleteNotificationsBySubject(subject),
            tx.notifications().deleteBySubject(subject),
            "notifications deleted by subject");
      }
    };
  }
}
