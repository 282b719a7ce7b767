/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.log.NodeLog;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * The engine's single timer queue: every deadline the protocol waits for (probe ticks, ack
 * deadlines, suspicion timeouts, push/pull ticks, stream timeouts) is an entry here, ordered by
 * deadline and then by scheduling order, so equal deadlines fire first-scheduled first.
 *
 * <p>An action that throws is logged and counted, and the remaining due timers still run.
 *
 * <p>Confined to the membership loop. Cancellation is lazy: a cancelled timer stays in the heap
 * until its deadline and is then discarded, which keeps {@link Timer#cancel()} O(1); every timer the
 * engine creates has a bounded deadline, so the heap cannot grow without bound.
 */
final class Timers {
  private final PriorityQueue<Timer> queue =
      new PriorityQueue<>(
          (a, b) -> {
            int byDeadline = Long.compare(a.deadlineNanos, b.deadlineNanos);
            return byDeadline != 0 ? byDeadline : Long.compare(a.sequence, b.sequence);
          });
  private final NodeLog log;
  private long nextSequence;
  private long errors;

  Timers(NodeLog log) {
    this.log = log;
  }

  /** One scheduled action. */
  static final class Timer {
    private final long deadlineNanos;
    private final long sequence;
    private final LongConsumer action;
    private boolean cancelled;
    private boolean fired;

    private Timer(long deadlineNanos, long sequence, LongConsumer action) {
      this.deadlineNanos = deadlineNanos;
      this.sequence = sequence;
      this.action = action;
    }

    /** Returns the deadline this timer fires at. */
    long deadlineNanos() {
      return deadlineNanos;
    }

    /**
     * Cancels the timer.
     *
     * @return true if it was pending (like Go's {@code Timer.Stop}), false if it already fired or
     *     was already cancelled
     */
    boolean cancel() {
      boolean wasPending = isPending();
      cancelled = true;
      return wasPending;
    }

    /** Returns true if the timer has neither fired nor been cancelled. */
    boolean isPending() {
      return !cancelled && !fired;
    }
  }

  /**
   * Schedules {@code action} to run at {@code deadlineNanos} (or at the next {@link #runDue} if the
   * deadline is already past). The action receives the time {@link #runDue} was called with, which
   * is at or after the deadline.
   */
  Timer schedule(long deadlineNanos, LongConsumer action) {
    Timer timer = new Timer(deadlineNanos, nextSequence++, action);
    queue.add(timer);
    return timer;
  }

  /**
   * Runs every pending timer whose deadline is at or before {@code nowNanos}, in deadline order,
   * including timers that running actions schedule at or before {@code nowNanos}.
   */
  void runDue(long nowNanos) {
    while (true) {
      Timer head = queue.peek();
      if (head == null || head.deadlineNanos > nowNanos) {
        return;
      }
      queue.poll();
      if (head.cancelled) {
        continue;
      }
      head.fired = true;
      try {
        head.action.accept(nowNanos);
      } catch (RuntimeException e) {
        // A failing action must not stop the other timers (Go would crash the process here).
        errors++;
        log.error(e, "membership timer failed");
      }
    }
  }

  /** Returns the earliest pending deadline, or {@link Long#MAX_VALUE} if nothing is scheduled. */
  long nextDeadline() {
    while (true) {
      Timer head = queue.peek();
      if (head == null) {
        return Long.MAX_VALUE;
      }
      if (!head.cancelled) {
        return head.deadlineNanos;
      }
      queue.poll();
    }
  }

  /** Drops every timer without running it. */
  void clear() {
    for (Timer timer : queue) {
      timer.cancelled = true;
    }
    queue.clear();
  }

  /** Returns how many timer actions threw. */
  long errors() {
    return errors;
  }

  /** Returns the number of entries in the heap, cancelled ones included (for tests). */
  int size() {
    return queue.size();
  }
}
