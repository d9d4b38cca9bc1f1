package org.cpis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpis.model.AccessEvent;
import org.cpis.model.AccessNotification;
import org.cpis.model.NhsNumber;
import org.cpis.model.NhsNumberLink;
import org.cpis.model.PlanId;
import org.cpis.model.ProtectionPlan;
import org.cpis.model.RecordId;
import org.cpis.rules.NumberLinks;
import org.cpis.store.StoreTransaction;

/**
 * The numbers a check's child is known by ({@link NumberLinks}): the checked number and those linked
 * to it, read through the store one number at a time. A number with no link costs one indexed read
 * and nothing else.
 */
final class LinkedNumbers {

  final NhsNumber checked;
  final List<NhsNumber> numbers;
  final List<NhsNumberLink> links;
  /** {@link NumberLinks#currentNumber} and {@link NumberLinks#isInactive} of the checked number. */
  private final Optional<NhsNumber> replacement;
  private final boolean inactive;
  /** The numbers ({@link #numbers}) that are previous numbers of the checked one. */
  private final Set<NhsNumber> previous;

  private LinkedNumbers(
      NhsNumber checked,
      List<NhsNumber> numbers,
      List<NhsNumberLink> links,
      Optional<NhsNumber> replacement,
      boolean inactive,
      Set<NhsNumber> previous) {
    this.checked = checked;
    this.numbers = numbers;
    this.links = links;
    this.replacement = replacement;
    this.inactive = inactive;
    this.previous = previous;
  }

  static LinkedNumbers of(StoreTransaction tx, NhsNumber checked) {
    List<NhsNumberLink> first = tx.numberLinks().findInvolving(checked);
    if (first.isEmpty()) {
      // Not linked: in use, never superseded, never inactive (NumberLinks of no links says so).
      return new LinkedNumbers(checked, List.of(checked), List.of(), Optional.empty(), false, Set.of());
    }
    Map<RecordId, NhsNumberLink> links = new LinkedHashMap<>();
    Set<NhsNumber> seen = new LinkedHashSet<>();
    Deque<NhsNumber> next = new ArrayDeque<>();
    seen.add(checked);
    first.forEach(l -> links.put(l.id(), l));
    enqueue(first, seen, next);
    // Each number is read once: the walk ends, whatever the links, cycles included.
    while (!next.isEmpty()) {
      List<NhsNumberLink> found = tx.numberLinks().findInvolving(next.poll());
      found.forEach(l -> links.putIfAbsent(l.id(), l));
      enqueue(found, seen, next);
    }
    List<NhsNumberLink> all = List.copyOf(links.values());
    List<NhsNumber> numbers = new ArrayList<>(NumberLinks.linked(checked, all));
    Set<NhsNumber> previous = new HashSet<>();
    for (NhsNumber n : numbers) {
      if (NumberLinks.isPreviousNumberOf(n, checked, all)) {
        previous.add(n);
      }
    }
    return new LinkedNumbers(
        checked,
        numbers,
        all,
        NumberLinks.currentNumber(checked, all),
        NumberLinks.isInactive(checked, all),
        previous);
  }

  private static void enqueue(List<NhsNumberLink> links, Set<NhsNumber> seen, Deque<NhsNumber> next) {
    for (NhsNumberLink l : links) {
      List<NhsNumber> ends = new ArrayList<>();
      ends.add(l.number());
      l.replacement().ifPresent(ends::add);
      for (NhsNumber n : ends) {
        if (seen.add(n)) {
          next.add(n);
        }
      }
    }
  }

  boolean isLinked() {
    return !links.isEmpty();
  }

  /** The plans held under any of the numbers, ordered by plan id. */
  List<ProtectionPlan> plans(StoreTransaction tx) {
    if (numbers.size() == 1) {
      return tx.plans().findBySubject(checked);
    }
    List<ProtectionPlan> all = new ArrayList<>();
    numbers.forEach(n -> all.addAll(tx.plans().findBySubject(n)));
    all.sort(Comparator.comparing(ProtectionPlan::id));
    return all;
  }

  /** The most recent {@code limit} accesses under any of the numbers, newest first. */
  List<AccessEvent> recentAccesses(StoreTransaction tx, int limit) {
    if (numbers.size() == 1) {
      return tx.accessEvents().findRecentBySubject(checked, limit);
    }
    List<AccessEvent> all = new ArrayList<>();
    numbers.forEach(n -> all.addAll(tx.accessEvents().findRecentBySubject(n, limit)));
    all.sort(Comparator.comparing(AccessEvent::accessedAt).thenComparing(AccessEvent::id).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** The number in use for the checked one, when it is superseded. */
  Optional<NhsNumber> replacement() {
    return replacement;
  }

  boolean isInactive() {
    return inactive;
  }

  /** The number {@code plan} is held under, when it is not the checked one. */
  Optional<NhsNumber> heldUnder(ProtectionPlan plan) {
    return plan.subject().equals(checked) ? Optional.empty() : Optional.of(plan.subject());
  }

  /** Whether {@code n}, one of {@link #numbers} (a plan's subject), is a previous number of the checked one. */
  boolean isPreviousNumber(NhsNumber n) {
    return previous.contains(n);
  }

  /** The notifications, each naming the number its plan is held under when it is not the checked one. */
  List<AccessNotification> markHeldUnder(List<AccessNotification> notifications, List<ProtectionPlan> plans) {
    if (!isLinked()) {
      return notifications;
    }
    Map<PlanId, NhsNumber> subjects = new LinkedHashMap<>();
    plans.forEach(p -> subjects.put(p.id(), p.subject()));
    List<AccessNotification> marked = new ArrayList<>(notifications.size());
    for (AccessNotification n : notifications) {
      NhsNumber held = subjects.getOrDefault(n.planId(), n.subject());
      marked.add(
          held.equals(n.subject()) ? n : AccessNotification.builder().from(n).planHeldUnder(held).build());
    }
    return marked;
  }
}
