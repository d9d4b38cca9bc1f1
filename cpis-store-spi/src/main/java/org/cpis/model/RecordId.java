package org.cpis.model;

import org.immutables.value.Value;

/**
 * The stable id of an access event or a notification, chosen by the engine so that a retried
 * write is idempotent and a receiver can deduplicate deliveries.
 */
@Value.Immutable(builder = false, copy = false)
public abstract class RecordId implements Comparable<RecordId> {

  @Value.Parameter
  public abstract String value();

  public static RecordId of(String value) {
    return ImmutableRecordId.of(value);
  }

  @Value.Check
  protected void check() {
    Records.requireText(value(), "a record id");
  }

  @Override
  public int compareTo(RecordId other) {
    return value().compareTo(other.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
