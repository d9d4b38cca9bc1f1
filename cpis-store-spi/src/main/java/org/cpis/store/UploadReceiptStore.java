package org.cpis.store;

import java.util.List;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.cpis.model.UploadReceipt;

/** Receipts of local authorities' uploads. */
public interface UploadReceiptStore {

  /** @throws DuplicateRecordException if a receipt with the same id exists */
  void insert(UploadReceipt receipt);

  /** The receipt with the latest receipt time from this local authority, if any. */
  Optional<UploadReceipt> findLatest(OdsCode localAuthority);
}
