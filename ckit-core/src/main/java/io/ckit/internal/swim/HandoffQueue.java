/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Message;
import java.util.ArrayDeque;

/**
 * memberlist's two hand-off queues for gossip messages from packets: alive messages in the high
 * priority queue; suspect, dead and user messages in the low priority one. Each holds at most {@code
 * depth} messages; a message arriving at a full queue is dropped (and counted by the caller).
 * Draining takes the newest high-priority message first, then the newest low-priority one (LIFO),
 * as Go's {@code getNextMessage}.
 *
 * <p>Confined to the membership loop.
 */
final class HandoffQueue {
  private final int depth;
  private final ArrayDeque<Message> high = new ArrayDeque<>();
  private final ArrayDeque<Message> low = new ArrayDeque<>();

  HandoffQueue(int depth) {
    this.depth = depth;
  }

  /**
   * Returns true if the queue for this kind of message has room.
   *
   * @param alive true for an alive message (high priority)
   */
  boolean hasRoom(boolean alive) {
    return (alive ? high : low).size() < depth;
  }

  /** Appends a message; the caller checked {@link #hasRoom}. */
  void push(Message message) {
    (message instanceof Alive ? high : low).addLast(message);
  }

  /** Removes and returns the next message to process, or null if both queues are empty. */
  Message next() {
    Message message = high.pollLast();
    return message != null ? message : low.pollLast();
  }

  /** Drops everything queued. */
  void clear() {
    high.clear();
    low.clear();
  }
}
