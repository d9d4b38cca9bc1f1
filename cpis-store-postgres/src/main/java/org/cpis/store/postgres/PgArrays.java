package org.cpis.store.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cpis.model.Accessor;
import org.cpis.model.Attendance;
import org.cpis.model.CareSetting;
import org.cpis.model.EpisodeAccess;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;
import org.cpis.model.PlanId;
import org.cpis.model.RecordId;
import org.cpis.model.RepeatAttendance;

/**
 * Lists of small records kept in one {@code text[]} column, each record as a fixed number of
 * consecutive elements: no quoting, since the driver sends and reads every element as it is.
 */
final class PgArrays {

  private static final int ACCESS_WIDTH = 6;
  private static final int ATTENDANCE_WIDTH = 4;

  private PgArrays() {}

  static String[] furtherAccesses(List<EpisodeAccess> accesses) {
    List<String> flat = new ArrayList<>(accesses.size() * ACCESS_WIDTH);
    for (EpisodeAccess a : accesses) {
      flat.add(a.accessEventId().value());
      flat.add(a.accessor().userId());
      flat.add(a.accessor().name());
      flat.add(a.accessor().role());
      flat.add(a.accessor().rbacActivityCode());
      flat.add(a.accessedAt().toString());
    }
    return flat.toArray(String[]::new);
  }

  static List<EpisodeAccess> furtherAccesses(ResultSet rs, String column) throws SQLException {
    String[] flat = strings(rs, column).orElse(new String[0]);
    List<EpisodeAccess> accesses = new ArrayList<>(flat.length / ACCESS_WIDTH);
    for (int i = 0; i + ACCESS_WIDTH <= flat.length; i += ACCESS_WIDTH) {
      accesses.add(
          EpisodeAccess.builder()
              .accessEventId(RecordId.of(flat[i]))
              .accessor(
                  Accessor.builder()
                      .userId(flat[i + 1])
                      .name(flat[i + 2])
                      .role(flat[i + 3])
                      .rbacActivityCode(flat[i + 4])
                      .build())
              .accessedAt(Instant.parse(flat[i + 5]))
              .build());
    }
    return accesses;
  }

  static String[] attendances(RepeatAttendance pattern) {
    List<String> flat = new ArrayList<>(pattern.attendances().size() * ATTENDANCE_WIDTH);
    for (Attendance a : pattern.attendances()) {
      flat.add(a.organisation().odsCode().value());
      flat.add(a.organisation().name());
      flat.add(a.setting().name());
      flat.add(a.at().toString());
    }
    return flat.toArray(String[]::new);
  }

  static Optional<RepeatAttendance> repeatAttendance(ResultSet rs, String column) throws SQLException {
    Optional<String[]> found = strings(rs, column);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String[] flat = found.get();
    List<Attendance> attendances = new ArrayList<>(flat.length / ATTENDANCE_WIDTH);
    for (int i = 0; i + ATTENDANCE_WIDTH <= flat.length; i += ATTENDANCE_WIDTH) {
      attendances.add(
          Attendance.builder()
              .organisation(Organisation.of(OdsCode.of(flat[i]), flat[i + 1]))
              .setting(CareSetting.valueOf(flat[i + 2]))
              .at(Instant.parse(flat[i + 3]))
              .build());
    }
    return Optional.of(RepeatAttendance.of(attendances));
  }

  static String[] planIds(List<PlanId> plans) {
    return plans.stream().map(PlanId::value).toArray(String[]::new);
  }

  static List<PlanId> planIds(ResultSet rs, String column) throws SQLException {
    List<PlanId> plans = new ArrayList<>();
    for (String value : strings(rs, column).orElse(new String[0])) {
      int slash = value.indexOf('/');
      plans.add(PlanId.of(OdsCode.of(value.substring(0, slash)), value.substring(slash + 1)));
    }
    return plans;
  }

  private static Optional<String[]> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return Optional.empty();
    }
    try {
      return Optional.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
