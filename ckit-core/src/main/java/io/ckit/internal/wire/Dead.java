/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A death broadcast (type 5). When {@code from} equals {@code node} the node left gracefully.
 *
 * @param incarnation the node's incarnation (uint32)
 * @param node the dead node's name
 * @param from the name of the node that declared it dead
 */
public record Dead(int incarnation, String node, String from) implements Message {
  @Override
  public MessageType type() {
    return MessageType.DEAD;
  }

  /** Returns true if this message announces a graceful leave (the node declared itself dead). */
  public boolean isLeave() {
    return node.equals(from);
  }
}
