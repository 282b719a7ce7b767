/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One-shot XXH64 with seed 0, the hash behind Go ckit's keys and tokens
 * ({@code github.com/cespare/xxhash/v2}).
 *
 * <p>Stateless and thread-safe. The string and hex variants hash the UTF-8 or ASCII bytes without
 * materialising them or allocating; see {@link Xxh64Digest} for the streaming form.
 */
public final class Xxh64 {
  static final long P1 = 0x9E3779B185EBCA87L;
  static final long P2 = 0xC2B2AE3D27D4EB4FL;
  static final long P3 = 0x165667B19E3779F9L;
  static final long P4 = 0x85EBCA77C2B2AE63L;
  static final long P5 = 0x27D4EB2F165667C5L;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Xxh64() {}

  /**
   * Hashes {@code len} bytes of {@code b} starting at {@code off}.
   *
   * @return the XXH64 digest, as Go's {@code xxhash.Sum64}
   */
  public static long hash(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    long h;
    if (len >= 32) {
      long v1 = P1 + P2;
      long v2 = P2;
      long v3 = 0;
      long v4 = -P1;
      for (int limit = end - 32; i <= limit; i += 32) {
        v1 = round(v1, longLe(b, i));
        v2 = round(v2, longLe(b, i + 8));
        v3 = round(v3, longLe(b, i + 16));
        v4 = round(v4, longLe(b, i + 24));
      }
      h = merge(v1, v2, v3, v4);
    } else {
      h = P5;
    }
    h += len;
    for (; i + 8 <= end; i += 8) {
      h = lane(h, longLe(b, i));
    }
    if (i + 4 <= end) {
      h = half(h, intLe(b, i));
      i += 4;
    }
    for (; i < end; i++) {
      h = single(h, b[i]);
    }
    return avalanche(h);
  }

  /**
   * Hashes the UTF-8 encoding of {@code s}, as Go's {@code xxhash.Sum64String}. ASCII text is
   * hashed straight from the characters, eight at a time; at the first non-ASCII character the
   * string is rehashed by a general UTF-8 path. Neither path allocates. Unpaired surrogates
   * encode as {@code '?'}, as {@link String#getBytes(java.nio.charset.Charset)} does.
   */
  public static long hashString(String s) {
    int len = s.length();
    int i = 0;
    long h;
    if (len >= 32) {
      long v1 = P1 + P2;
      long v2 = P2;
      long v3 = 0;
      long v4 = -P1;
      for (int limit = len - 32; i <= limit; i += 32) {
        long l0 = asciiLane(s, i);
        long l1 = asciiLane(s, i + 8);
        long l2 = asciiLane(s, i + 16);
        long l3 = asciiLane(s, i + 24);
        if ((l0 | l1 | l2 | l3) < 0) {
          return hashUtf8(s);
        }
        v1 = round(v1, l0);
        v2 = round(v2, l1);
        v3 = round(v3, l2);
        v4 = round(v4, l3);
      }
      h = merge(v1, v2, v3, v4);
    } else {
      h = P5;
    }
    h += len;
    for (; i + 8 <= len; i += 8) {
      long l = asciiLane(s, i);
      if (l < 0) {
        return hashUtf8(s);
      }
      h = lane(h, l);
    }
    long rest = 0;
    int n = len - i;
    for (int k = 0; k < n; k++) {
      char c = s.charAt(i + k);
      if (c >= 0x80) {
        return hashUtf8(s);
      }
      rest |= (long) c << (k << 3);
    }
    return avalanche(tail(h, rest, n));
  }

  /**
   * Hashes the UTF-8 encoding of any string in one pass, without allocating: characters are
   * encoded into a pending word, every full word is a lane, and lanes are kept in locals until a
   * 32-byte stripe is complete, as {@link Xxh64Digest} does with fields.
   */
  private static long hashUtf8(String s) {
    long v1 = P1 + P2;
    long v2 = P2;
    long v3 = 0;
    long v4 = -P1;
    long l0 = 0;
    long l1 = 0;
    long l2 = 0;
    int lanes = 0; // full lanes held in l0..l2
    long pending = 0; // the next lane's first `count` bytes
    int count = 0;
    long total = 0;
    int len = s.length();
    int probeFrom = 0; // after a failed 8-character ASCII probe, encode singly for a while
    for (int i = 0; i < len; ) {
      long bytes;
      int n;
      long ascii = i >= probeFrom && i + 8 <= len ? asciiLane(s, i) : -1;
      if (ascii < 0 && i >= probeFrom) {
        probeFrom = i + 8;
      }
      if (ascii >= 0) {
        bytes = ascii;
        n = 8;
        i += 8;
      } else {
        char c = s.charAt(i++);
        if (c < 0x80) {
          bytes = c;
          n = 1;
        } else if (c < 0x800) {
          bytes = (0xC0 | c >>> 6) | (0x80 | c & 0x3F) << 8;
          n = 2;
        } else if (!Character.isSurrogate(c)) {
          bytes = (0xE0 | c >>> 12) | (0x80 | c >>> 6 & 0x3F) << 8 | (0x80 | c & 0x3F) << 16;
          n = 3;
        } else if (Character.isHighSurrogate(c) && i < len && Character.isLowSurrogate(s.charAt(i))) {
          int cp = Character.toCodePoint(c, s.charAt(i++));
          bytes = (0xF0 | cp >>> 18) | (0x80 | cp >>> 12 & 0x3F) << 8
              | (0x80 | cp >>> 6 & 0x3F) << 16 | (long) (0x80 | cp & 0x3F) << 24;
          n = 4;
        } else {
          bytes = '?';
          n = 1;
        }
      }
      total += n;
      if (count + n < 8) {
        pending |= bytes << (count << 3);
        count += n;
        continue;
      }
      // A lane is complete: the pending bytes, then the first 8 - count of the new ones.
      long lane = pending | bytes << (count << 3);
      int used = 8 - count;
      pending = used == 8 ? 0 : bytes >>> (used << 3);
      count = n - used;
      switch (lanes) {
        case 0 -> l0 = lane;
        case 1 -> l1 = lane;
        case 2 -> l2 = lane;
        default -> {
          v1 = round(v1, l0);
          v2 = round(v2, l1);
          v3 = round(v3, l2);
          v4 = round(v4, lane);
        }
      }
      lanes = (lanes + 1) & 3;
    }
    long h = (total >= 32 ? merge(v1, v2, v3, v4) : P5) + total;
    if (lanes > 0) {
      h = lane(h, l0);
    }
    if (lanes > 1) {
      h = lane(h, l1);
    }
    if (lanes > 2) {
      h = lane(h, l2);
    }
    return avalanche(tail(h, pending, count));
  }

