package org.cpis.rules;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;

/**
 * Superseded and inactive NHS numbers (after an adoption, or when duplicate records are merged):
 * the numbers linked to a number through the links PDS reported are one child's, so a check of any
 * of them shows the plans held under all of them, each marked with the number it is held under. A
 * number is linked to another only through a chain of links: linking never makes a plan visible
 * under an unrelated number.
 */
public final class NumberLinks {

  private NumberLinks() {}

  /**
   * The numbers linked to {@code number} through {@code links}, in either direction, {@code
   * number} itself first.
   */
  public static Set<NhsNumber> linked(NhsNumber number, Collection<NhsNumberLink> links) {
    Map<NhsNumber, Set<NhsNumber>> neighbours = new HashMap<>();
    for (NhsNumberLink l : links) {
      l.replacement()
          .ifPresent(
              r -> {
                neighbours.computeIfAbsent(l.number(), k -> new HashSet<>()).add(r);
                neighbours.computeIfAbsent(r, k -> new HashSet<>()).add(l.number());
              });
    }
    Set<NhsNumber> found = new LinkedHashSet<>();
    Deque<NhsNumber> next = new ArrayDeque<>();
    next.add(number);
    while (!next.isEmpty()) {
      NhsNumber n = next.poll();
      if (found.add(n)) {
        next.addAll(neighbours.getOrDefault(n, Set.of()));
      }
    }
    return found;
  }

  /**
   * The number in use for {@code number}: its replacement's replacement and so on, if it is
   * superseded; empty if it is not superseded (in use, or inactive with no replacement). A cycle of
   * links ends where it would repeat.
   */
  public static Optional<NhsNumber> currentNumber(NhsNumber number, Collection<NhsNumberLink> links) {
    Map<NhsNumber, NhsNumberLink> from = new HashMap<>();
    links.forEach(l -> from.put(l.number(), l));
    Set<NhsNumber> seen = new HashSet<>();
    seen.add(number);
    NhsNumber current = number;
    while (from.containsKey(current) && from.get(current).replacement().isPresent()) {
      NhsNumber next = from.get(current).replacement().get();
      if (!seen.add(next)) {
        break;
      }
      current = next;
    }
    return current.equals(number) ? Optional.empty() : Optional.of(current);
  }

  /** Whether {@code number}, or the number in use for it, is inactive with no replacement. */
  public static boolean isInactive(NhsNumber number, Collection<NhsNumberLink> links) {
    NhsNumber current = currentNumber(number, links).orElse(number);
    return links.stream().anyMatch(l -> l.number().equals(current) && !l.isSuperseded());
  }

  /**
   * Whether {@code previous} is a previous number of {@code number}: its chain of replacements
   * passes through {@code number}.
   */
  public static boolean isPreviousNumberOf(
      NhsNumber previous, NhsNumber number, Collection<NhsNumberLink> links) {
    Map<NhsNumber, NhsNumberLink> from = new HashMap<>();
    links.forEach(l -> from.put(l.number(), l));
    Set<NhsNumber> seen = new HashSet<>();
    NhsNumber at = previous;
    while (seen.add(at) && from.containsKey(at) && from.get(at).replacement().isPresent()) {
      at = from.get(at).replacement().get();
      if (at.equals(number)) {
        return !previous.equals(number);
      }
    }
    return false;
  }

  /**
   * An upload's record under {@code number}: rejected ({@link RejectionReason#NHS_NUMBER_INACTIVE})
   * if the number is inactive with no replacement; otherwise accepted as usual, and the outcome
   * names the replacement when it is superseded, so that the local authority fixes its record.
   *
   * @return the rejection, if any
   */
  public static Optional<RejectionReason> uploadRejection(Optional<NhsNumberLink> link) {
    return link.filter(l -> !l.isSuperseded()).map(l -> RejectionReason.NHS_NUMBER_INACTIVE);
  }
}
