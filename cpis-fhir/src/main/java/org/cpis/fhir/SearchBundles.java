package org.cpis.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/**
 * Search results in the shape of the national API's examples: a {@code searchset} Bundle with a
 * {@code self} link, {@code total} (the number of matches, not counting included resources), and
 * each entry with its {@code fullUrl} ({@code base/Type/id}) and {@code search.mode} ({@code match}
 * or {@code include}).
 */
public final class SearchBundles {

  private SearchBundles() {}

  /**
   * A searchset of {@code matches} and the resources they refer to, {@code includes}.
   *
   * @param baseUrl the server's base, without a trailing slash
   * @param selfUrl the search as requested; callers pass it without anything the caller did not send
   */
  public static Bundle searchset(
      String baseUrl, String selfUrl, Instant at, List<? extends Resource> matches, List<? extends Resource> includes) {
    Bundle bundle = new Bundle();
    bundle.setId(UUID.randomUUID().toString());
    bundle.getMeta().setLastUpdated(Date.from(at));
    bundle.setType(BundleType.SEARCHSET);
    bundle.setTotal(matches.size());
    bundle.addLink().setRelation("self").setUrl(selfUrl);
    matches.forEach(r -> add(bundle, baseUrl, r, SearchEntryMode.MATCH));
    includes.forEach(r -> add(bundle, baseUrl, r, SearchEntryMode.INCLUDE));
    return bundle;
  }

  private static void add(Bundle bundle, String baseUrl, Resource resource, SearchEntryMode mode) {
    bundle
        .addEntry()
        .setFullUrl(baseUrl + "/" + resource.fhirType() + "/" + resource.getIdPart())
        .setResource(resource)
        .getSearch()
        .setMode(mode);
  }

  /** The resources of the entries with {@code search.mode} {@code mode}, of this type, in order. */
  public static <T extends Resource> List<T> entries(Bundle bundle, Class<T> type, SearchEntryMode mode) {
    return bundle.getEntry().stream()
        .filter(e -> e.getSearch().getMode() == mode)
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .collect(java.util.stream.Collectors.toList());
  }

  /**
   * A stable resource id for a cpis key: a name-based UUID of {@code kind:key}, so that the same
   * plan or access always has the same id and no key (which may hold characters a FHIR id may not)
   * appears in a URL.
   */
  public static String idFor(String kind, String key) {
    return UUID.nameUUIDFromBytes((kind + ':' + key).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