  /**
   * Hashes the lower-case hexadecimal text of {@code value} read as unsigned, without leading
   * zeros (Go's {@code strconv.AppendUint(nil, value, 16)}), without allocating.
   */
  public static long hashHex(long value) {
    int digits = value == 0 ? 1 : 16 - (Long.numberOfLeadingZeros(value) >>> 2);
    // The 16-digit text with leading zeros, as two little-endian lanes; then drop the zeros.
    long high = hexLane((int) (value >>> 32));
    long low = hexLane((int) value);
    int skip = 16 - digits;
    long first;
    long second;
    if (skip == 0) {
      first = high;
      second = low;
    } else if (skip < 8) {
      first = high >>> (skip << 3) | low << ((8 - skip) << 3);
      second = low >>> (skip << 3);
    } else {
      first = low >>> ((skip - 8) << 3);
      second = 0;
    }
    long h = P5 + digits;
    long rest = first;
    int left = digits;
    if (left >= 8) {
      h = lane(h, first);
      rest = second;
      left -= 8;
      if (left == 8) {
        return avalanche(lane(h, second));
      }
    }
    return avalanche(tail(h, rest, left));
  }

  /**
   * Returns the eight lower-case hex digits of {@code v}, most significant first, as the bytes of
   * a little-endian lane: nibbles are spread one per byte, byte-reversed, then turned into ASCII
   * without branches ({@code '0' + n}, plus {@code 'a' - '0' - 10} where {@code n >= 10}).
   */
  static long hexLane(int v) {
    long x = v & 0xFFFFFFFFL;
    x = (x | x << 16) & 0x0000FFFF0000FFFFL;
    x = (x | x << 8) & 0x00FF00FF00FF00FFL;
    x = (x | x << 4) & 0x0F0F0F0F0F0F0F0FL;
    x = Long.reverseBytes(x);
    long letters = (x + 0x0606060606060606L) >>> 4 & 0x0101010101010101L;
    return x + 0x3030303030303030L + letters * ('a' - '0' - 10);
  }

  /**
   * Returns chars {@code i..i+7} of {@code s} as a little-endian lane of ASCII bytes, or a negative
   * number if any of them is not ASCII (an ASCII lane never has its top bit set).
   */
  static long asciiLane(String s, int i) {
    int c0 = s.charAt(i);
    int c1 = s.charAt(i + 1);
    int c2 = s.charAt(i + 2);
    int c3 = s.charAt(i + 3);
    int c4 = s.charAt(i + 4);
    int c5 = s.charAt(i + 5);
    int c6 = s.charAt(i + 6);
    int c7 = s.charAt(i + 7);
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) >= 0x80) {
      return -1;
    }
    return c0 | (long) c1 << 8 | (long) c2 << 16 | (long) c3 << 24 | (long) c4 << 32
        | (long) c5 << 40 | (long) c6 << 48 | (long) c7 << 56;
  }

  /** Mixes the last {@code n < 8} bytes, held little-endian in {@code rest}, into {@code h}. */
  static long tail(long h, long rest, int n) {
    if (n >= 4) {
      h = half(h, (int) rest);
      rest >>>= 32;
      n -= 4;
    }
    for (; n > 0; n--) {
      h = single(h, (byte) rest);
      rest >>>= 8;
    }
    return h;
  }

  static long longLe(byte[] b, int i) {
    return (long) LONG_LE.get(b, i);
  }

  static int intLe(byte[] b, int i) {
    return (int) INT_LE.get(b, i);
  }

  static long round(long acc, long input) {
    return Long.rotateLeft(acc + input * P2, 31) * P1;
  }

  static long merge(long v1, long v2, long v3, long v4) {
    long h =
        Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
            + Long.rotateLeft(v4, 18);
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    return mergeRound(h, v4);
  }

  private static long mergeRound(long acc, long val) {
    return (acc ^ round(0, val)) * P1 + P4;
  }

  /** Mixes one 8-byte tail lane into {@code h}. */
  static long lane(long h, long input) {
    return Long.rotateLeft(h ^ round(0, input), 27) * P1 + P4;
  }

  /** Mixes one 4-byte tail word into {@code h}. */
  static long half(long h, int input) {
    return Long.rotateLeft(h ^ (input & 0xFFFFFFFFL) * P1, 23) * P2 + P3;
  }

  /** Mixes one tail byte into {@code h}. */
  static long single(long h, byte input) {
    return Long.rotateLeft(h ^ (input & 0xFFL) * P5, 11) * P1;
  }

  static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }
}
