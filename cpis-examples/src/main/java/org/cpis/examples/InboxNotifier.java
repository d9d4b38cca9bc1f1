package org.cpis.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cpis.Notifier;
import org.cpis.model.AccessNotification;
import org.cpis.model.OdsCode;

/**
 * A {@link Notifier} that stands in for each local authority's social-care inbox (design rule 7):
 * it keeps what it receives and prints one line per delivery, so the demo shows the engine
 * handing a notification over. Deliveries are deduplicated on the notification's stable id, as a
 * real receiver would, since the engine delivers at least once. The child's NHS number is
 * printed masked.
 */
public final class InboxNotifier implements Notifier {

  private final Narrator narrator;
  private final Map<OdsCode, String> inboxNames;
  private final List<AccessNotification> received = new ArrayList<>();

  InboxNotifier(Narrator narrator, Map<OdsCode, String> inboxNames) {
    this.narrator = Objects.requireNonNull(narrator, "narrator");
    this.inboxNames = Objects.requireNonNull(inboxNames, "inboxNames");
  }

  @Override
  public synchronized void deliver(AccessNotification n) {
    if (received.stream().anyMatch(r -> r.id().equals(n.id()))) {
      narrator.detail("[" + inboxOf(n) + "] already has notification " + n.id() + ", ignored the repeat");
      return;
    }
    received.add(n);
    narrator.detail(
        "["
            + inboxOf(n)
            + "] received notification "
            + n.id()
            + ": child "
            + n.subject()
            + " attended "
            + n.setting().displayName()
            + " at "
            + n.organisation().name()
            + " on "
            + Demo.WHEN.format(n.accessedAt()));
    narrator.subDetail(
        "seen by "
            + n.accessor().name()
            + " ("
            + n.accessor().role()
            + "); plan "
            + n.planId()
            + "; for "
            + n.assignedSocialWorker().map(w -> "social worker " + w).orElse("the MASH team"));
  }

  /** Everything delivered so far, first first, without repeats. */
  public synchronized List<AccessNotification> received() {
    return Collections.unmodifiableList(new ArrayList<>(received));
  }

  private String inboxOf(AccessNotification n) {
    return inboxNames.getOrDefault(n.localAuthority(), n.localAuthority().value()) + " inbox";
  }
}
