package org.cpis.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cpis.Notifier;
import org.cpis.model.AccessNotification;
import org.cpis.model.Attendance;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.NotificationKind;
import org.cpis.model.OdsCode;

/**
 * A {@link Notifier} that stands in for each local authority's social-care inbox (design rule 7):
 * it keeps what it receives and prints one line per delivery, so the demo shows the engine
 * handing a notification over. Deliveries are deduplicated on the notification's stable id, as a
 * real receiver would, since the engine delivers at least once; a notification delivered again
 * with more accesses (an attendance episode) replaces the one kept. The child's NHS number is
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
    for (int i = 0; i < received.size(); i++) {
      AccessNotification known = received.get(i);
      if (known.id().equals(n.id())) {
        if (n.accessCount() > known.accessCount()) {
          // An attendance episode's notification, delivered again with later accesses gathered.
          received.set(i, n);
          narrator.detail(
              "[" + inboxOf(n) + "] updated notification " + n.id() + ": now " + n.accessCount()
                  + " accesses in one attendance episode");
          accesses(n);
          pattern(n);
        } else {
          narrator.detail("[" + inboxOf(n) + "] already has notification " + n.id() + ", ignored the repeat");
        }
        return;
      }
    }
    received.add(n);
    if (n.kind() == NotificationKind.WAS_NOT_BROUGHT) {
      narrator.detail(
          "[" + inboxOf(n) + "] received notification " + n.id() + ": child " + n.subject()
              + " was not brought to an appointment at " + n.organisation().name() + " on "
              + n.appointmentAt().map(Demo.WHEN::format).orElse("(no time)"));
      narrator.subDetail(
          "recorded by " + n.accessor().name() + " (" + n.accessor().role() + "); plan " + n.planId()
              + "; for " + n.assignedSocialWorker().map(w -> "social worker " + w).orElse("the MASH team"));
      return;
    }
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
            + n.planHeldUnder().map(h -> " (held under " + h + ")").orElse("")
            + "; for "
            + n.assignedSocialWorker().map(w -> "social worker " + w).orElse("the MASH team"));
    if (!n.furtherAccesses().isEmpty()) {
      accesses(n);
    }
    pattern(n);
  }

  private void accesses(AccessNotification n) {
    narrator.subDetail("seen by " + n.accessor().name() + " (" + n.accessor().role() + ") on " + Demo.WHEN.format(n.accessedAt()));
    for (EpisodeAccess a : n.furtherAccesses()) {
      narrator.subDetail("then by " + a.accessor().name() + " (" + a.accessor().role() + ") on " + Demo.WHEN.format(a.accessedAt()));
    }
  }

  private void pattern(AccessNotification n) {
    n.repeatAttendance()
        .ifPresent(
            p -> {
              narrator.subDetail(
                  "PATTERN: " + p.name() + ", " + p.attendances().size() + " attendances at "
                      + p.organisations() + " organisations:");
              for (Attendance a : p.attendances()) {
                narrator.subDetail(
                    "  " + Demo.WHEN.format(a.at()) + ", " + a.setting().displayName() + " at " + a.organisation().name());
              }
            });
  }

  /** Everything delivered so far, first first, without repeats. */
  public synchronized List<AccessNotification> received() {
    return Collections.unmodifiableList(new ArrayList<>(received));
  }

  private String inboxOf(AccessNotification n) {
    return inboxNames.getOrDefault(n.localAuthority(), n.localAuthority().value()) + " inbox";
  }
}
