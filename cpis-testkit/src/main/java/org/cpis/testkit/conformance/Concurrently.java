package org.cpis.testkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * Runs tasks on several threads at once for the kit's isolation contracts. The time-outs only
 * guard against a store that deadlocks; no contract measures speed.
 */
final class Concurrently {

  /** How long a contract waits for its threads before it reports the store as stuck. */
  static final long GUARD_SECONDS = 60;

  private Concurrently() {}

  /** Runs {@code task(i)} for i in 0..threads-1, each on its own thread, started together. */
  static void run(int threads, IntConsumer task) {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int index = i;
      tasks.add(
          () -> {
            task.accept(index);
            return null;
          });
    }
    call(tasks);
  }

  /** Calls each task on its own thread, started together, and returns their results in order. */
  static <T> List<T> call(List<? extends Callable<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(GUARD_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new AssertionError("a concurrent unit of work failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "concurrent units of work did not finish within " + GUARD_SECONDS + " s: does the store deadlock?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for the latch up to {@code millis}; returns whether it opened. */
  static boolean await(CountDownLatch latch, long millis) {
    try {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
