package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.NumberChangeNotice;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;

/**
 * Superseded and inactive NHS numbers, as the host reports them (from PDS), and the notices that
 * tell local authorities of them.
 */
public interface NhsNumberLinkStore {

  /**
   * @throws DuplicateRecordException if a link with the same id, or from the same number, exists
   */
  void insert(NhsNumberLink link);

  /** Replaces the link from the same number. @throws RecordNotFoundException if there is none */
  void update(NhsNumberLink link);

  /** The link from this number, if it is no longer in use. */
  Optional<NhsNumberLink> findByNumber(NhsNumber number);

  /**
   * Every link from or to this number (its own, and those it replaces), ordered by id. One indexed
   * read: a number with no link reads nothing else.
   */
  List<NhsNumberLink> findInvolving(NhsNumber number);

  /** @throws DuplicateRecordException if a notice with the same id exists */
  void insertNotice(NumberChangeNotice notice);

  /** Replaces the notice with the same id. @throws RecordNotFoundException if there is none */
  void updateNotice(NumberChangeNotice notice);

  Optional<NumberChangeNotice> findNotice(RecordId id);

  /** This local authority's notices, oldest first (ties by id). */
  List<NumberChangeNotice> findNotices(OdsCode localAuthority);
}
