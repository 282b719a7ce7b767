/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/** memberlist's message type bytes (the first byte of every packet and stream message). */
public enum MessageType {
  PING(0),
  INDIRECT_PING(1),
  ACK_RESP(2),
  SUSPECT(3),
  ALIVE(4),
  DEAD(5),
  PUSH_PULL(6),
  COMPOUND(7),
  USER(8),
  COMPRESS(9),
  ENCRYPT(10),
  NACK_RESP(11),
  HAS_CRC(12),
  ERR(13),
  HAS_LABEL(244);

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  /** Returns the type byte as an unsigned value 0..255. */
  public int code() {
    return code;
  }

  /**
   * Returns the type for a type byte, or null if memberlist defines none.
   *
   * @param code the type byte (any int; only the low 8 bits are used)
   */
  public static MessageType fromCode(int code) {
    return BY_CODE[code & 0xFF];
  }
}
