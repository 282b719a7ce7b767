/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * The straightforward LZW port that the codec shipped before the pooled {@link LzwEncoder} and
 * {@link LzwDecoder}: a fresh hash table per compression (Go's hash function) and a prefix/suffix
 * chain walk per decoded code. Kept as a test oracle: the optimised coder must produce exactly the
 * same bytes, and accept and reject exactly the same inputs. Stateless and thread-safe.
 */
final class LzwReference {
  private static final int CLEAR = 256;
  private static final int EOF = 257;
  private static final int MAX_WIDTH = 12;
  private static final int MAX_CODE = (1 << MAX_WIDTH) - 1;
  /** Go's hash table size: 4x the 4096 possible codes. */
  private static final int MAX_TABLE_SIZE = 4 << MAX_WIDTH;

  private LzwReference() {}

  /** Compresses {@code in[off, off+len)}. */
  static byte[] compress(byte[] in, int off, int len) {
    return new Encoder(len).encode(in, off, len);
  }

  /**
   * The writer's state for one call. The hash table only maps (code, byte) pairs to codes, so its
   * size does not affect the output; it is sized to the input (at most one entry per input byte,
   * at most 4096 live entries) to keep small messages cheap.
   */
  private static final class Encoder {
    private final int[] table; // key << 12 | code; 0 = empty
    private final int tableMask;
    private byte[] out;
    private int size;
    private int bits;
    private int nBits;
    private int width = 9;
    private int hi = EOF;
    private int overflow = 1 << 9;

    Encoder(int inputLength) {
      out = new byte[Math.max(16, inputLength / 2 + 8)];
      int size = Integer.highestOneBit(Math.max(16, Math.min(inputLength, 1 << MAX_WIDTH)) * 4 - 1);
      table = new int[Math.min(MAX_TABLE_SIZE, size)];
      tableMask = table.length - 1;
    }

    private void write(int code) {
      bits |= code << nBits;
      nBits += width;
      while (nBits >= 8) {
        if (size == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) bits;
        bits >>>= 8;
        nBits -= 8;
      }
    }

    /** Advances hi; returns false if the code space ran out and the table was reset. */
    private boolean incHi() {
      hi++;
      if (hi == overflow) {
        width++;
        overflow <<= 1;
      }
      if (hi == MAX_CODE) {
        write(CLEAR);
        width = 9;
        hi = EOF;
        overflow = 1 << 9;
        Arrays.fill(table, 0);
        return false;
      }
      return true;
    }

    byte[] encode(byte[] in, int off, int len) {
      if (len == 0) {
        write(CLEAR);
      } else {
        write(CLEAR);
        int code = in[off] & 0xFF;
        outer:
        for (int i = off + 1, end = off + len; i < end; i++) {
          int literal = in[i] & 0xFF;
          int key = code << 8 | literal;
          int hash = ((key >>> 12) ^ key) & tableMask;
          for (int h = hash, t = table[h]; t != 0; ) {
            if (key == t >>> 12) {
              code = t & MAX_CODE;
              continue outer;
            }
            h = (h + 1) & tableMask;
            t = table[h];
          }
          write(code);
          code = literal;
          if (!incHi()) {
            continue;
          }
          while (table[hash] != 0) {
            hash = (hash + 1) & tableMask;
          }
          table[hash] = key << 12 | hi;
        }
        write(code);
        incHi();
      }
      write(EOF);
      if (nBits > 0) {
        if (size == out.length) {
          out = Arrays.copyOf(out, out.length + 1);
        }
        out[size++] = (byte) bits;
      }
      return size == out.length ? out : Arrays.copyOf(out, size);
    }
  }

  /**
   * Decompresses {@code in[off, off+len)}.
   *
   * @param maxOutput the most bytes the output may have
   * @throws WireFormatException on an invalid code, input that ends before EOF, or output over
   *     {@code maxOutput}
   */
  static byte[] decompress(byte[] in, int off, int len, int maxOutput) {
    byte[] suffix = new byte[1 << MAX_WIDTH];
    short[] prefix = new short[1 << MAX_WIDTH];
    byte[] scratch = new byte[(1 << MAX_WIDTH) + 1];
    byte[] out = new byte[(int) Math.min(maxOutput, Math.max(64L, Math.min(3L * len, 1 << 20)))];
    int size = 0;
    int pos = off;
    int end = off + len;
    int bits = 0;
    int nBits = 0;
    int width = 9;
    int hi = EOF;
    int overflow = 1 << 9;
    int last = -1;
    while (true) {
      while (nBits < width) {
        if (pos >= end) {
          throw new WireFormatException("LZW data ends before its EOF code");
        }
        bits |= (in[pos++] & 0xFF) << nBits;
        nBits += 8;
      }
      int code = bits & ((1 << width) - 1);
      bits >>>= width;
      nBits -= width;
      int first; // first byte of this code's expansion
      if (code < CLEAR) {
        if (size == maxOutput) {
          throw tooLarge(maxOutput);
        }
        if (size == out.length) {
          out = grow(out, size + 1, maxOutput);
        }
        out[size++] = (byte) code;
        first = code;
      } else if (code == CLEAR) {
        width = 9;
        hi = EOF;
        overflow = 1 << 9;
        last = -1;
        continue;
      } else if (code == EOF) {
        return size == out.length ? out : Arrays.copyOf(out, size);
      } else if (code <= hi) {
        int i = scratch.length - 1;
        int c = code;
        if (code == hi && last != -1) {
          c = last;
          while (c >= CLEAR) {
            c = prefix[c];
          }
          scratch[i--] = (byte) c;
          c = last;
        }
        while (c >= CLEAR) {
          scratch[i--] = suffix[c];
          c = prefix[c];
        }
        scratch[i] = (byte) c;
        first = c;
        int n = scratch.length - i;
        if (n > maxOutput - size) {
          throw tooLarge(maxOutput);
        }
        if (size + n > out.length) {
          out = grow(out, size + n, maxOutput);
        }
        System.arraycopy(scratch, i, out, size, n);
        size += n;
      } else {
        throw new WireFormatException("invalid LZW code " + code + " (next code is " + hi + ")");
      }
      if (last != -1) {
        suffix[hi] = (byte) first;
        prefix[hi] = (short) last;
      }
      last = code;
      hi++;
      if (hi >= overflow) {
        if (width == MAX_WIDTH) {
          last = -1;
          hi--;
        } else {
          width++;
          overflow <<= 1;
        }
      }
    }
  }

  private static byte[] grow(byte[] out, int need, int max) {
    long grown = Math.max((long) need, 2L * out.length);
    return Arrays.copyOf(out, (int) Math.min(grown, max));
  }

  private static WireFormatException tooLarge(int max) {
    return new WireFormatException("decompressed payload exceeds the limit of " + max + " bytes");
  }
}
