/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * An alive broadcast (type 4), also used when a node joins or refutes a suspicion.
 *
 * @param incarnation the node's incarnation (uint32)
 * @param node the node's name
 * @param addr the node's advertised IP (4 bytes for IPv4)
 * @param port the node's advertised port
 * @param meta the node's metadata; ckit sends null (msgpack nil)
 * @param vsn the six protocol version bytes [pmin, pmax, pcur, dmin, dmax, dcur]; ckit sends
 *     {@code [1, 5, 2, 0, 0, 0]}
 */
public record Alive(int incarnation, String node, byte[] addr, int port, byte[] meta, byte[] vsn)
    implements Message {
  @Override
  public MessageType type() {
    return MessageType.ALIVE;
  }
}
