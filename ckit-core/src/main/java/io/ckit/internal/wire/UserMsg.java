/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A delegate (user) message in a packet (type 8): the type byte followed by raw delegate bytes,
 * with no msgpack. ckit's State messages travel this way.
 *
 * @param payload the delegate bytes
 */
public record UserMsg(byte[] payload) implements Message {
  @Override
  public MessageType type() {
    return MessageType.USER;
  }
}
