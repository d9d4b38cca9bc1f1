package org.cpis.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.cpis.testkit.UploadRow;

/** Maps the test kit's neutral upload rows to core's upload records, field by field. */
public final class UploadRows {

  private UploadRows() {}

  public static UploadRecord toRecord(UploadRow row) {
    return UploadRecord.builder()
        .lineNumber(row.lineNumber())
        .localReference(row.localReference())
        .nhsNumber(row.nhsNumber())
        .givenName(row.givenName())
        .familyName(row.familyName())
        .dateOfBirth(row.dateOfBirth())
        .planType(row.planType())
        .startDate(row.startDate())
        .endDate(row.endDate())
        .expectedDeliveryDate(row.expectedDeliveryDate())
        .allocatedSocialWorker(row.allocatedSocialWorker())
        .action(row.action())
        .build();
  }

  public static List<UploadRecord> toRecords(List<UploadRow> rows) {
    return rows.stream().map(UploadRows::toRecord).collect(Collectors.toList());
  }
}
