package org.cpis.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cpis.fhir.Capability;
import org.cpis.fhir.FhirSystems;
import org.cpis.fhir.SpineError;
import org.cpis.model.InvalidNhsNumberException;
import org.cpis.model.NhsNumber;

/**
 * Reads query strings. The national searches take exactly one {@code patient:identifier} of the
 * form {@code https://fhir.nhs.uk/Id/nhs-number|{ten digits}} (and optionally {@code _format} for
 * JSON); anything else is {@code 400 INVALID_SEARCH_DATA}. Error texts never repeat the caller's
 * input, so they cannot echo an NHS number.
 */
final class Query {

  private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

  private static final List<String> JSON_FORMATS = List.of("json", "application/json", "application/fhir+json");

  private static final String FORM =
      "write patient:identifier=" + FhirSystems.NHS_NUMBER + "|{NHS number}";

  private Query() {}

  /** The NHS number a national search names. */
  static NhsNumber nhsNumber(String rawQuery) {
    List<String> identifiers = new ArrayList<>();
    for (Map.Entry<String, List<String>> p : parameters(rawQuery, SpineError.INVALID_SEARCH_DATA).entrySet()) {
      if (p.getKey().equals(Capability.PATIENT_IDENTIFIER)) {
        identifiers.addAll(p.getValue());
      } else if (p.getKey().equals("_format")) {
        if (!p.getValue().stream().allMatch(JSON_FORMATS::contains)) {
          throw invalid("Only JSON is served: _format may be json or application/fhir+json");
        }
      } else {
        throw invalid("Unknown search parameter: the search takes patient:identifier only");
      }
    }
    if (identifiers.isEmpty()) {
      throw invalid("The search names no patient: " + FORM);
    }
    if (identifiers.size() > 1) {
      throw invalid("The search names " + identifiers.size() + " identifiers; it takes exactly one");
    }
    String identifier = identifiers.get(0);
    int bar = identifier.indexOf('|');
    if (bar < 0) {
      throw invalid("The identifier has no system: " + FORM);
    }
    if (!identifier.substring(0, bar).equals(FhirSystems.NHS_NUMBER)) {
      throw invalid("The identifier's system is not " + FhirSystems.NHS_NUMBER);
    }
    String digits = identifier.substring(bar + 1);
    if (!TEN_DIGITS.matcher(digits).matches()) {
      throw invalid("The NHS number is not ten digits");
    }
    try {
      return NhsNumber.parse(digits);
    } catch (InvalidNhsNumberException e) {
      throw invalid("The NHS number is not valid: its Modulus 11 check digit is wrong");
    }
  }

  /**
   * The decoded parameters, in order, each with its values.
   *
   * @throws ApiException of {@code error} if a part has no name or no {@code =}, or does not decode
   */
  static Map<String, List<String>> parameters(String rawQuery, SpineError error) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String part : rawQuery.split("&", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new ApiException(error, "The query string is malformed: each part is name=value");
      }
      parameters
          .computeIfAbsent(decode(part.substring(0, eq), error), k -> new ArrayList<>())
          .add(decode(part.substring(eq + 1), error));
    }
    return parameters;
  }

  /** The one value of a parameter of a sandbox endpoint, if given. */
  static Optional<String> single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new ApiException(SpineError.BAD_REQUEST, "The parameter " + name + " is given more than once");
    }
    return values.stream().findFirst();
  }

  private static String decode(String text, SpineError error) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(error, "The query string is malformed: a percent escape is broken");
    }
  }

  private static ApiException invalid(String diagnostics) {
    return new ApiException(SpineError.INVALID_SEARCH_DATA, diagnostics);
  }
}
