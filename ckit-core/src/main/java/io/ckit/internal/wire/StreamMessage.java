/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * One complete memberlist stream message, as cut out of a byte stream by {@link
 * StreamMessageReader}.
 *
 * @param label the stream's label ("" if the stream had no label header)
 * @param type the outer type: {@link MessageType#COMPRESS} for a compressed message (what Go
 *     always writes), {@link MessageType#ENCRYPT} for an encrypted one, otherwise the message's own
 *     type
 * @param bytes the message, starting with its type byte (label header excluded); never shared
 */
public record StreamMessage(String label, MessageType type, byte[] bytes) {
  /**
   * Returns the message with any compression removed: for {@link MessageType#COMPRESS} the
   * decompressed bytes (which start with the inner type byte), otherwise {@link #bytes()}.
   *
   * @throws WireFormatException if decompression fails
   */
  public byte[] uncompressed() {
    return type == MessageType.COMPRESS ? Codec.decompress(bytes, 0, bytes.length) : bytes;
  }
}
