package org.cpis;

import org.cpis.model.AccessNotification;

/**
 * The SPI through which the engine hands an access notification to the owning local authority's
 * social-care system (design rule 7).
 *
 * <p>Delivery is at least once: the engine calls {@link #deliver} outside any store transaction,
 * marks the notification delivered only after it returns, and calls it again later (with
 * back-off, see {@link RetryPolicy}) when it throws. A receiver deduplicates on {@link
 * AccessNotification#id()}, which is stable across attempts; a notification of an attendance
 * episode that gathered a later access is delivered again under the same id with more accesses
 * ({@link AccessNotification#accessCount()}), and the receiver keeps that version. Implementations must be
 * thread-safe when the engine is used from several threads.
 */
@FunctionalInterface
public interface Notifier {

  /**
   * Delivers one notification; returning normally means the receiver has it.
   *
   * @throws Exception if it could not be delivered; the engine will try again
   */
  void deliver(AccessNotification notification) throws Exception;
}
