/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.InboundPacket;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded queue of received packets between the transport's Jetty threads and the membership
 * loop, with gossiphttp's drop policy: when full, the oldest queued packet is dropped (and counted)
 * to make room for the newest. Go's receive queue holds 1000 packets with the same policy.
 *
 * <p>Thread-safe: many producers ({@link #offer}), one consumer ({@link #drainTo}). Never blocks.
 */
final class PacketInbox {
  private final ArrayBlockingQueue<InboundPacket> queue;
  private final Runnable onDrop;

  /**
   * Creates an inbox.
   *
   * @param capacity the most packets held
   * @param onDrop called once per dropped packet, on the producer's thread
   */
  PacketInbox(int capacity, Runnable onDrop) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.onDrop = onDrop;
  }

  /** Queues a packet, dropping the oldest if the queue is full. */
  void offer(InboundPacket packet) {
    while (!queue.offer(packet)) {
      if (queue.poll() != null) {
        onDrop.run();
      }
    }
  }

  /** Moves at most {@code max} packets, oldest first, into {@code to}. */
  int drainTo(Collection<InboundPacket> to, int max) {
    return queue.drainTo(to, max);
  }

  /** Drops every queued packet (for shutdown), without counting them as dropped. */
  void clear() {
    queue.clear();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }
}
