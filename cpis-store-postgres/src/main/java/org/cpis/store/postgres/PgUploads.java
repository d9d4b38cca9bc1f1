package org.cpis.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.OdsCode;
import org.cpis.model.UploadReceipt;
import org.cpis.store.DuplicateRecordException;
import org.cpis.store.UploadReceiptStore;

/** Upload receipts in {@code upload_receipt}. */
final class PgUploads implements UploadReceiptStore {

  private static final String COLUMNS =
      "id, local_authority, received_at, accepted, unchanged, rejected, without_nhs_number";

  private final Session session;

  PgUploads(Session session) {
    this.session = session;
  }

  @Override
  public void insert(UploadReceipt r) {
    Objects.requireNonNull(r, "upload receipt");
    session.insertNew(
        () -> new DuplicateRecordException("upload receipt " + r.id() + " already exists"),
        "INSERT INTO {s}.upload_receipt (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.localAuthority(),
        r.receivedAt(),
        r.accepted(),
        r.unchanged(),
        r.rejected(),
        r.withoutNhsNumber());
  }

  @Override
  public Optional<UploadReceipt> findLatest(OdsCode localAuthority) {
    Objects.requireNonNull(localAuthority, "localAuthority");
    return session.queryOne(
        "SELECT " + COLUMNS + " FROM {s}.upload_receipt WHERE local_authority = ?"
            + " ORDER BY received_at DESC, id DESC LIMIT 1",
        PgUploads::read,
        localAuthority);
  }

  private static UploadReceipt read(ResultSet rs) throws SQLException {
    return UploadReceipt.builder()
        .id(Session.recordId(rs, "id"))
        .localAuthority(Session.odsCode(rs, "local_authority"))
        .receivedAt(Session.instant(rs, "received_at"))
        .accepted(rs.getInt("accepted"))
        .unchanged(rs.getInt("unchanged"))
        .rejected(rs.getInt("rejected"))
        .withoutNhsNumber(rs.getInt("without_nhs_number"))
        .build();
  }
}
