/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocking call run on its own thread, so a test can wait until it blocks, act, and then check
 * how the call ended. Every wait is bounded.
 *
 * @param <T> the call's result type
 */
final class BackgroundCall<T> {
  /** How long any wait in a test may take before the test fails. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  /** A call that may throw anything. */
  interface Body<T> {
    T call() throws Exception;
  }

  private final Thread thread;
  private final CompletableFuture<T> outcome = new CompletableFuture<>();

  private BackgroundCall(String name, Body<T> body) {
    this.thread = new Thread(() -> {
      try {
        outcome.complete(body.call());
      } catch (Throwable t) {
        outcome.completeExceptionally(t);
      }
    }, name);
    thread.setDaemon(true);
  }

  /** Starts {@code body} on a new thread. */
  static <T> BackgroundCall<T> start(String name, Body<T> body) {
    BackgroundCall<T> call = new BackgroundCall<>(name, body);
    call.thread.start();
    return call;
  }

  /** Waits until the call is parked (blocked on a lock condition) or has finished. */
  BackgroundCall<T> awaitBlocked() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || outcome.isDone()) {
        return this;
      }
      if (System.nanoTime() - deadline > 0) {
        fail(thread.getName() + " did not block within " + PATIENCE + "; state " + state);
      }
      LockSupport.parkNanos(100_000);
    }
  }

  /** Returns whether the call has ended. */
  boolean isDone() {
    return outcome.isDone();
  }

  /** Interrupts the call's thread. */
  void interrupt() {
    thread.interrupt();
  }

  /** Waits for the call to return and gives its result; fails the test if it threw. */
  T result() throws Exception {
    try {
      return outcome.get(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(thread.getName() + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(thread.getName() + " did not finish within " + PATIENCE, e);
    }
  }

  /** Waits for the call to throw and returns what it threw, which must be of {@code type}. */
  <E extends Throwable> E failure(Class<E> type) throws Exception {
    try {
      T value = outcome.get(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
      throw new AssertionError(thread.getName() + " returned " + value + " instead of throwing");
    } catch (ExecutionException e) {
      return assertThrows(type, () -> {
        throw e.getCause();
      });
    } catch (TimeoutException e) {
      throw new AssertionError(thread.getName() + " did not finish within " + PATIENCE, e);
    }
  }
}
