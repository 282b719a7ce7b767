/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A suspicion broadcast (type 3).
 *
 * @param incarnation the suspected node's incarnation (uint32)
 * @param node the suspected node's name
 * @param from the accusing node's name
 */
public record Suspect(int incarnation, String node, String from) implements Message {
  @Override
  public MessageType type() {
    return MessageType.SUSPECT;
  }
}
