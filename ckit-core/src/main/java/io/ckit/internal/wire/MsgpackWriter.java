/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes msgpack exactly as go-msgpack (v2.1.5 and v0.5.5) does with a
 * default {@code MsgpackHandle}: legacy raw strings (fixstr, {@code DA}, {@code DB}; never str8 or
 * bin), {@code []byte} as raw strings with nil as {@code C0}, unsigned Go integers in the unsigned
 * families and signed Go integers in the signed families.
 *
 * <p>Not thread-safe: one instance per encoding call.
 */
final class MsgpackWriter {
  private byte[] buf;
  private int size;

  MsgpackWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Returns the number of bytes written so far. */
  int size() {
    return size;
  }

  /** Returns a copy of the bytes written so far, trimmed to size. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /**
   * Returns the bytes written, as {@link #toByteArray()} does, but without a copy when the buffer is
   * exactly full (writers sized exactly in advance); the writer must not be used afterwards.
   */
  byte[] result() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  /** Returns the internal array (valid up to {@link #size()}); no copy. */
  byte[] array() {
    return buf;
  }

  private void ensure(int extra) {
    int need = size + extra;
    if (need < 0) {
      throw new IllegalArgumentException("message too large: " + size + " + " + extra + " bytes");
    }
    if (need > buf.length) {
      int grown = Math.max(need, buf.length < (1 << 29) ? buf.length * 2 : Integer.MAX_VALUE - 8);
      buf = Arrays.copyOf(buf, grown);
    }
  }

  /** Writes one raw byte (a type byte, not msgpack). */
  void rawByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  /** Writes raw bytes (not msgpack). */
  void rawBytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  /** Writes a big-endian uint16 (not msgpack). */
  void rawUint16(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  /** Writes a big-endian uint32 (not msgpack). */
  void rawUint32(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  private void rawUint64(long v) {
    rawUint32((int) (v >>> 32));
    rawUint32((int) v);
  }

  /** Overwrites a big-endian uint16 at {@code pos} (not msgpack). */
  void patchUint16(int pos, int v) {
    buf[pos] = (byte) (v >>> 8);
    buf[pos + 1] = (byte) v;
  }

  /** Writes msgpack nil. */
  void nil() {
    rawByte(0xC0);
  }

  /** Writes a msgpack bool. */
  void bool(boolean v) {
    rawByte(v ? 0xC3 : 0xC2);
  }

  /** Writes a map header (fixmap, map16, map32). */
  void mapHeader(int n) {
    containerHeader(0x80, 16, 0xDE, 0xDF, n);
  }

  /** Writes an array header (fixarray, array16, array32). */
  void arrayHeader(int n) {
    containerHeader(0x90, 16, 0xDC, 0xDD, n);
  }

  private void containerHeader(int fix, int fixCutoff, int b16, int b32, int n) {
    if (n < fixCutoff) {
      rawByte(fix | n);
    } else if (n < 65536) {
      rawByte(b16);
      rawUint16(n);
    } else {
      rawByte(b32);
      rawUint32(n);
    }
  }

  /** Returns how many bytes the raw-string header for a payload of {@code len} bytes takes. */
  static int rawStringHeaderSize(int len) {
    return len < 32 ? 1 : len < 65536 ? 3 : 5;
  }

  private void rawStringHeader(int len) {
    if (len < 32) {
      rawByte(0xA0 | len);
    } else if (len < 65536) {
      rawByte(0xDA);
      rawUint16(len);
    } else {
      rawByte(0xDB);
      rawUint32(len);
    }
  }

  /** Writes a pre-encoded key (its msgpack header and bytes), see {@link #key(String)}. */
  void key(byte[] encodedKey) {
    rawBytes(encodedKey, 0, encodedKey.length);
  }

  /** Returns the msgpack raw-string encoding of an ASCII field name, for {@link #key(byte[])}. */
  static byte[] key(String name) {
    MsgpackWriter w = new MsgpackWriter(name.length() + 1);
    w.string(name);
    return w.toByteArray();
  }

  /**
   * Writes a Go string as a legacy raw string. A Java string is written as its UTF-8 bytes; unpaired
   * surrogates become {@code ?} (as {@link String#getBytes} does). {@code null} is written as "".
   */
  void string(String s) {
    if (s == null || s.isEmpty()) {
      rawByte(0xA0);
      return;
    }
    if (isAscii(s)) {
      int len = s.length();
      rawStringHeader(len);
      ensure(len);
      for (int i = 0; i < len; i++) {
        buf[size + i] = (byte) s.charAt(i);
      }
      size += len;
    } else {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      rawStringHeader(utf8.length);
      rawBytes(utf8, 0, utf8.length);
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Writes a Go {@code []byte}: nil as msgpack nil, otherwise a legacy raw string. */
  void bytes(byte[] b) {
    if (b == null) {
      nil();
      return;
    }
    bytes(b, 0, b.length);
  }

  /** Writes {@code b[off, off+len)} as a Go {@code []byte} that is not nil (a legacy raw string). */
  void bytes(byte[] b, int off, int len) {
    rawStringHeader(len);
    rawBytes(b, off, len);
  }

  /** Writes a Go unsigned integer; {@code v} is interpreted as unsigned 64-bit. */
  void uint(long v) {
    if (v >= 0 && v <= 0x7F) {
      rawByte((int) v);
    } else if (v >= 0 && v <= 0xFF) {
      rawByte(0xCC);
      rawByte((int) v);
    } else if (v >= 0 && v <= 0xFFFF) {
      rawByte(0xCD);
      rawUint16((int) v);
    } else if (v >= 0 && v <= 0xFFFF_FFFFL) {
      rawByte(0xCE);
      rawUint32((int) v);
    } else {
      rawByte(0xCF);
      rawUint64(v);
    }
  }

  /** Writes a Go uint32 held in a Java int (unsigned). */
  void uint32(int v) {
    uint(Integer.toUnsignedLong(v));
  }

  /**
   * Writes a Go signed integer ({@code int}, {@code int64}): positive values above 127 use the signed
   * families {@code D1/D2/D3}, as go-msgpack v2 does.
   */
  void sint(long v) {
    if (v > 127) {
      if (v <= Short.MAX_VALUE) {
        rawByte(0xD1);
        rawUint16((int) v);
      } else if (v <= Integer.MAX_VALUE) {
        rawByte(0xD2);
        rawUint32((int) v);
      } else {
        rawByte(0xD3);
        rawUint64(v);
      }
    } else if (v >= -32) {
      rawByte((int) v);
    } else if (v >= Byte.MIN_VALUE) {
      rawByte(0xD0);
      rawByte((int) v);
    } else if (v >= Short.MIN_VALUE) {
      rawByte(0xD1);
      rawUint16((int) v);
    } else if (v >= Integer.MIN_VALUE) {
      rawByte(0xD2);
      rawUint32((int) v);
    } else {
      rawByte(0xD3);
      rawUint64(v);
    }
  }
}
