/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.Broadcast;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.StateMessage;

/**
 * A State message queued for gossip (ckit's {@code messages.Broadcast}): named after the node it is
 * about, so queueing a newer message about a node replaces the older one whatever their times.
 * Holds the ckit bytes ({@code 12 01 01} + msgpack); the engine sends them as memberlist user
 * messages. Confined to the membership loop.
 */
final class StateBroadcast implements Broadcast {
  private final StateMessage state;
  private final byte[] message;
  private final Runnable onDone;

  /**
   * Creates a broadcast.
   *
   * @param state the message
   * @param onDone run once when the broadcast is finished, replaced or dropped; or null
   */
  StateBroadcast(StateMessage state, Runnable onDone) {
    this.state = state;
    this.message = Codec.encodeState(state);
    this.onDone = onDone;
  }

  StateMessage state() {
    return state;
  }

  @Override
  public byte[] message() {
    return message;
  }

  @Override
  public String name() {
    return state.nodeName();
  }

  @Override
  public void finished() {
    if (onDone != null) {
      onDone.run();
    }
  }
}
