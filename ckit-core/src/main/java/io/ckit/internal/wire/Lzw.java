/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.Arrays;

/**
 * LZW exactly as Go's {@code compress/lzw} with LSB bit order and literal width 8, the only variant
 * memberlist uses: codes 0-255 are literals, 256 is Clear, 257 is EOF, codes start 9 bits wide and
 * grow to 12.
 *
 * <p>The writer ({@link LzwEncoder}) is byte-identical to Go 1.18 and later (it starts with a Clear
 * code, and emits Clear and resets when the next code would be 4095). The reader ({@link
 * LzwDecoder}) accepts that form and the older form without a leading Clear, stops at EOF and
 * ignores anything after it, and fails on a missing EOF, an invalid code or output beyond a
 * caller-given limit.
 *
 * <p>Thread-safe. The coders' tables and output buffers (about 150 KiB for an encoder, 100 KiB for
 * a decoder at most) are reused: each call takes a coder from a small shared pool, uses it on the
 * calling thread only and returns it, so a call allocates only its result. At most {@link
 * #POOLED_CODERS} idle coders of each kind are kept, however many threads call (the membership loop
 * and Jetty's threads); concurrent calls beyond that make throwaway coders.
 */
final class Lzw {
  static final int CLEAR = 256;
  static final int EOF = 257;
  static final int MAX_WIDTH = 12;
  static final int MAX_CODE = (1 << MAX_WIDTH) - 1;

  /** How many idle encoders, and how many idle decoders, are kept for reuse. */
  static final int POOLED_CODERS = 2;

  private static final ScratchPool<LzwEncoder> ENCODERS =
      new ScratchPool<>(POOLED_CODERS, LzwEncoder::new);
  private static final ScratchPool<LzwDecoder> DECODERS =
      new ScratchPool<>(POOLED_CODERS, LzwDecoder::new);

  private Lzw() {}

  /** Builds a result from compressed bytes that are only valid during the call. */
  @FunctionalInterface
  interface Framer {
    /** Returns the result for the compressed bytes {@code data[0, length)}; must not keep {@code data}. */
    byte[] frame(byte[] data, int length);
  }

  /** Compresses {@code in[off, off+len)}. */
  static byte[] compress(byte[] in, int off, int len) {
    return compress(in, off, len, Arrays::copyOf);
  }

  /**
   * Compresses {@code in[off, off+len)} and hands the compressed bytes to {@code framer}, which
   * builds the result (for example, with an envelope header in front) without an intermediate copy.
   */
  static byte[] compress(byte[] in, int off, int len, Framer framer) {
    LzwEncoder encoder = ENCODERS.take();
    try {
      int n = encoder.encode(in, off, len);
      return framer.frame(encoder.buffer(), n);
    } finally {
      encoder.releaseOutput();
      ENCODERS.give(encoder);
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
    LzwDecoder decoder = DECODERS.take();
    try {
      int n = decoder.decode(in, off, len, maxOutput);
      return Arrays.copyOf(decoder.buffer(), n);
    } finally {
      decoder.releaseOutput();
      DECODERS.give(decoder);
    }
  }

  /** Returns how many idle encoders and decoders are pooled (for tests). */
  static int[] idleCoders() {
    return new int[] {ENCODERS.idle(), DECODERS.idle()};
  }
}
