/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A direct probe (type 0). Go always fills every field; a Java node must too, because the HTTP
 * peer address of the request is an ephemeral port, not the sender's advertised address.
 *
 * @param seqNo the prober's sequence number (uint32)
 * @param node the name of the node being pinged; the receiver drops the ping if non-empty and not its own name
 * @param sourceAddr the sender's advertised IP (4 bytes for IPv4, 16 for IPv6), or null (omitted when empty)
 * @param sourcePort the sender's advertised port (omitted when 0)
 * @param sourceNode the sender's name (omitted when empty)
 */
public record Ping(int seqNo, String node, byte[] sourceAddr, int sourcePort, String sourceNode)
    implements Message {
  @Override
  public MessageType type() {
    return MessageType.PING;
  }
}
