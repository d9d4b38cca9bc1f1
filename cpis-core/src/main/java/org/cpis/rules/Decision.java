package org.cpis.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a rule decides: an allowance carrying its value, or a rejection carrying a typed reason.
 *
 * @param <T> the allowed value
 * @param <R> the reason type, usually an enum
 */
public final class Decision<T, R> {

  private final T value;
  private final R reason;

  private Decision(T value, R reason) {
    this.value = value;
    this.reason = reason;
  }

  public static <T, R> Decision<T, R> allow(T value) {
    return new Decision<>(Objects.requireNonNull(value, "value"), null);
  }

  public static <T, R> Decision<T, R> reject(R reason) {
    return new Decision<>(null, Objects.requireNonNull(reason, "reason"));
  }

  public boolean isAllowed() {
    return reason == null;
  }

  public boolean isRejected() {
    return reason != null;
  }

  /** The allowed value. @throws IllegalStateException if the decision is a rejection */
  public T value() {
    if (reason != null) {
      throw new IllegalStateException("rejected: " + reason);
    }
    return value;
  }

  public Optional<R> rejection() {
    return Optional.ofNullable(reason);
  }

  /** The allowed value mapped, or the same rejection. */
  public <U> Decision<U, R> map(Function<? super T, ? extends U> mapper) {
    return reason == null ? allow(mapper.apply(value)) : reject(reason);
  }

  /** The next rule applied to the allowed value, or the same rejection. */
  public <U> Decision<U, R> then(Function<? super T, Decision<U, R>> next) {
    return reason == null ? next.apply(value) : reject(reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decision
        && Objects.equals(value, ((Decision<?, ?>) o).value)
        && Objects.equals(reason, ((Decision<?, ?>) o).reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, reason);
  }

  @Override
  public String toString() {
    return reason == null ? "Allowed[" + value + "]" : "Rejected[" + reason + "]";
  }
}
