package org.cpis.store.postgres;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cpis.store.LeaseStore;

/** Named leases in {@code lease}, one row per name (the sealer's, for one). */
final class PgLeases implements LeaseStore {

  private final Session session;

  PgLeases(Session session) {
    this.session = session;
  }

  /** One upsert, which takes the row only when it is free, expired, or already the holder's. */
  @Override
  public boolean acquire(String name, String holder, Instant now, Instant until) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(until, "until");
    return session.update(
            "INSERT INTO {s}.lease AS l (name, holder, expires_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
                + " WHERE l.expires_at <= ? OR l.holder = EXCLUDED.holder",
            name,
            holder,
            until,
            now)
        > 0;
  }

  @Override
  public void release(String name, String holder) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    session.update("DELETE FROM {s}.lease WHERE name = ? AND holder = ?", name, holder);
  }

  @Override
  public Optional<String> holder(String name, Instant now) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(now, "now");
    return session.queryOne(
        "SELECT holder FROM {s}.lease WHERE name = ? AND expires_at > ?", rs -> rs.getString(1), name, now);
  }
}
