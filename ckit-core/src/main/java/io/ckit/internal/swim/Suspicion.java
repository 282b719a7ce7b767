/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.HashSet;
import java.util.Set;

/**
 * The suspicion timer of one suspected node, with Lifeguard's confirmations (memberlist {@code
 * suspicion.go}).
 *
 * <p>The timer starts at {@code max} (or at {@code min} when no confirmations are expected, {@code k
 * < 1}). Each suspect message about the node from a new accuser (the original accuser excluded)
 * while fewer than {@code k} confirmations were seen shortens it to {@code floor_ms(max - log(c+1) /
 * log(k+1) * (max - min))}, never below {@code min}, counted from the start; if that is already past
 * the timer fires at once (on the next {@link Timers#runDue}). On expiry the owner's callback gets
 * the number of confirmations.
 *
 * <p>Confined to the membership loop.
 */
final class Suspicion {
  private final int k;
  private final long minNanos;
  private final long maxNanos;
  private final long startNanos;
  private final Set<String> confirmedBy = new HashSet<>();
  private final Timers timers;
  private final TimeoutHandler onTimeout;
  private int confirmations;
  private Timers.Timer timer;

  /**
   * Starts a suspicion timer.
   *
   * @param from the accuser, excluded from confirmations
   * @param k the number of confirmations that drive the timeout to {@code min}
   * @param minNanos the minimum timeout
   * @param maxNanos the maximum (initial) timeout
   * @param nowNanos the current time (the timer's start)
   * @param timers the engine's timer queue
   * @param onTimeout called with the number of confirmations when the timer fires
   */
  Suspicion(
      String from,
      int k,
      long minNanos,
      long maxNanos,
      long nowNanos,
      Timers timers,
      TimeoutHandler onTimeout) {
    this.k = k;
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
    this.timers = timers;
    this.onTimeout = onTimeout;
    this.startNanos = nowNanos;
    confirmedBy.add(from);
    long timeout = k < 1 ? minNanos : maxNanos;
    timer = timers.schedule(nowNanos + timeout, this::fire);
  }

  /** What to do when a suspicion times out. */
  @FunctionalInterface
  interface TimeoutHandler {
    /**
     * Called when the timer fires.
     *
     * @param confirmations the confirmations seen
     * @param nowNanos the time the timer ran at
     */
    void timedOut(int confirmations, long nowNanos);
  }

  private void fire(long nowNanos) {
    onTimeout.timedOut(confirmations, nowNanos);
  }

  /**
   * Registers that {@code from} also suspects the node.
   *
   * @return true if this was new information (a new accuser while fewer than {@code k}
   *     confirmations were seen), which the caller re-gossips
   */
  boolean confirm(String from, long nowNanos) {
    if (confirmations >= k) {
      return false;
    }
    if (!confirmedBy.add(from)) {
      return false;
    }
    confirmations++;
    long remaining =
        remainingSuspicionTime(confirmations, k, nowNanos - startNanos, minNanos, maxNanos);
    if (timer.cancel()) {
      // Go fires a negative remaining time "immediately" in a new goroutine, which runs once the
      // current handler has released the node lock: here, at the next runDue.
      timer = timers.schedule(remaining > 0 ? nowNanos + remaining : nowNanos, this::fire);
    }
    return true;
  }

  /** Stops the timer without firing it. */
  void cancel() {
    timer.cancel();
  }

  /** Returns the number of confirmations seen so far. */
  int confirmations() {
    return confirmations;
  }

  /** Returns when the timer fires (for tests and diagnostics). */
  long deadlineNanos() {
    return timer.deadlineNanos();
  }

  /**
   * memberlist's {@code remainingSuspicionTime}: the timeout for {@code n} of {@code k}
   * confirmations, floored to milliseconds and not below {@code min}, minus the time already
   * elapsed. May be negative.
   */
  static long remainingSuspicionTime(
      int n, int k, long elapsedNanos, long minNanos, long maxNanos) {
    double frac = GoMath.log(n + 1.0) / GoMath.log(k + 1.0);
    double maxSeconds = GoMath.seconds(maxNanos);
    double raw = maxSeconds - frac * (maxSeconds - GoMath.seconds(minNanos));
    long timeout = (long) Math.floor(1000.0 * raw) * 1_000_000L;
    if (timeout < minNanos) {
      timeout = minNanos;
    }
    return timeout - elapsedNanos;
  }

  /**
   * memberlist's {@code suspicionTimeout}: {@code suspicionMult * max(1, log10(max(1, n))) *
   * interval}, with Go's truncation of the scale to thousandths.
   */
  static long suspicionTimeout(int suspicionMult, int n, long intervalNanos) {
    double nodeScale = Math.max(1.0, GoMath.log10(Math.max(1.0, n)));
    long scaleMillis = (long) (nodeScale * 1000);
    return suspicionMult * scaleMillis * intervalNanos / 1000;
  }
}
