package org.cpis.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The named pattern "repeat unscheduled attendances": several unscheduled attendances in a short
 * time at more than one organisation, a warning sign no single clinician sees. Holds the
 * attendances that make it, oldest first, the current one last.
 */
@Value.Immutable
public abstract class RepeatAttendance {

  /** The pattern's name, as a notification or a check result shows it. */
  public static final String NAME = "Repeat unscheduled attendances";

  public abstract List<Attendance> attendances();

  /** How many organisations the attendances were at. */
  public long organisations() {
    return attendances().stream().map(a -> a.organisation().odsCode()).distinct().count();
  }

  /** The pattern's name: {@value #NAME}. */
  public String name() {
    return NAME;
  }

  public static ImmutableRepeatAttendance.Builder builder() {
    return ImmutableRepeatAttendance.builder();
  }

  public static RepeatAttendance of(List<Attendance> attendances) {
    return builder().attendances(attendances).build();
  }

  @Value.Check
  protected void check() {
    Records.require(attendances().size() >= 2, "a repeat-attendance pattern needs at least two attendances");
  }
}
