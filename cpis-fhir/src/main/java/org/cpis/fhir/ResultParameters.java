package org.cpis.fhir;

import java.util.Date;
import org.cpis.PurgeReport;
import org.cpis.RecordOutcome;
import org.cpis.UploadReport;
import org.cpis.model.Review;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * The local-authority side's results as FHIR {@code Parameters}, for hosts that answer in FHIR:
 * an upload report (one {@code record} part per record, in file order), a review, a purge. The
 * names are the cpis fields'; none of these carries an NHS number.
 */
public final class ResultParameters {

  private ResultParameters() {}

  /** {@code receiptId}, {@code receivedAt}, {@code fileOutcome}, the counts, and per record {@code line}, {@code localReference}, {@code status}, {@code change}, {@code reason}. */
  public static Parameters upload(UploadReport report) {
    Parameters p = new Parameters();
    p.addParameter().setName("receiptId").setValue(new StringType(report.receiptId().value()));
    p.addParameter().setName("receivedAt").setValue(new InstantType(Date.from(report.receivedAt())));
    p.addParameter().setName("fileOutcome").setValue(new CodeType(report.fileOutcome().name()));
    p.addParameter().setName("accepted").setValue(new IntegerType(report.accepted()));
    p.addParameter().setName("unchanged").setValue(new IntegerType(report.unchanged()));
    p.addParameter().setName("rejected").setValue(new IntegerType(report.rejected()));
    for (RecordOutcome o : report.outcomes()) {
      Parameters.ParametersParameterComponent record = p.addParameter().setName("record");
      record.addPart().setName("line").setValue(new IntegerType(o.lineNumber()));
      o.localReference().ifPresent(r -> record.addPart().setName("localReference").setValue(new StringType(r)));
      record.addPart().setName("status").setValue(new CodeType(o.status().name()));
      o.change().ifPresent(c -> record.addPart().setName("change").setValue(new CodeType(c.name())));
      o.reason().ifPresent(r -> record.addPart().setName("reason").setValue(new CodeType(r.code())));
    }
    return p;
  }

  /** {@code notification}, {@code localAuthority}, {@code reviewer}, {@code outcome}, {@code recordedOnCaseRecord}, {@code reviewedAt}. */
  public static Parameters review(Review review) {
    Parameters p = new Parameters();
    p.addParameter().setName("notification").setValue(new StringType(review.notificationId().value()));
    p.addParameter().setName("localAuthority").setValue(new CodeType(review.localAuthority().value()));
    p.addParameter().setName("reviewer").setValue(new StringType(review.reviewer()));
    p.addParameter().setName("outcome").setValue(new CodeType(review.outcome().name()));
    p.addParameter().setName("recordedOnCaseRecord").setValue(new BooleanType(review.recordedOnCaseRecord()));
    p.addParameter().setName("reviewedAt").setValue(new InstantType(Date.from(review.reviewedAt())));
    return p;
  }

  /** {@code purgedOn} and the counts of what was removed. */
  public static Parameters purge(PurgeReport report) {
    Parameters p = new Parameters();
    p.addParameter().setName("purgedOn").setValue(new DateType(report.purgedOn().toString()));
    p.addParameter().setName("plansPurged").setValue(new IntegerType(report.plansPurged()));
    p.addParameter().setName("accessEventsPurged").setValue(new IntegerType(report.accessEventsPurged()));
    p.addParameter().setName("notificationsPurged").setValue(new IntegerType(report.notificationsPurged()));
    return p;
  }
}
