package org.cpis.sandbox;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpis.Cpis;
import org.cpis.CpisException;
import org.cpis.UnknownLocalAuthorityException;
import org.cpis.UnknownNotificationException;
import org.cpis.NotificationOfAnotherAuthorityException;
import org.cpis.ReviewAlreadyRecordedException;
import org.cpis.UploadReport;
import org.cpis.fhir.AuditTrail;
import org.cpis.fhir.NotificationMessages;
import org.cpis.fhir.ResultParameters;
import org.cpis.fhir.SearchBundles;
import org.cpis.fhir.SpineError;
import org.cpis.model.OdsCode;
import org.cpis.model.RecordId;
import org.cpis.model.Review;
import org.cpis.model.ReviewOutcome;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;

/**
 * The sandbox-only endpoints under {@code /_sandbox}, with which a test sets up a case and checks
 * what the local authority received. They need no token (the sandbox listens on loopback only)
 * and answer FHIR: {@code Parameters} for results, {@code Bundle}s of {@code Communication} (the
 * notifications) and {@code AuditEvent} (the audit log), {@code OperationOutcome} for errors.
 */
final class ControlApi {

  /** Where a date without a time moves the clock to: midday in London. */
  static final LocalTime MIDDAY = LocalTime.NOON;

  private final Supplier<Cpis> engine;
  private final SandboxClock clock;
  private final Runnable reset;
  private final String baseUrl;

  ControlApi(Supplier<Cpis> engine, SandboxClock clock, Runnable reset, String baseUrl) {
    this.engine = engine;
    this.clock = clock;
    this.reset = reset;
    this.baseUrl = baseUrl;
  }

  Reply clock() {
    Instant now = clock.instant();
    Parameters p = new Parameters();
    p.addParameter().setName("now").setValue(new InstantType(java.util.Date.from(now)));
    p.addParameter().setName("today").setValue(new DateType(engine.get().today().toString()));
    return Reply.ok(p);
  }

  /** Moves the clock to {@code instant=…} (ISO-8601) or to midday in London of {@code date=…}. */
  Reply moveClock(Map<String, List<String>> query) {
    Optional<String> instant = Query.single(query, "instant");
    Optional<String> date = Query.single(query, "date");
    if (instant.isPresent() == date.isPresent()) {
      throw new ApiException(SpineError.BAD_REQUEST, "Give instant=2026-02-27T10:00:00Z or date=2026-02-27, not both");
    }
    try {
      clock.set(
          instant.isPresent()
              ? Instant.parse(instant.get())
              : LocalDate.parse(date.get()).atTime(MIDDAY).atZone(Scenario.ZONE).toInstant());
    } catch (DateTimeParseException e) {
      throw new ApiException(SpineError.BAD_REQUEST, "The instant or date is not ISO-8601");
    }
    return clock();
  }

  Reply reset() {
    reset.run();
    return clock();
  }

  /** Applies a local authority's CSV upload file: {@link ResultParameters#upload}. */
  Reply upload(String ods, String csv) {
    UploadReport report;
    try (Reader in = new StringReader(csv)) {
      report = engine.get().localAuthority(odsCode(ods)).upload(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Reply.ok(ResultParameters.upload(report));
  }

  /** The authority's unreviewed notifications, oldest first, as Communication. */
  Reply notifications(String ods) {
    List<org.hl7.fhir.r4.model.Communication> pending =
        engine.get().reviews(odsCode(ods)).pending().stream()
            .map(NotificationMessages::communication)
            .collect(Collectors.toList());
    return Reply.ok(
        SearchBundles.searchset(
            baseUrl, baseUrl + "/_sandbox/local-authorities/" + ods + "/notifications", clock.instant(), pending, List.of()));
  }

  /** Records a review: {@code reviewer}, {@code outcome} (a {@link ReviewOutcome}), {@code recordedOnCaseRecord}. */
  Reply review(String ods, String notificationId, Map<String, List<String>> query) {
    String reviewer =
        Query.single(query, "reviewer").filter(r -> !r.isBlank())
            .orElseThrow(() -> new ApiException(SpineError.BAD_REQUEST, "Give reviewer=…"));
    ReviewOutcome outcome;
    try {
      outcome = ReviewOutcome.valueOf(Query.single(query, "outcome").orElse("NO_FURTHER_ACTION").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(SpineError.BAD_REQUEST, "outcome is one of " + List.of(ReviewOutcome.values()));
    }
    boolean onCaseRecord = Boolean.parseBoolean(Query.single(query, "recordedOnCaseRecord").orElse("true"));
    Review review;
    try {
      review = engine.get().reviews(odsCode(ods)).record(RecordId.of(notificationId), reviewer, outcome, onCaseRecord);
    } catch (UnknownNotificationException | NotificationOfAnotherAuthorityException e) {
      throw new ApiException(SpineError.RESOURCE_NOT_FOUND, e.getMessage());
    } catch (ReviewAlreadyRecordedException e) {
      throw new ApiException(SpineError.CONFLICT, e.getMessage());
    }
    return Reply.ok(ResultParameters.review(review));
  }

  /** Purges what is no longer visible today (design rule 9): {@link ResultParameters#purge}. */
  Reply purge() {
    return Reply.ok(ResultParameters.purge(engine.get().purge()));
  }

  /** The whole audit log as AuditEvent, in sequence order. */
  Reply audit() {
    List<org.hl7.fhir.r4.model.AuditEvent> entries =
        engine.get().auditLog().stream().map(AuditTrail::auditEvent).collect(Collectors.toList());
    return Reply.ok(SearchBundles.searchset(baseUrl, baseUrl + "/_sandbox/audit", clock.instant(), entries, List.of()));
  }

  private OdsCode odsCode(String ods) {
    OdsCode code;
    try {
      code = OdsCode.of(ods);
    } catch (IllegalArgumentException e) {
      throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "No such local authority");
    }
    try {
      engine.get().localAuthority(code);
    } catch (UnknownLocalAuthorityException e) {
      throw new ApiException(SpineError.RESOURCE_NOT_FOUND, "No such local authority");
    }
    return code;
  }

  /** An engine refusal the endpoints do not name: a bad request, in the engine's words (no NHS number). */
  static Reply refused(CpisException e) {
    return Reply.error(SpineError.BAD_REQUEST, e.getMessage());
  }
}
