package org.cpis.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cpis.model.Accessor;
import org.cpis.model.CareSetting;
import org.cpis.model.OdsCode;
import org.cpis.model.Organisation;

/**
 * The bearer tokens the sandbox knows, each mapped to the {@link Viewer} it identifies. Build it
 * in code with {@link #builder()}, or read a token file ({@link #read(Reader)}): one token a line,
 * eight comma-separated fields
 *
 * <pre>token,user_id,name,role,rbac_activity,ods_code,organisation,setting</pre>
 *
 * where {@code setting} is a {@link CareSetting} name ({@code EMERGENCY_DEPARTMENT}, {@code
 * SCHEDULED}…); blank lines and lines starting with {@code #} are skipped. Fields hold no commas.
 * {@link #defaults()} are the tokens shipped with the sandbox ({@code sandbox-tokens.csv}).
 */
public final class Tokens {

  private static final int FIELDS = 8;

  private final Map<String, Viewer> viewers;

  private Tokens(Map<String, Viewer> viewers) {
    this.viewers = Map.copyOf(viewers);
  }

  /** The viewer this token identifies, if the sandbox knows it. */
  public Optional<Viewer> viewer(String token) {
    return Optional.ofNullable(viewers.get(token));
  }

  public int size() {
    return viewers.size();
  }

  /** The tokens shipped with the sandbox, listed in its README. */
  public static Tokens defaults() {
    InputStream in = Tokens.class.getResourceAsStream("/sandbox-tokens.csv");
    if (in == null) {
      throw new IllegalStateException("sandbox-tokens.csv is not on the class path");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a token file.
   *
   * @throws IllegalArgumentException naming the line that is not a token line
   */
  public static Tokens read(Reader file) {
    Builder builder = builder();
    BufferedReader lines = new BufferedReader(file);
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != FIELDS) {
          throw new IllegalArgumentException(
              "token file line " + number + ": " + FIELDS + " fields expected, found " + f.length);
        }
        try {
          builder.token(
              f[0].strip(),
              Viewer.builder()
                  .accessor(
                      Accessor.builder()
                          .userId(f[1].strip())
                          .name(f[2].strip())
                          .role(f[3].strip())
                          .rbacActivityCode(f[4].strip().toUpperCase(Locale.ROOT))
                          .build())
                  .organisation(Organisation.of(OdsCode.of(f[5]), f[6].strip()))
                  .setting(CareSetting.valueOf(f[7].strip().toUpperCase(Locale.ROOT)))
                  .build());
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new IllegalArgumentException("token file line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects tokens; a token given twice is an error. */
  public static final class Builder {
    private final Map<String, Viewer> viewers = new LinkedHashMap<>();

    private Builder() {}

    public Builder token(String token, Viewer viewer) {
      Objects.requireNonNull(viewer, "viewer");
      if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a token is a non-blank word");
      }
      if (viewers.putIfAbsent(token, viewer) != null) {
        throw new IllegalArgumentException("token '" + token + "' is given twice");
      }
      return this;
    }

    public Tokens build() {
      return new Tokens(viewers);
    }
  }
}
