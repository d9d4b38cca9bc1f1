package org.cpis.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.cpis.Cpis;
import org.cpis.model.LocalAuthority;
import org.cpis.model.OdsCode;

/**
 * The data the sandbox starts with and resets to: the demo's (cpis-examples) two local
 * authorities and the upload files they send on Monday 3 March 2025, read from the demo's own
 * {@code uploads/} resources. After it the clock stands at {@link #READY} and runs on.
 *
 * <p>What an EPR developer can check then (all NHS numbers are fictional 999-range test numbers):
 * {@code 9995260182} has Islington's child protection plan (social worker allocated), {@code
 * 9991590838} is a looked-after child, {@code 9990166137} (the mother) has an unborn child
 * protection plan, {@code 9991860916}'s plan ended on 28 February 2025 (visible up to and including
 * 27 February 2026), {@code 9990308241} has Camden's plan with no social worker (MASH queue), and
 * {@code 9434765919} is on no plan.
 */
public final class Scenario {

  /** The zone of the service, as in the demo. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  public static final LocalAuthority ISLINGTON =
      LocalAuthority.builder()
          .odsCode(OdsCode.of("714"))
          .name("Islington")
          .officeHoursPhone("020 7946 0100")
          .emergencyDutyPhone("020 7946 0199")
          .build();

  public static final LocalAuthority CAMDEN =
      LocalAuthority.builder()
          .odsCode(OdsCode.of("702"))
          .name("Camden")
          .officeHoursPhone("020 7946 0200")
          .emergencyDutyPhone("020 7946 0299")
          .build();

  /** When Islington's file arrives, as in the demo. */
  static final Instant ISLINGTON_UPLOAD = at(LocalDateTime.of(2025, 3, 3, 7, 30));

  /** When Camden's file arrives, a quarter of an hour later. */
  static final Instant CAMDEN_UPLOAD = at(LocalDateTime.of(2025, 3, 3, 7, 45));

  /** Where the clock stands when the scenario is loaded: Monday 3 March 2025, 09:00 in London. */
  public static final Instant READY = at(LocalDateTime.of(2025, 3, 3, 9, 0));

  private Scenario() {}

  /** Registers the authorities and applies their files at the demo's times; leaves the clock at {@link #READY}. */
  static void load(Cpis cpis, SandboxClock clock) {
    for (LocalAuthority la : List.of(ISLINGTON, CAMDEN)) {
      cpis.registerLocalAuthority(la);
    }
    clock.set(ISLINGTON_UPLOAD);
    upload(cpis, ISLINGTON, "islington-2025-03-03.csv");
    clock.set(CAMDEN_UPLOAD);
    upload(cpis, CAMDEN, "camden-2025-03-03.csv");
    clock.set(READY);
  }

  private static void upload(Cpis cpis, LocalAuthority la, String file) {
    InputStream in = Scenario.class.getResourceAsStream("/uploads/" + file);
    if (in == null) {
      throw new IllegalStateException("the demo's upload file is not on the class path: uploads/" + file);
    }
    try (Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      cpis.localAuthority(la.odsCode()).upload(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant at(LocalDateTime local) {
    return local.atZone(ZONE).toInstant();
  }
}
