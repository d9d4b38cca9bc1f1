package org.cpis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.cpis.store.CpisStore;
import org.cpis.store.StoreException;
import org.cpis.store.StoreTransaction;

/**
 * A store around another that lets a test intercept every call on a transaction's stores: to
 * fail the n-th write, or to change what a read returns.
 */
final class FaultyStore implements CpisStore {

  /** Sees each call on a transaction's store before the real store does. */
  interface Interceptor {
    /**
     * Called for {@code store.method(args)}; return {@code proceed} to go on, or throw to fail.
     * The result of the real call passes through {@link #result}.
     */
    default void before(String store, String method, Object[] args) {}

    default Object result(String store, String method, Object result) {
      return result;
    }
  }

  private final CpisStore delegate;
  private volatile Interceptor interceptor = new Interceptor() {};

  FaultyStore(CpisStore delegate) {
    this.delegate = delegate;
  }

  void intercept(Interceptor interceptor) {
    this.interceptor = interceptor;
  }

  void heal() {
    this.interceptor = new Interceptor() {};
  }

  /** An interceptor that fails the {@code n}-th call (from 1) to {@code store.method}. */
  static Interceptor failOnCall(String store, String method, int n) {
    int[] calls = {0};
    return new Interceptor() {
      @Override
      public void before(String s, String m, Object[] args) {
        if (s.equals(store) && m.equals(method) && ++calls[0] == n) {
          throw new StoreException("disk full (simulated) on " + store + "." + method);
        }
      }
    };
  }

  @Override
  public <T> T inTransaction(Function<? super StoreTransaction, ? extends T> work) {
    return delegate.inTransaction(tx -> work.apply(wrap(tx)));
  }

  private StoreTransaction wrap(StoreTransaction tx) {
    InvocationHandler onTx =
        (proxy, method, args) -> {
          Object store = invoke(method, tx, args);
          return wrapStore(method.getName(), method.getReturnType(), store);
        };
    return (StoreTransaction)
        Proxy.newProxyInstance(
            StoreTransaction.class.getClassLoader(), new Class<?>[] {StoreTransaction.class}, onTx);
  }

  private Object wrapStore(String name, Class<?> type, Object store) {
    InvocationHandler onStore =
        (proxy, method, args) -> {
          Interceptor i = interceptor;
          i.before(name, method.getName(), args);
          return i.result(name, method.getName(), invoke(method, store, args));
        };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, onStore);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
