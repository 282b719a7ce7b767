/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * An ack for a ping (type 2).
 *
 * @param seqNo the sequence number of the ping being acknowledged (uint32)
 * @param payload the ping delegate's payload; ckit has none, so null (encoded as msgpack nil)
 */
public record AckResp(int seqNo, byte[] payload) implements Message {
  @Override
  public MessageType type() {
    return MessageType.ACK_RESP;
  }
}
