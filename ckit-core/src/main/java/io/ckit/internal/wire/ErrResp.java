/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * An error reply on a stream (type 13).
 *
 * @param error the error text
 */
public record ErrResp(String error) implements Message {
  @Override
  public MessageType type() {
    return MessageType.ERR;
  }
}
