package org.cpis.hl7v3;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.cpis.model.RecordId;

/** The upper-case UUIDs HL7 V3 ids take, from cpis's record ids. */
final class Uuids {

  private Uuids() {}

  /**
   * The record id itself when it is a UUID; else the name-based UUID of its value, so the same
   * record always gets the same message id and the receiver can deduplicate on it.
   */
  static String of(RecordId id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id.value());
      if (!uuid.toString().equalsIgnoreCase(id.value())) {
        uuid = UUID.nameUUIDFromBytes(id.value().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      uuid = UUID.nameUUIDFromBytes(id.value().getBytes(StandardCharsets.UTF_8));
    }
    return uuid.toString().toUpperCase(Locale.ROOT);
  }
}
