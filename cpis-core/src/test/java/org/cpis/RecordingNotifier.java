package org.cpis;

import java.util.ArrayList;
import java.util.List;
import org.cpis.model.AccessNotification;

/** A notifier that records each delivery; it can be told to fail the first few attempts at each notification. */
final class RecordingNotifier implements Notifier {

  private final List<AccessNotification> delivered = new ArrayList<>();
  private final List<AccessNotification> attempts = new ArrayList<>();
  private int failuresPerNotification;

  /** Fails the first {@code n} attempts at each notification. */
  synchronized RecordingNotifier failingFirst(int n) {
    this.failuresPerNotification = n;
    return this;
  }

  @Override
  public synchronized void deliver(AccessNotification notification) throws Exception {
    long earlier = attempts.stream().filter(a -> a.id().equals(notification.id())).count();
    attempts.add(notification);
    if (earlier < failuresPerNotification) {
      throw new java.io.IOException(
          "social care system unavailable for child " + notification.subject().formatted());
    }
    delivered.add(notification);
  }

  synchronized List<AccessNotification> delivered() {
    return List.copyOf(delivered);
  }

  synchronized List<AccessNotification> attempts() {
    return List.copyOf(attempts);
  }
}
