/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static io.ckit.shard.internal.Xxh64.P1;
import static io.ckit.shard.internal.Xxh64.P2;
import static io.ckit.shard.internal.Xxh64.P5;

/**
 * Streaming XXH64 with seed 0, equivalent to Go's {@code xxhash.Digest}: bytes may be written in
 * any split and {@link #sum()} may be taken at any point without disturbing the state.
 *
 * <p>The pending partial block (up to 31 bytes) lives in four little-endian {@code long} fields
 * rather than an array, so a digest that does not escape its method (as in {@link
 * Xxh64#hashString} for non-ASCII text) can be scalar-replaced by the JIT and costs no allocation.
 *
 * <p>Not thread-safe.
 */
public final class Xxh64Digest {
  private long b0;
  private long b1;
  private long b2;
  private long b3;
  /** Bytes pending in b0..b3, 0 to 31. */
  private int buffered;
  private long total;
  private long v1;
  private long v2;
  private long v3;
  private long v4;

  /** Creates an empty digest. */
  public Xxh64Digest() {
    reset();
  }

  /** Forgets everything written, as Go's {@code Digest.Reset}. */
  public void reset() {
    v1 = P1 + P2;
    v2 = P2;
    v3 = 0;
    v4 = -P1;
    b0 = 0;
    b1 = 0;
    b2 = 0;
    b3 = 0;
    total = 0;
    buffered = 0;
  }

  /** Writes one byte. */
  public Xxh64Digest write(byte b) {
    return write(b & 0xFFL, 1);
  }

  /**
   * Writes the low {@code n} bytes of {@code bytes}, least significant first.
   *
   * @param n 1 to 8; bits above the low {@code n} bytes must be zero
   */
  private Xxh64Digest write(long bytes, int n) {
    int shift = (buffered & 7) << 3;
    long low = bytes << shift;
    long high = shift == 0 ? 0 : bytes >>> (64 - shift);
    long spill = 0;
    switch (buffered >>> 3) {
      case 0 -> {
        b0 |= low;
        b1 |= high;
      }
      case 1 -> {
        b1 |= low;
        b2 |= high;
      }
      case 2 -> {
        b2 |= low;
        b3 |= high;
      }
      default -> {
        b3 |= low;
        spill = high;
      }
    }
    total += n;
    buffered += n;
    if (buffered >= 32) {
      block(b0, b1, b2, b3);
      b0 = spill;
      b1 = 0;
      b2 = 0;
      b3 = 0;
      buffered -= 32;
    }
    return this;
  }

  /** Writes {@code len} bytes of {@code b} starting at {@code off}. */
  public Xxh64Digest write(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (buffered != 0 && i < end) {
      write(b[i++]);
    }
    for (; i + 32 <= end; i += 32) {
      block(Xxh64.longLe(b, i), Xxh64.longLe(b, i + 8), Xxh64.longLe(b, i + 16),
          Xxh64.longLe(b, i + 24));
      total += 32;
    }
    for (; i + 8 <= end; i += 8) {
      write(Xxh64.longLe(b, i), 8);
    }
    while (i < end) {
      write(b[i++]);
    }
    return this;
  }

  /**
   * Writes the UTF-8 encoding of {@code s}; unpaired surrogates encode as {@code '?'}, as {@link
   * String#getBytes(java.nio.charset.Charset)} does. Encoded bytes are gathered eight at a time.
   */
  public Xxh64Digest writeUtf8(String s) {
    int len = s.length();
    long pending = 0;
    int count = 0;
    for (int i = 0; i < len; i++) {
      if (count == 0 && i + 8 <= len) {
        long ascii = Xxh64.asciiLane(s, i);
        if (ascii >= 0) {
          write(ascii, 8);
          i += 7;
          continue;
        }
      }
      char c = s.charAt(i);
      long encoded;
      int n;
      if (c < 0x80) {
        encoded = c;
        n = 1;
      } else if (c < 0x800) {
        encoded = (0xC0 | c >>> 6) | (0x80 | c & 0x3F) << 8;
        n = 2;
      } else if (!Character.isSurrogate(c)) {
        encoded = (0xE0 | c >>> 12) | (0x80 | c >>> 6 & 0x3F) << 8 | (0x80 | c & 0x3F) << 16;
        n = 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        encoded = (0xF0 | cp >>> 18) | (0x80 | cp >>> 12 & 0x3F) << 8
            | (0x80 | cp >>> 6 & 0x3F) << 16 | (long) (0x80 | cp & 0x3F) << 24;
        n = 4;
      } else {
        encoded = '?';
        n = 1;
      }
      if (count + n > 8) {
        write(pending, count);
        pending = 0;
        count = 0;
      }
      pending |= encoded << (count << 3);
      count += n;
    }
    if (count > 0) {
      write(pending, count);
    }
    return this;
  }

  /** Returns the digest of everything written so far, as Go's {@code Digest.Sum64}. */
  public long sum() {
    long h = (total >= 32 ? Xxh64.merge(v1, v2, v3, v4) : P5) + total;
    int n = buffered;
    long rest = b0;
    if (n >= 8) {
      h = Xxh64.lane(h, b0);
      rest = b1;
      n -= 8;
      if (n >= 8) {
        h = Xxh64.lane(h, b1);
        rest = b2;
        n -= 8;
        if (n >= 8) {
          h = Xxh64.lane(h, b2);
          rest = b3;
          n -= 8;
        }
      }
    }
    return Xxh64.avalanche(Xxh64.tail(h, rest, n));
  }

  private void block(long l0, long l1, long l2, long l3) {
    v1 = Xxh64.round(v1, l0);
    v2 = Xxh64.round(v2, l1);
    v3 = Xxh64.round(v3, l2);
    v4 = Xxh64.round(v4, l3);
  }
}
