/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * A reusable LZW writer, byte-identical to Go 1.18+'s {@code compress/lzw} writer (LSB order,
 * literal width 8): it starts with a Clear code, and emits Clear and resets its dictionary when the
 * next code would be 4095. See {@link Lzw}.
 *
 * <p>The dictionary is Go's: an open-addressing hash table of 16384 slots from (code, next byte) to
 * code, with Go's hash and linear probing. It is kept between calls: the slots filled since the last
 * clear are remembered and only those are emptied, so a small input costs work in proportion to its
 * size rather than to the table's 64 KiB.
 *
 * <p>The output goes to an internal buffer that is reused while it stays at most {@link
 * #RETAINED_OUTPUT_BYTES} long; a larger result gets a buffer of its own, dropped by {@link
 * #releaseOutput()}.
 *
 * <p>Not thread-safe: one thread at a time, as handed out by {@link Lzw}'s pool.
 */
final class LzwEncoder {
  /** The largest output buffer kept for the next call. */
  static final int RETAINED_OUTPUT_BYTES = 64 * 1024;

  private static final int TABLE_BITS = Lzw.MAX_WIDTH + 2; // 4x the 4096 codes, as Go's writer
  private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

  private final int[] table = new int[1 << TABLE_BITS]; // key << 12 | code; 0 = empty
  private final int[] filled = new int[1 << Lzw.MAX_WIDTH]; // slots filled since the last clear
  private int filledCount;
  private byte[] retained = new byte[256];
  private byte[] out;
  private int size;
  private int bits;
  private int nBits;
  private int width;
  private int hi;
  private int overflow;

  /**
   * Compresses {@code in[off, off+len)} into this encoder's buffer.
   *
   * @return the compressed length; the bytes are {@code buffer()[0, length)}, valid until the next
   *     call
   */
  int encode(byte[] in, int off, int len) {
    out = retained;
    size = 0;
    bits = 0;
    nBits = 0;
    resetCodes();
    write(Lzw.CLEAR);
    if (len > 0) {
      int code = in[off] & 0xFF;
      outer:
      for (int i = off + 1, end = off + len; i < end; i++) {
        int literal = in[i] & 0xFF;
        int key = code << 8 | literal;
        int slot = slot(key);
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
          if (entry >>> Lzw.MAX_WIDTH == key) {
            code = entry & Lzw.MAX_CODE;
            continue outer;
          }
          slot = (slot + 1) & TABLE_MASK;
        }
        // A miss: emit the longest match; slot is the empty slot the new entry belongs in.
        write(code);
        code = literal;
        if (incHi()) {
          table[slot] = key << Lzw.MAX_WIDTH | hi;
          filled[filledCount++] = slot;
        }
      }
      write(code);
      incHi();
    }
    write(Lzw.EOF);
    if (nBits > 0) {
      ensure(1);
      out[size++] = (byte) bits;
    }
    return size;
  }

  /**
   * Forgets the last result's buffer if it is larger than the one kept for reuse, so an idle coder
   * holds at most {@link #RETAINED_OUTPUT_BYTES} of output buffer.
   */
  void releaseOutput() {
    out = retained;
  }

  /** Returns the buffer holding the last {@link #encode} result. */
  byte[] buffer() {
    return out;
  }

  private static int slot(int key) {
    return ((key >>> Lzw.MAX_WIDTH) ^ key) & TABLE_MASK;
  }

  /** Empties the dictionary (only the filled slots) and restarts at 9-bit codes. */
  private void resetCodes() {
    for (int i = 0; i < filledCount; i++) {
      table[filled[i]] = 0;
    }
    filledCount = 0;
    width = 9;
    hi = Lzw.EOF;
    overflow = 1 << 9;
  }

  /** Advances hi; returns false if the code space ran out, so Clear was written and codes reset. */
  private boolean incHi() {
    hi++;
    if (hi == overflow) {
      width++;
      overflow <<= 1;
    }
    if (hi == Lzw.MAX_CODE) {
      write(Lzw.CLEAR);
      resetCodes();
      return false;
    }
    return true;
  }

  private void write(int code) {
    ensure(2); // fewer than 8 bits are pending, so a code of at most 12 bits completes at most 2 bytes
    bits |= code << nBits;
    nBits += width;
    while (nBits >= 8) {
      out[size++] = (byte) bits;
      bits >>>= 8;
      nBits -= 8;
    }
  }

  private void ensure(int extra) {
    if (size + extra > out.length) {
      long grown = Math.max((long) size + extra, 2L * out.length);
      out = Arrays.copyOf(out, (int) Math.min(grown, Integer.MAX_VALUE - 8));
      if (out.length <= RETAINED_OUTPUT_BYTES) {
        retained = out;
      }
    }
  }
}
