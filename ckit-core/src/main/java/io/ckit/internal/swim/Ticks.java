/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/** Go ticker arithmetic: the next tick keeps the ticker's phase and skips ticks already missed. */
final class Ticks {
  private Ticks() {}

  /**
   * Returns the next tick after a tick due at {@code dueNanos} that ran at {@code nowNanos}: {@code
   * due + period}, or if that is already past, the first {@code due + k × period} after {@code
   * nowNanos} (Go's runtime timer: {@code when += period * (1 + (now - when) / period)}).
   */
  static long next(long dueNanos, long nowNanos, long periodNanos) {
    long next = dueNanos + periodNanos;
    if (next > nowNanos) {
      return next;
    }
    return dueNanos + periodNanos * (1 + (nowNanos - dueNanos) / periodNanos);
  }
}
