package org.cpis.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The application's one HAPI {@link FhirContext} for R4 (building one is expensive: it scans the
 * model classes), with JSON encoding and strict JSON parsing. Create one per application and share
 * it; it is thread-safe. A parser is made per call, as HAPI recommends, so that no parser's
 * configuration leaks between threads.
 */
public final class CpisFhir {

  /** The media type of every FHIR body: the API is JSON only. */
  public static final String MEDIA_TYPE = "application/fhir+json";

  private final FhirContext context;

  private CpisFhir(FhirContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** A new R4 context: call once per application. */
  public static CpisFhir create() {
    return new CpisFhir(FhirContext.forR4());
  }

  /** Wraps an R4 context the host already has. */
  public static CpisFhir using(FhirContext context) {
    if (context.getVersion().getVersion() != ca.uhn.fhir.context.FhirVersionEnum.R4) {
      throw new IllegalArgumentException("cpis-fhir needs an R4 FhirContext");
    }
    return new CpisFhir(context);
  }

  public FhirContext context() {
    return context;
  }

  /** The resource as compact JSON. */
  public String encode(IBaseResource resource) {
    return context.newJsonParser().encodeResourceToString(resource);
  }

  /**
   * Parses JSON strictly: an unknown element, a wrong type or a value that breaks its datatype's
   * format is an error rather than a warning.
   *
   * @throws DataFormatException if the text is not a valid resource of that type
   */
  public <T extends IBaseResource> T parseStrictly(Class<T> type, String json) {
    IParser parser = context.newJsonParser();
    parser.setParserErrorHandler(new StrictErrorHandler());
    return parser.parseResource(type, json);
  }
}
