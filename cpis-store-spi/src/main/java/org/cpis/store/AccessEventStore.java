package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.AccessEvent;
import org.cpis.model.NhsNumber;
import org.cpis.model.RecordId;

/** The history of unscheduled accesses to children's records. */
public interface AccessEventStore {

  /** @throws DuplicateRecordException if an event with the same id exists */
  void insert(AccessEvent event);

  Optional<AccessEvent> find(RecordId id);

  /**
   * The most recent {@code limit} accesses to this NHS number, newest first (ties broken by id,
   * descending).
   */
  List<AccessEvent> findRecentBySubject(NhsNumber subject, int limit);

  /** Removes every access to this NHS number; returns how many. */
  int deleteBySubject(NhsNumber subject);
}
