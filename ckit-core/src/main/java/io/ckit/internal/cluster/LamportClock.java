/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lamport clock over unsigned 64-bit time, as ckit's {@code internal/lamport}: it starts at 0,
 * {@link #tick()} increments and returns the new time, and {@link #observe(long)} moves the clock
 * past a time seen in a message.
 *
 * <p>Thread-safe. The membership loop is the only writer; metrics read {@link #now()} from other
 * threads.
 */
public final class LamportClock {
  private final AtomicLong time;

  /** Creates a clock at time 0. */
  public LamportClock() {
    this(0);
  }

  /**
   * Creates a clock at a given time.
   *
   * @param initial the starting time (unsigned)
   */
  public LamportClock(long initial) {
    this.time = new AtomicLong(initial);
  }

  /** Returns the current time (unsigned). */
  public long now() {
    return time.get();
  }

  /** Increments the clock and returns the new time (unsigned; wraps like Go's uint64). */
  public long tick() {
    return time.incrementAndGet();
  }

  /**
   * Observes a time from another node: if {@code t} is not before the current time, the clock
   * becomes {@code t + 1}.
   *
   * @param t the observed time (unsigned)
   */
  public void observe(long t) {
    while (true) {
      long now = time.get();
      if (Long.compareUnsigned(t, now) < 0) {
        return;
      }
      if (time.compareAndSet(now, t + 1)) {
        return;
      }
    }
  }
}
