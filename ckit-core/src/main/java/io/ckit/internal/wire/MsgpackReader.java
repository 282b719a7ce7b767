/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads msgpack with the tolerance of go-msgpack v2.1.5's decoder decoding into Go structs: a
 * struct may be a map (keys in any order, unknown keys skipped, exact case-sensitive names,
 * duplicates: last wins) or a positional array (declaration order, missing trailing fields zero,
 * extra elements skipped) or nil (all zero); nil for any field gives its zero value; strings and
 * byte slices accept every str and bin format and arrays of small unsigned integers; integers accept
 * every int and uint format, with Go's range checks (negative into unsigned and out-of-range values
 * are errors); bools accept fixint 0 and 1.
 *
 * <p>Every length is checked against the remaining input before anything is allocated. Only one
 * value is consumed per read; bytes after it are left for the caller.
 *
 * <p>Not thread-safe: one instance per decoding call.
 */
final class MsgpackReader {
  private final byte[] buf;
  private final int limit;
  private int pos;
  private boolean lastStructWasArray;

  MsgpackReader(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IndexOutOfBoundsException(
          "range [" + off + ", " + off + " + " + len + ") out of bounds for length " + buf.length);
    }
    this.buf = buf;
    this.pos = off;
    this.limit = off + len;
  }

  /**
   * Returns the UTF-8 bytes of struct field names, in Go declaration order, for decoding.
   *
   * @throws IllegalArgumentException if a name is empty (Go field names never are)
   */
  static byte[][] fieldNames(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty()) {
        throw new IllegalArgumentException("empty field name at index " + i);
      }
      out[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** Returns the current read position in the underlying array. */
  int position() {
    return pos;
  }

  /** Returns how many bytes remain. */
  int remaining() {
    return limit - pos;
  }

  private WireFormatException truncated(long need) {
    return new WireFormatException(
        "truncated msgpack: need " + need + " bytes at offset " + pos + ", have " + (limit - pos));
  }

  private int next() {
    if (pos >= limit) {
      throw truncated(1);
    }
    return buf[pos++] & 0xFF;
  }

  private int peek() {
    if (pos >= limit) {
      throw truncated(1);
    }
    return buf[pos] & 0xFF;
  }

  private long be(int n) {
    if (limit - pos < n) {
      throw truncated(n);
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  /** Consumes a msgpack nil if one is next and returns true; otherwise consumes nothing. */
  boolean tryNil() {
    if (peek() == 0xC0) {
      pos++;
      return true;
    }
    return false;
  }

  /** Skips one complete msgpack value of any format. */
  void skipValue() {
    MsgpackScanner scanner = new MsgpackScanner(pos, 1);
    scanner.scan(buf, limit, limit);
    pos = scanner.position();
  }

  /**
   * Reads the start of a Go struct: a map, an array (positional) or nil (no fields).
   *
   * @return the number of entries (map) or elements (array) that follow
   * @throws WireFormatException if the value is none of these or declares more entries than the
   *     remaining input can hold
   */
  int readStructHeader() {
    int b = next();
    long n;
    boolean array;
    if (b == 0xC0) {
      lastStructWasArray = false;
      return 0;
    } else if (b >= 0x80 && b <= 0x8F) {
      n = b & 0x0F;
      array = false;
    } else if (b >= 0x90 && b <= 0x9F) {
      n = b & 0x0F;
      array = true;
    } else if (b == 0xDE || b == 0xDF) {
      n = be(b == 0xDE ? 2 : 4);
      array = false;
    } else if (b == 0xDC || b == 0xDD) {
      n = be(b == 0xDC ? 2 : 4);
      array = true;
    } else {
      throw new WireFormatException(
          String.format("expected a msgpack map or array for a struct, got 0x%02x at offset %d",
              b, pos - 1));
    }
    checkCount(n, array ? 1 : 2);
    lastStructWasArray = array;
    return (int) n;
  }

  /** Returns whether the last {@link #readStructHeader()} read the positional array form. */
  boolean lastStructWasArray() {
    return lastStructWasArray;
  }

  private void checkCount(long n, int minBytesEach) {
    if (n * minBytesEach > limit - pos) {
      throw new WireFormatException(
          "msgpack container declares " + n + " entries but only " + (limit - pos)
              + " bytes remain at offset " + pos);
    }
  }

  /**
   * Reads the start of a Go slice of structs: an array or nil.
   *
   * @return the element count, or -1 for nil
   */
  int readArrayHeaderOrNil() {
    int b = next();
    long n;
    if (b == 0xC0) {
      return -1;
    } else if (b >= 0x90 && b <= 0x9F) {
      n = b & 0x0F;
    } else if (b == 0xDC || b == 0xDD) {
      n = be(b == 0xDC ? 2 : 4);
    } else {
      throw new WireFormatException(
          String.format("expected a msgpack array, got 0x%02x at offset %d", b, pos - 1));
    }
    checkCount(n, 1);
    return (int) n;
  }

  /**
   * Reads a map key and returns the index of the field it names, or -1 if it names none (the value
   * must then be skipped). Keys match exact bytes, as in Go.
   *
   * @param fieldNames the struct's field names as UTF-8 bytes
   */
  int readFieldIndex(byte[][] fieldNames) {
    int b = peek();
    if (b >= 0x90 && b <= 0x9F || b == 0xDC || b == 0xDD) {
      byte[] key = readBytesField(); // an array of small uints, as Go allows
      for (int i = 0; i < fieldNames.length; i++) {
        if (Arrays.equals(fieldNames[i], key)) {
          return i;
        }
      }
      return -1;
    }
    int len = readStringHeader();
    if (len < 0) {
      throw new WireFormatException("nil map key at offset " + (pos - 1)); // as go-msgpack
    }
    int keyStart = pos;
    pos += len;
    for (int i = 0; i < fieldNames.length; i++) {
      byte[] name = fieldNames[i];
      if (name.length == len && startsWith(buf, keyStart, name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether {@code buf} holds {@code name} at {@code off}. A plain loop: field names are a
   * few bytes long and usually differ in the first, where {@link Arrays#equals} costs a call.
   */
  private static boolean startsWith(byte[] buf, int off, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      if (buf[off + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a str/bin header and checks that its payload is present.
   *
   * @return the payload length, or -1 for nil
   */
  private int readStringHeader() {
    int b = next();
    long n;
    if (b >= 0xA0 && b <= 0xBF) {
      n = b & 0x1F;
    } else {
      switch (b) {
        case 0xC0 -> {
          return -1;
        }
        case 0xD9, 0xC4 -> n = be(1);
        case 0xDA, 0xC5 -> n = be(2);
        case 0xDB, 0xC6 -> n = be(4);
        default -> throw new WireFormatException(
            String.format("expected a msgpack string or bytes, got 0x%02x at offset %d", b,
                pos - 1));
      }
    }
    if (n > limit - pos) {
      throw truncated(n);
    }
    return (int) n;
  }

  /**
   * Reads a Go {@code []byte} field: nil gives null; str, bin and arrays of uint8 give a new array.
   */
  byte[] readBytesField() {
    int b = peek();
    if (b >= 0x90 && b <= 0x9F || b == 0xDC || b == 0xDD) {
      int n = readArrayHeaderOrNil();
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = (byte) readUintField(8);
      }
      return out;
    }
    int len = readStringHeader();
    if (len < 0) {
      return null;
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
    pos += len;
    return out;
  }

  /**
   * Reads a Go {@code []byte} field as {@link #readBytesField()} does, but returns where its bytes
   * are instead of a copy: in this reader's buffer for str and bin, in a new array for an array of
   * uint8.
   *
   * @return the bytes, or null for nil
   */
  Slice readBytesSlice() {
    int b = peek();
    if (b >= 0x90 && b <= 0x9F || b == 0xDC || b == 0xDD) {
      byte[] copy = readBytesField();
      return new Slice(copy, 0, copy.length);
    }
    int len = readStringHeader();
    if (len < 0) {
      return null;
    }
    Slice slice = new Slice(buf, pos, len);
    pos += len;
    return slice;
  }

  /**
   * A range of bytes inside an array that must not be modified.
   *
   * @param array the array
   * @param offset where the bytes start
   * @param length how many bytes there are
   */
  record Slice(byte[] array, int offset, int length) {}

  /**
   * Reads a Go {@code string} field as strict UTF-8: nil gives "".
   *
   * @throws WireFormatException if the bytes are not valid UTF-8 (Go strings may hold any bytes, but
   *     a name that is not UTF-8 has no faithful Java String; such messages are rejected)
   */
  String readStringField() {
    int b = peek();
    if (b >= 0x90 && b <= 0x9F || b == 0xDC || b == 0xDD) {
      byte[] bytes = readBytesField();
      return utf8(bytes, 0, bytes.length);
    }
    int len = readStringHeader();
    if (len <= 0) {
      return "";
    }
    String s = utf8(buf, pos, len);
    pos += len;
    return s;
  }

  /** Decodes strict UTF-8 (the JDK's decoder rejects what Go's utf8.Valid rejects). */
  static String utf8(byte[] bytes, int off, int len) {
    boolean ascii = true;
    for (int i = off, end = off + len; i < end; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WireFormatException("string of " + len + " bytes is not valid UTF-8", e);
    }
  }

  /**
   * Reads a Go unsigned integer field of {@code bits} bits (8, 16, 32 or 64): nil gives 0; any int
   * or uint format is accepted; negative values and values that do not fit are errors.
   *
   * @return the value (for 64 bits, an unsigned long)
   */
  long readUintField(int bits) {
    int b = next();
    long v;
    if (b <= 0x7F) {
      v = b;
    } else if (b == 0xC0) {
      v = 0;
    } else if (b >= 0xE0) {
      throw negative(b - 256);
    } else {
      switch (b) {
        case 0xCC -> v = be(1);
        case 0xCD -> v = be(2);
        case 0xCE -> v = be(4);
        case 0xCF -> v = be(8);
        case 0xD0, 0xD1, 0xD2, 0xD3 -> {
          v = signed(b);
          if (v < 0) {
            throw negative(v);
          }
        }
        default -> throw new WireFormatException(
            String.format("expected an integer, got 0x%02x at offset %d", b, pos - 1));
      }
    }
    if (bits < 64 && (v >>> bits) != 0) {
      throw new WireFormatException(
          "integer " + Long.toUnsignedString(v) + " overflows uint" + bits + " at offset " + pos);
    }
    return v;
  }

  private WireFormatException negative(long v) {
    return new WireFormatException(
        "negative integer " + v + " for an unsigned field at offset " + pos);
  }

  private long signed(int b) {
    return switch (b) {
      case 0xD0 -> (byte) be(1);
      case 0xD1 -> (short) be(2);
      case 0xD2 -> (int) be(4);
      default -> be(8);
    };
  }

  /**
   * Reads a Go {@code int} (64-bit) field: nil gives 0; any int or uint format is accepted; a uint64
   * above {@link Long#MAX_VALUE} wraps to a negative value, exactly as Go's decoder does.
   */
  long readIntField() {
    int b = next();
    if (b <= 0x7F) {
      return b;
    }
    if (b >= 0xE0) {
      return b - 256;
    }
    return switch (b) {
      case 0xC0 -> 0;
      case 0xCC -> be(1);
      case 0xCD -> be(2);
      case 0xCE -> be(4);
      case 0xCF -> be(8);
      case 0xD0, 0xD1, 0xD2, 0xD3 -> signed(b);
      default -> throw new WireFormatException(
          String.format("expected an integer, got 0x%02x at offset %d", b, pos - 1));
    };
  }

  /** Reads a Go {@code bool} field: nil, false and 0 give false; true and 1 give true. */
  boolean readBoolField() {
    int b = next();
    return switch (b) {
      case 0xC0, 0xC2, 0x00 -> false;
      case 0xC3, 0x01 -> true;
      default -> throw new WireFormatException(
          String.format("expected a bool, got 0x%02x at offset %d", b, pos - 1));
    };
  }
}
