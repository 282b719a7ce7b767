/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * A message to disseminate by gossip through a {@link TransmitLimitedQueue} (memberlist's {@code
 * Broadcast}, {@code NamedBroadcast} and {@code UniqueBroadcast} in one type).
 *
 * <p>Implementations are called on the thread that owns the queue. {@link #message()} must return
 * the same bytes every time.
 */
public interface Broadcast {
  /** Returns the encoded message; never null, never changing. */
  byte[] message();

  /**
   * Returns the broadcast's name, or null if it has none. Queueing a named broadcast replaces
   * (finishes and removes) any queued broadcast with the same name.
   */
  default String name() {
    return null;
  }

  /**
   * Returns true if this broadcast is intrinsically unique, so queueing it never scans the queue for
   * broadcasts it invalidates. Ignored for named broadcasts.
   */
  default boolean unique() {
    return false;
  }

  /**
   * Returns true if queueing this (unnamed, non-unique) broadcast makes {@code other} obsolete.
   * Only consulted against other unnamed, non-unique broadcasts.
   */
  default boolean invalidates(Broadcast other) {
    return false;
  }

  /**
   * Called once when the broadcast will no longer be sent: it reached its retransmit limit, was
   * replaced or invalidated, pruned, or the queue was reset. Must not call back into the queue.
   */
  default void finished() {}
}
