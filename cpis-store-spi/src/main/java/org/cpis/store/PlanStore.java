package org.cpis.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.OdsCode;
import org.cpis.model.PlanId;
import org.cpis.model.PlanType;
import org.cpis.model.ProtectionPlan;

/** Protection plans keyed by {@link PlanId}. Lists are ordered by plan id. */
public interface PlanStore {

  /** @throws DuplicateRecordException if a plan with the same id exists */
  void insert(ProtectionPlan plan);

  /** Replaces the plan with the same id. @throws RecordNotFoundException if there is none */
  void update(ProtectionPlan plan);

  /** Removes the plan; {@code false} if there was none. */
  boolean delete(PlanId id);

  Optional<ProtectionPlan> find(PlanId id);

  /** The plans recorded under this NHS number (the child's, or for unborn plans the mother's). */
  List<ProtectionPlan> findBySubject(NhsNumber subject);

  /** The plans this local authority owns. */
  List<ProtectionPlan> findByLocalAuthority(OdsCode localAuthority);

  /** Plans of this type whose end date is before {@code date}. */
  List<ProtectionPlan> findEndedBefore(PlanType type, LocalDate date);

  /** Plans with no end date whose expected delivery date is before {@code date}. */
  List<ProtectionPlan> findOpenWithExpectedDeliveryBefore(LocalDate date);

  /** Plans whose child's date of birth is before {@code date}. */
  List<ProtectionPlan> findChildBornBefore(LocalDate date);
}
