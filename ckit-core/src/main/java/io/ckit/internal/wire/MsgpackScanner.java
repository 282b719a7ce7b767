/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

/**
 * Finds where msgpack values end without decoding them, iteratively (no recursion, O(1) memory)
 * and resumably: when the input runs out in the middle of a value, {@link #scan} says so and can be
 * called again later with more input, continuing from the last complete value.
 *
 * <p>Every msgpack format is accepted, including those memberlist never writes (floats,
 * extensions, str8, bin), because Go's decoder skips them in unknown fields. Only the never-used
 * byte {@code C1} is invalid.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class MsgpackScanner {
  /** {@link #scan} result: every requested value is complete. */
  static final int DONE = 0;

  /** {@link #scan} result: more input is needed. */
  static final int NEED_MORE = 1;

  private int pos;
  private long pending;

  /**
   * Prepares to skip {@code values} consecutive msgpack values starting at {@code pos}.
   *
   * @param pos where the first value starts
   * @param values how many top-level values to skip
   */
  MsgpackScanner(int pos, long values) {
    this.pos = pos;
    this.pending = values;
  }

  /** Returns the position after the last complete value scanned so far. */
  int position() {
    return pos;
  }

  /**
   * Skips values until all requested values are complete or the input ends.
   *
   * @param buf the input
   * @param limit the end of the input available now
   * @param maxEnd the end the input may never go beyond (the limit for complete input; a size cap
   *     for streamed input); used to reject value counts that cannot possibly fit
   * @return {@link #DONE} or {@link #NEED_MORE}
   * @throws WireFormatException on the invalid byte {@code C1} or a value that cannot fit before
   *     {@code maxEnd}
   */
  int scan(byte[] buf, int limit, long maxEnd) {
    while (pending > 0) {
      if (pending > maxEnd - pos) {
        throw new WireFormatException(
            "msgpack declares " + pending + " more values but at most " + (maxEnd - pos)
                + " bytes can follow at offset " + pos);
      }
      if (pos >= limit) {
        return NEED_MORE;
      }
      int b = buf[pos] & 0xFF;
      long size; // total bytes of this value's own encoding (header + payload), excluding children
      long children = 0;
      if (b <= 0x7F || b >= 0xE0 || b == 0xC0 || b == 0xC2 || b == 0xC3) {
        size = 1;
      } else if (b <= 0x8F) {
        size = 1;
        children = 2L * (b & 0x0F);
      } else if (b <= 0x9F) {
        size = 1;
        children = b & 0x0F;
      } else if (b <= 0xBF) {
        size = 1 + (b & 0x1F);
      } else {
        int lenBytes;
        switch (b) {
          case 0xC4, 0xD9 -> lenBytes = 1; // bin8, str8
          case 0xC5, 0xDA -> lenBytes = 2; // bin16, str16
          case 0xC6, 0xDB -> lenBytes = 4; // bin32, str32
          case 0xC7 -> lenBytes = 1; // ext8
          case 0xC8 -> lenBytes = 2; // ext16
          case 0xC9 -> lenBytes = 4; // ext32
          case 0xDC, 0xDE -> lenBytes = 2; // array16, map16
          case 0xDD, 0xDF -> lenBytes = 4; // array32, map32
          default -> lenBytes = 0;
        }
        if (lenBytes > 0) {
          if (limit - pos < 1 + lenBytes) {
            return NEED_MORE;
          }
          long n = readLength(buf, pos + 1, lenBytes);
          size = 1 + lenBytes;
          switch (b) {
            case 0xC7, 0xC8, 0xC9 -> size += 1 + n; // ext: type byte + data
            case 0xDC, 0xDD -> children = n;
            case 0xDE, 0xDF -> children = 2 * n;
            default -> size += n; // str, bin
          }
        } else {
          size = fixedSize(b, pos);
        }
      }
      if (size > maxEnd - pos) {
        throw new WireFormatException(
            "msgpack value of " + size + " bytes at offset " + pos + " exceeds the input limit");
      }
      if (size > limit - pos) {
        return NEED_MORE;
      }
      pos += (int) size;
      pending += children - 1;
    }
    return DONE;
  }

  private static long fixedSize(int b, int pos) {
    return switch (b) {
      case 0xCC, 0xD0 -> 2;
      case 0xCD, 0xD1 -> 3;
      case 0xCA, 0xCE, 0xD2 -> 5;
      case 0xCB, 0xCF, 0xD3 -> 9;
      case 0xD4 -> 3; // fixext1
      case 0xD5 -> 4; // fixext2
      case 0xD6 -> 6; // fixext4
      case 0xD7 -> 10; // fixext8
      case 0xD8 -> 18; // fixext16
      default -> throw new WireFormatException(
          String.format("invalid msgpack byte 0x%02x at offset %d", b, pos));
    };
  }

  private static long readLength(byte[] buf, int at, int lenBytes) {
    long n = 0;
    for (int i = 0; i < lenBytes; i++) {
      n = (n << 8) | (buf[at + i] & 0xFF);
    }
    return n;
  }
}
