/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * A nack (type 11): the indirect probe this node ran for a requester got no ack in time.
 *
 * @param seqNo the requester's sequence number (uint32)
 */
public record NackResp(int seqNo) implements Message {
  @Override
  public MessageType type() {
    return MessageType.NACK_RESP;
  }
}
