/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * A reusable LZW reader that accepts exactly what Go's {@code compress/lzw} reader accepts (LSB
 * order, literal width 8; with or without a leading Clear; anything after EOF ignored) and also
 * fails on output beyond a caller-given limit. See {@link Lzw}.
 *
 * <p>Every dictionary code stands for bytes already in the output: a new code is the previous code's
 * expansion followed by the first byte of the current one, and those lie next to each other in the
 * output. So the dictionary stores each code as (start, length) in the output, and expanding a code
 * is one array copy, where Go walks a prefix chain backwards one byte at a time. The codes accepted,
 * the bytes produced and the errors are the same as Go's.
 *
 * <p>The output buffer is reused while it stays at most {@link #RETAINED_OUTPUT_BYTES} long; a
 * larger output gets a buffer of its own, dropped by {@link #releaseOutput()}.
 *
 * <p>Not thread-safe: one thread at a time, as handed out by {@link Lzw}'s pool.
 */
final class LzwDecoder {
  /** The largest output buffer kept for the next call. */
  static final int RETAINED_OUTPUT_BYTES = 64 * 1024;

  private final int[] start = new int[1 << Lzw.MAX_WIDTH];
  private final int[] length = new int[1 << Lzw.MAX_WIDTH];
  private byte[] retained = new byte[1024];
  private byte[] out;
  private int size;

  /**
   * Decompresses {@code in[off, off+len)} into this decoder's buffer.
   *
   * @param maxOutput the most bytes the output may have
   * @return the decompressed length; the bytes are {@code buffer()[0, length)}, valid until the next
   *     call
   * @throws WireFormatException on an invalid code, input that ends before EOF, or output over
   *     {@code maxOutput}
   */
  int decode(byte[] in, int off, int len, int maxOutput) {
    out = retained;
    size = 0;
    int pos = off;
    int end = off + len;
    int bits = 0;
    int nBits = 0;
    int width = 9;
    int hi = Lzw.EOF; // the next code to define
    int overflow = 1 << 9;
    int last = -1; // the previous code, or -1 if the next code defines nothing
    int lastStart = 0;
    int lastLength = 0;
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
      int codeStart = size;
      int codeLength;
      if (code < Lzw.CLEAR) {
        reserve(1, maxOutput);
        out[size++] = (byte) code;
        codeLength = 1;
      } else if (code == Lzw.CLEAR) {
        width = 9;
        hi = Lzw.EOF;
        overflow = 1 << 9;
        last = -1;
        continue;
      } else if (code == Lzw.EOF) {
        return size;
      } else if (code < hi || (code == hi && last == -1)) {
        // A defined code (code == hi with no previous code only happens once the dictionary is full
        // at 4095 codes: Go then expands the last code it defined, and so do we).
        codeLength = length[code];
        reserve(codeLength, maxOutput);
        System.arraycopy(out, start[code], out, size, codeLength);
        size += codeLength;
      } else if (code == hi) {
        // The code being defined right now: the previous expansion plus its own first byte.
        codeLength = lastLength + 1;
        reserve(codeLength, maxOutput);
        System.arraycopy(out, lastStart, out, size, lastLength);
        out[size + lastLength] = out[lastStart];
        size += codeLength;
      } else {
        throw new WireFormatException("invalid LZW code " + code + " (next code is " + hi + ")");
      }
      if (last != -1) {
        start[hi] = lastStart;
        length[hi] = lastLength + 1;
      }
      last = code;
      lastStart = codeStart;
      lastLength = codeLength;
      hi++;
      if (hi >= overflow) {
        if (width == Lzw.MAX_WIDTH) {
          last = -1;
          hi--;
        } else {
          width++;
          overflow <<= 1;
        }
      }
    }
  }

  /**
   * Forgets the last result's buffer if it is larger than the one kept for reuse, so an idle coder
   * holds at most {@link #RETAINED_OUTPUT_BYTES} of output buffer.
   */
  void releaseOutput() {
    out = retained;
  }

  /** Returns the buffer holding the last {@link #decode} result. */
  byte[] buffer() {
    return out;
  }

  /** Makes room for {@code n} more output bytes, or fails if they would pass {@code maxOutput}. */
  private void reserve(int n, int maxOutput) {
    if (n > maxOutput - size) {
      throw new WireFormatException(
          "decompressed payload exceeds the limit of " + maxOutput + " bytes");
    }
    if (n > out.length - size) {
      long grown = Math.max((long) size + n, 2L * out.length);
      if (grown > maxOutput / 2) {
        // Past half the limit, step straight to it: the doublings before sum to less than the
        // limit, so a bomb that runs into the limit costs under 2x the limit in allocation, and
        // only after it produced a quarter of the limit in real output.
        grown = maxOutput;
      }
      out = Arrays.copyOf(out, (int) Math.min(grown, maxOutput));
      if (out.length <= RETAINED_OUTPUT_BYTES) {
        retained = out;
      }
    }
  }
}
