/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

/**
 * The gossiphttp frame format: {@code 0xCC} + payload length as big-endian u16 + payload, or {@code
 * 0xCD} + big-endian u32 length + payload for payloads over 65535 bytes (ckit {@code message.go}).
 * Stateless and thread-safe.
 */
public final class Frames {
  /** Magic byte of a frame with a 16-bit length. */
  public static final int MAGIC16 = 0xCC;

  /** Magic byte of a frame with a 32-bit length. */
  public static final int MAGIC32 = 0xCD;

  /** Largest payload the 16-bit header can describe; larger payloads get a 32-bit header. */
  public static final int MAX_SHORT_PAYLOAD = 0xFFFF;

  private Frames() {}

  /**
   * Returns the header size the writer uses for a payload of the given length: 3 up to 65535 bytes,
   * else 5.
   *
   * @param payloadLength the payload length, non-negative
   * @return 3 or 5
   */
  public static int headerSize(int payloadLength) {
    return payloadLength <= MAX_SHORT_PAYLOAD ? 3 : 5;
  }

  /**
   * Encodes one frame: header and payload in a new array.
   *
   * @param payload the payload, not null, at most {@code Integer.MAX_VALUE - 5} bytes
   * @return the frame bytes
   * @throws IllegalArgumentException if the payload is too large for one Java array with its header
   */
  public static byte[] encode(byte[] payload) {
    return encode(payload, 0, payload.length);
  }

  /**
   * Encodes one frame from {@code payload[off, off+len)}.
   *
   * @param payload the source array, not null
   * @param off the payload's start
   * @param len the payload's length
   * @return the frame bytes
   * @throws IllegalArgumentException if the payload is too large for one Java array with its header
   * @throws IndexOutOfBoundsException if the range is not inside the array
   */
  public static byte[] encode(byte[] payload, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, payload.length);
    int header = headerSize(len);
    if (len > Integer.MAX_VALUE - 8 - header) {
      throw new IllegalArgumentException("frame payload of " + len + " bytes is too large");
    }
    byte[] frame = new byte[header + len];
    if (header == 3) {
      frame[0] = (byte) MAGIC16;
      frame[1] = (byte) (len >>> 8);
      frame[2] = (byte) len;
    } else {
      frame[0] = (byte) MAGIC32;
      frame[1] = (byte) (len >>> 24);
      frame[2] = (byte) (len >>> 16);
      frame[3] = (byte) (len >>> 8);
      frame[4] = (byte) len;
    }
    System.arraycopy(payload, off, frame, header, len);
    return frame;
  }
}
