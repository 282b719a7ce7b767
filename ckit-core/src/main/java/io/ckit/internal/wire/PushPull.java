/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.List;

/**
 * A complete push/pull stream message (type 6): the header, the sender's node states, and the
 * delegate's user state (ckit's localState).
 *
 * @param join true if the sender is joining (the acceptor answers with the request's flag)
 * @param nodes the sender's node states, including itself and not-yet-reaped dead and left nodes
 * @param userState the delegate's state bytes; an empty array means none (UserStateLen 0)
 */
public record PushPull(boolean join, List<PushNodeState> nodes, byte[] userState) {
  /** Copies {@code nodes} into an unmodifiable list. */
  public PushPull {
    nodes = List.copyOf(nodes);
  }
}
