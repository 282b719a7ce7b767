/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that has no event to wait on (a counter reaching a value, a thread ending
 * in another component), checking it every few milliseconds until a timeout. Public for the
 * interop tests.
 */
public final class Await {
  private Await() {}

  /**
   * Waits until {@code condition} holds.
   *
   * @param what describes the condition, for the failure message
   * @param timeout how long to wait
   * @param condition the condition
   * @throws AssertionError if it does not hold in time
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> "");
  }

  /** Like {@link #until(String, Duration, BooleanSupplier)}, describing the state on failure. */
  public static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " not reached within " + timeout + " " + state.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
