/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn.internal;

import io.ckit.memconn.Conn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The two connected ends of one in-memory connection and the state they share: one lock, the
 * closed flag and the clock deadlines are measured on.
 *
 * <p>Thread safe. Every field of both ends is guarded by {@link #lock}.
 */
public final class ConnPair {
  /** Guards both ends' buffers, deadlines and the closed flag. */
  final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final MemoryConn first;
  private final MemoryConn second;
  /** Whether either end was closed. Guarded by {@link #lock}. */
  private boolean closed;

  private ConnPair(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.first = new MemoryConn(this);
    this.second = new MemoryConn(this);
    first.attach(second);
    second.attach(first);
  }

  /**
   * Creates a connected pair of ends.
   *
   * @param clock the clock deadlines are measured on, not {@code null}
   * @return the pair
   */
  public static ConnPair create(Clock clock) {
    return new ConnPair(clock);
  }

  /**
   * Returns the first end, conventionally the dialing side.
   *
   * @return the first end
   */
  public Conn first() {
    return first;
  }

  /**
   * Returns the second end, conventionally the accepting side.
   *
   * @return the second end
   */
  public Conn second() {
    return second;
  }

  /** Returns whether the pair is closed. Call with {@link #lock} held. */
  boolean closedLocked() {
    return closed;
  }

  /** Closes both ends and wakes every waiter on either end. Idempotent. */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      first.wakeAllLocked();
      second.wakeAllLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns whether a deadline has passed: now is not before it, as Go's memconn decides.
   *
   * @param deadline the deadline, possibly {@link Conn#NO_DEADLINE}
   * @return {@code true} if calls bound by it must fail
   */
  boolean expired(Instant deadline) {
    return !deadline.equals(Conn.NO_DEADLINE) && !clock.instant().isBefore(deadline);
  }

  /**
   * Waits on a condition of this pair until it is signalled, the deadline passes, or spuriously.
   * The caller holds {@link #lock} and re-checks its state afterwards.
   *
   * @param condition a condition of {@link #lock}
   * @param deadline the deadline bounding the wait, possibly {@link Conn#NO_DEADLINE}
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void await(Condition condition, Instant deadline) throws InterruptedException {
    if (deadline.equals(Conn.NO_DEADLINE)) {
      condition.await();
      return;
    }
    long nanos;
    try {
      nanos = Duration.between(clock.instant(), deadline).toNanos();
    } catch (ArithmeticException farAway) {
      nanos = Long.MAX_VALUE;
    }
    if (nanos > 0) {
      condition.awaitNanos(nanos);
    }
  }
}
