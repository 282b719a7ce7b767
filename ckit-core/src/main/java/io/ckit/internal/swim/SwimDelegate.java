/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import java.util.List;

/**
 * The layer above the membership engine (the ckit Node): memberlist's {@code Delegate}, {@code
 * EventDelegate} and {@code ConflictDelegate} in one interface. Every method has a no-op default.
 *
 * <p>All methods are called on the membership loop and must not block or call back into the engine
 * (queue work instead). An exception thrown here propagates out of the engine input that triggered
 * it.
 */
public interface SwimDelegate {
  /**
   * Returns the local node's metadata for alive messages, at most {@code limit} bytes, or null
   * (ckit: null).
   */
  default byte[] nodeMeta(int limit) {
    return null;
  }

  /**
   * Receives a user message (memberlist type 8): the payload after the type byte, for example a ckit
   * State message. The array is the caller's; copy it to keep it.
   */
  default void notifyMsg(byte[] payload) {}

  /**
   * Returns user broadcasts to piggy-back on an outgoing packet: each costs {@code overhead} bytes
   * plus its length and together they must fit {@code limit} bytes. Each is sent as a user message.
   */
  default List<byte[]> getBroadcasts(int overhead, int limit) {
    return List.of();
  }

  /**
   * Returns false only if {@link #getBroadcasts} would return nothing now. The engine's gossip
   * ticker sleeps while neither its own queue nor the delegate has anything to send (memberlist's
   * gossip round would return at once), and wakes when either has. The default, true, keeps the
   * ticker running every gossip interval, for a delegate that cannot tell cheaply.
   */
  default boolean hasBroadcasts() {
    return true;
  }

  /**
   * Returns the user state sent with a push/pull (ckit: its encoded localState), or null for none.
   *
   * @param join true if the push/pull is part of a join
   */
  default byte[] localState(boolean join) {
    return null;
  }

  /**
   * Merges a remote user state received by push/pull; called after the membership state was merged,
   * and only when the remote sent a non-empty user state.
   *
   * @param state the remote user state
   * @param join true if the push/pull is part of a join
   */
  default void mergeRemoteState(byte[] state, boolean join) {}

  /** A node joined (it was unknown, dead or left, and is now alive); self included at start. */
  default void notifyJoin(Member node) {}

  /** A node is dead or left. */
  default void notifyLeave(Member node) {}

  /** A node's metadata changed. */
  default void notifyUpdate(Member node) {}

  /** An alive message claimed a known, live node name for another address; it was ignored. */
  default void notifyConflict(Member existing, Member other) {}
}
