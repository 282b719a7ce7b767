/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A request to probe a node on the sender's behalf (type 1).
 *
 * @param seqNo the requester's sequence number (uint32), echoed in the relayed ack or nack
 * @param target the IP of the node to probe
 * @param port the port of the node to probe (0 means 7946)
 * @param node the name of the node to probe
 * @param nack whether the requester wants a nack if the probe fails
 * @param sourceAddr the requester's IP, or null (omitted when empty)
 * @param sourcePort the requester's port (omitted when 0)
 * @param sourceNode the requester's name (omitted when empty)
 */
public record IndirectPingReq(
    int seqNo,
    byte[] target,
    int port,
    String node,
    boolean nack,
    byte[] sourceAddr,
    int sourcePort,
    String sourceNode)
    implements Message {
  @Override
  public MessageType type() {
    return MessageType.INDIRECT_PING;
  }
}
