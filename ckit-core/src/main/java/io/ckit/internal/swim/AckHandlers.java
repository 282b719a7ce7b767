/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Handlers waiting for acks and nacks, keyed by sequence number (memberlist's {@code ackHandlers},
 * {@code setProbeChannels}, {@code setAckHandler}, {@code invokeAckHandler}, {@code
 * invokeNackHandler}).
 *
 * <p>An ack runs and removes its handler; a nack runs the handler's nack function and leaves the
 * handler in place, so an ack can still follow; at its deadline a handler is removed and its expiry
 * function, if any, runs. Acks and nacks are matched by sequence number only.
 *
 * <p>Confined to the membership loop.
 */
final class AckHandlers {
  /** Receives an ack. */
  @FunctionalInterface
  interface AckFn {
    /**
     * Called for the matching ack.
     *
     * @param payload the ack's payload (null from ckit nodes)
     * @param nowNanos the time the ack was received
     */
    void acked(byte[] payload, long nowNanos);
  }

  private static final class Handler {
    final AckFn ackFn;
    final Runnable nackFn;
    Timers.Timer timer;

    Handler(AckFn ackFn, Runnable nackFn) {
      this.ackFn = ackFn;
      this.nackFn = nackFn;
    }
  }

  private final Timers timers;
  private final Map<Integer, Handler> handlers = new HashMap<>();

  AckHandlers(Timers timers) {
    this.timers = timers;
  }

  /**
   * Registers a probe's handler (memberlist's {@code setProbeChannels}).
   *
   * @param seqNo the probe's sequence number
   * @param ackFn called once on the matching ack
   * @param nackFn called on each matching nack, or null
   * @param onExpiry called if no ack arrived by the deadline, or null
   * @param deadlineNanos when the handler is reaped
   */
  void register(int seqNo, AckFn ackFn, Runnable nackFn, LongConsumer onExpiry, long deadlineNanos) {
    Handler handler = new Handler(ackFn, nackFn);
    Handler previous = handlers.put(seqNo, handler);
    if (previous != null) {
      previous.timer.cancel();
    }
    handler.timer =
        timers.schedule(
            deadlineNanos,
            now -> {
              if (handlers.get(seqNo) == handler) {
                handlers.remove(seqNo);
              }
              if (onExpiry != null) {
                onExpiry.accept(now);
              }
            });
  }

  /** Runs and removes the handler for an ack's sequence number, if any. */
  void invokeAck(int seqNo, byte[] payload, long nowNanos) {
    Handler handler = handlers.remove(seqNo);
    if (handler == null) {
      return;
    }
    handler.timer.cancel();
    handler.ackFn.acked(payload, nowNanos);
  }

  /** Runs the nack function of the handler for a nack's sequence number, if any. */
  void invokeNack(int seqNo) {
    Handler handler = handlers.get(seqNo);
    if (handler == null || handler.nackFn == null) {
      return;
    }
    handler.nackFn.run();
  }

  /** Returns true if a handler is registered for the sequence number. */
  boolean exists(int seqNo) {
    return handlers.containsKey(seqNo);
  }

  /** Removes every handler without running anything. */
  void clear() {
    handlers.clear();
  }
}
