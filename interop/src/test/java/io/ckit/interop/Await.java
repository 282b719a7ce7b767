/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition on a live cluster by checking it every 200 ms, and fails with a
 * description of what was seen last if it does not hold in time. Used where the condition lives in
 * other processes (Go and child-JVM peers), which no in-process signal can announce.
 */
final class Await {
  private static final long POLL_NANOS = 200_000_000L;

  private Await() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait
   * @param condition the condition, checked on the calling thread
   * @param seen describes the current state, for the failure message
   * @throws AssertionError if the condition does not hold within {@code timeout}
   */
  static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; last seen:\n" + seen.get());
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }
}
