/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import io.ckit.internal.wire.Message;

/**
 * Where {@link Membership} queues its gossip (memberlist's {@code encodeBroadcastNotify}): the
 * engine encodes the message and queues it in its {@link TransmitLimitedQueue} under {@code name},
 * replacing any queued broadcast with that name. A seam so the state rules can be tested on messages
 * rather than bytes.
 */
interface Broadcaster {
  /**
   * Queues {@code message} for gossip.
   *
   * @param name the broadcast name (a node name, or for refutations the node's IP string)
   * @param message the message to gossip
   * @param finished called once the broadcast will no longer be sent, or null
   */
  void broadcast(String name, Message message, Runnable finished);
}
