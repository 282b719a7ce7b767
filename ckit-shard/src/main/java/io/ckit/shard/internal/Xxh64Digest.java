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
 * <p>Not thread-safe.
 */
public final class Xxh64Digest {
  private final byte[] buf = new byte[32];
  private int buffered;
  private long total;
  private long v1;
  private long v2;
  private long v3;
  private long v4;
  /** {@code Xxh64.merge(v1, v2, v3, v4)}, kept current so that {@link #sum()} need not redo it. */
  private long merged;

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
    merged = Xxh64.merge(v1, v2, v3, v4);
    total = 0;
    buffered = 0;
  }

  /** Writes one byte. */
  public Xxh64Digest write(byte b) {
    buf[buffered++] = b;
    total++;
    if (buffered == 32) {
      block(buf, 0);
      merged = Xxh64.merge(v1, v2, v3, v4);
      buffered = 0;
    }
    return this;
  }

  /** Writes {@code len} bytes of {@code b} starting at {@code off}. */
  public Xxh64Digest write(byte[] b, int off, int len) {
    total += len;
    int i = off;
    int end = off + len;
    if (buffered > 0) {
      int take = Math.min(32 - buffered, len);
      System.arraycopy(b, i, buf, buffered, take);
      buffered += take;
      i += take;
      if (buffered < 32) {
        return this;
      }
      block(buf, 0);
      buffered = 0;
    }
    boolean blocks = false;
    for (; i + 32 <= end; i += 32) {
      block(b, i);
      blocks = true;
    }
    if (blocks || i > off) {
      merged = Xxh64.merge(v1, v2, v3, v4);
    }
    System.arraycopy(b, i, buf, 0, end - i);
    buffered = end - i;
    return this;
  }

  /**
   * Writes the UTF-8 encoding of {@code s}; unpaired surrogates encode as {@code '?'}, as {@link
   * String#getBytes(java.nio.charset.Charset)} does.
   */
  public Xxh64Digest writeUtf8(String s) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        write((byte) c);
      } else if (c < 0x800) {
        write((byte) (0xC0 | c >>> 6));
        write((byte) (0x80 | c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        write((byte) (0xE0 | c >>> 12));
        write((byte) (0x80 | c >>> 6 & 0x3F));
        write((byte) (0x80 | c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        write((byte) (0xF0 | cp >>> 18));
        write((byte) (0x80 | cp >>> 12 & 0x3F));
        write((byte) (0x80 | cp >>> 6 & 0x3F));
        write((byte) (0x80 | cp & 0x3F));
      } else {
        write((byte) '?');
      }
    }
    return this;
  }

  /** Returns the digest of everything written so far, as Go's {@code Digest.Sum64}. */
  public long sum() {
    long h = (total >= 32 ? merged : P5) + total;
    int i = 0;
    int n = buffered;
    for (; i + 8 <= n; i += 8) {
      h = Xxh64.lane(h, Xxh64.longLe(buf, i));
    }
    if (i + 4 <= n) {
      h = Xxh64.half(h, Xxh64.intLe(buf, i));
      i += 4;
    }
    for (; i < n; i++) {
      h = Xxh64.single(h, buf[i]);
    }
    return Xxh64.avalanche(h);
  }

  private void block(byte[] b, int i) {
    v1 = Xxh64.round(v1, Xxh64.longLe(b, i));
    v2 = Xxh64.round(v2, Xxh64.longLe(b, i + 8));
    v3 = Xxh64.round(v3, Xxh64.longLe(b, i + 16));
    v4 = Xxh64.round(v4, Xxh64.longLe(b, i + 24));
  }
}
