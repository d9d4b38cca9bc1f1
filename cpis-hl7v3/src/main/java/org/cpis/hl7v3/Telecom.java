package org.cpis.hl7v3;

import java.util.Set;
import org.immutables.value.Value;

/**
 * A telephone number of the sending organisation, as sent: its {@code use} codes ({@code EC}
 * emergency, {@code WP} work place…; a list, so one number may carry several) and its {@code
 * tel:} value.
 */
@Value.Immutable
public abstract class Telecom {

  /** The emergency-contact use: the national service asks for exactly one. */
  public static final String EMERGENCY = "EC";

  /** The work-place use: cpis sends the office-hours number with it. */
  public static final String WORK_PLACE = "WP";

  public abstract Set<String> uses();

  /** The value as sent, e.g. {@code tel:02079460100}. */
  public abstract String value();

  /** The number without its {@code tel:} scheme. */
  public String number() {
    return value().startsWith("tel:") ? value().substring(4) : value();
  }

  public boolean isEmergency() {
    return uses().contains(EMERGENCY);
  }

  /** A {@code tel:} URL of a phone number as people write it: digits (and a leading +) kept. */
  public static String telUrl(String phone) {
    String trimmed = phone.strip();
    String digits = trimmed.replaceAll("[^0-9]", "");
    return "tel:" + (trimmed.startsWith("+") ? "+" : "") + digits;
  }

  public static ImmutableTelecom.Builder builder() {
    return ImmutableTelecom.builder();
  }
}
