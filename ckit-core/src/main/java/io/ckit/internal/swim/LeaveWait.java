/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.function.Consumer;

/**
 * A caller waiting for the leave broadcast to finish, at most until a deadline (memberlist's {@code
 * Leave} select on {@code leaveBroadcast} and its timeout). Completes once.
 *
 * <p>Confined to the membership loop.
 */
final class LeaveWait {
  private final Consumer<LeaveResult> done;
  private final Timers timers;
  private boolean completed;
  private Timers.Timer timer;

  LeaveWait(Consumer<LeaveResult> done, Timers timers) {
    this.done = done;
    this.timers = timers;
  }

  /** Fails the wait with a timeout at {@code deadlineNanos}. */
  void timeoutAt(long deadlineNanos) {
    timer = timers.schedule(deadlineNanos, now -> complete("timeout waiting for leave broadcast"));
  }

  /** The leave broadcast finished: success. */
  void complete() {
    complete(null);
  }

  /** Completes with an error, or with success if {@code error} is null; later calls do nothing. */
  void complete(String error) {
    if (completed) {
      return;
    }
    completed = true;
    if (timer != null) {
      timer.cancel();
    }
    done.accept(new LeaveResult(error));
  }
}
