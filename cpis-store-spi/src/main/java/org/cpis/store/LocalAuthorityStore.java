package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;

/** Local authorities and their contact numbers, keyed by ODS code. */
public interface LocalAuthorityStore {

  /** @throws DuplicateRecordException if one with the same ODS code exists */
  void insert(LocalAuthority localAuthority);

  /** Replaces the one with the same ODS code. @throws RecordNotFoundException if there is none */
  void update(LocalAuthority localAuthority);

  Optional<LocalAuthority> find(OdsCode odsCode);

  /** Every local authority, ordered by ODS code. */
  List<LocalAuthority> findAll();
}
