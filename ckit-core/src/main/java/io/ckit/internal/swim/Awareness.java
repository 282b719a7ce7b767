/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * Lifeguard's local health awareness (memberlist {@code awareness.go}): a score in {@code [0, max -
 * 1]} where 0 is healthy. Failed probes without the expected nacks and refutations raise it;
 * successful probes lower it. The probe interval and the probe's ack deadline are scaled by {@code
 * score + 1}, so an unhealthy node slows down its own failure detector instead of accusing others.
 *
 * <p>Confined to the membership loop.
 */
final class Awareness {
  private final int max;
  private int score;

  /**
   * Creates a healthy awareness.
   *
   * @param max the awareness max multiplier (memberlist {@code AwarenessMaxMultiplier}, 8)
   */
  Awareness(int max) {
    this.max = max;
  }

  /** Adds {@code delta} to the score, clamped to {@code [0, max - 1]}. */
  void applyDelta(int delta) {
    long next = (long) score + delta;
    if (next < 0) {
      next = 0;
    } else if (next > max - 1) {
      next = max - 1;
    }
    score = (int) next;
  }

  /** Returns the health score; lower is healthier, 0 is the minimum. */
  int healthScore() {
    return score;
  }

  /** Returns {@code timeoutNanos * (score + 1)}. */
  long scaleTimeout(long timeoutNanos) {
    return timeoutNanos * (score + 1);
  }
}
