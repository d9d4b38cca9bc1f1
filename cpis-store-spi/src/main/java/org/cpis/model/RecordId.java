package org.cpis.model;

import org.immutables.value.Value;

/**
 * The stable id of an access event or a notification, chosen by the engine so that a retried
 * write is idempotent and a receiver can deduplicate deliveries. 1 to 64 printable ASCII
 * characters (U+0021 to U+007E), else {@link InvalidIdentifierException}.
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
    Records.requireIdentifier(value(), "a record id");
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
