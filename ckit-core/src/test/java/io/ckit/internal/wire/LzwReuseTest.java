/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pooled, reused LZW coders against {@link LzwReference} (the straightforward port they
 * replaced, itself checked against Go's vectors in {@link LzwTest}): same bytes out, same inputs
 * accepted and rejected, whatever ran on the coder before and however many threads share the pool.
 */
class LzwReuseTest {
  /** Inputs of many sizes and shapes, so that reuse follows small after large and vice versa. */
  private static List<byte[]> variedInputs(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] sizes = {0, 1, 2, 31, 32, 74, 255, 256, 1000, 4095, 4096, 4097, 20000, 70000, 300000};
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int size = i < sizes.length ? sizes[i] : sizes[random.nextInt(sizes.length)];
      size = Math.max(0, size + (i < sizes.length ? 0 : random.nextInt(-8, 9)));
      byte[] in = new byte[size];
      int alphabet = 1 + random.nextInt(random.nextBoolean() ? 8 : 256);
      for (int j = 0; j < size; j++) {
        in[j] = (byte) random.nextInt(alphabet);
      }
      inputs.add(in);
    }
    return inputs;
  }

  @Test
  void shouldCompressAndDecompressLikeTheReferenceInAnySequence() {
    for (byte[] in : variedInputs(7, 120)) {
      byte[] expected = LzwReference.compress(in, 0, in.length);
      byte[] actual = Lzw.compress(in, 0, in.length);
      assertArrayEquals(expected, actual, "compressing " + in.length + " bytes");
      assertArrayEquals(in, Lzw.decompress(actual, 0, actual.length, Integer.MAX_VALUE - 8));
    }
  }

  @Test
  void shouldMatchAFreshEncoderAfterAnyPreviousInput() {
    LzwEncoder reused = new LzwEncoder();
    for (byte[] in : variedInputs(8, 60)) {
      int n = reused.encode(in, 0, in.length);
      LzwEncoder once = new LzwEncoder();
      int m = once.encode(in, 0, in.length);
      assertArrayEquals(Arrays.copyOf(once.buffer(), m), Arrays.copyOf(reused.buffer(), n));
    }
  }

  @Test
  void shouldCompressARangeAsTheSameBytesAlone() {
    byte[] in = variedInputs(9, 20).get(19);
    byte[] padded = new byte[in.length + 10];
    System.arraycopy(in, 0, padded, 3, in.length);
    assertArrayEquals(Codec.compress(in), Codec.compress(padded, 3, in.length));
  }

  @Test
  void shouldNotRetainLargeOutputBuffers() {
    byte[] big = variedInputs(10, 15).get(14); // 300000 bytes
    byte[] z = LzwReference.compress(big, 0, big.length);
    LzwDecoder decoder = new LzwDecoder();
    assertEquals(big.length, decoder.decode(z, 0, z.length, Integer.MAX_VALUE - 8));
    assertTrue(decoder.buffer().length >= big.length);
    decoder.releaseOutput();
    assertTrue(decoder.buffer().length <= LzwDecoder.RETAINED_OUTPUT_BYTES);
    byte[] small = LzwReference.compress(new byte[10], 0, 10);
    assertEquals(10, decoder.decode(small, 0, small.length, 100));
    assertTrue(decoder.buffer().length <= LzwDecoder.RETAINED_OUTPUT_BYTES);

    LzwEncoder encoder = new LzwEncoder();
    assertEquals(z.length, encoder.encode(big, 0, big.length));
    assertTrue(encoder.buffer().length > LzwEncoder.RETAINED_OUTPUT_BYTES);
    encoder.releaseOutput();
    assertTrue(encoder.buffer().length <= LzwEncoder.RETAINED_OUTPUT_BYTES);
    encoder.encode(new byte[10], 0, 10);
    assertTrue(encoder.buffer().length <= LzwEncoder.RETAINED_OUTPUT_BYTES);
  }

  /**
   * Random code streams, valid and not, written as a decoder reads them: codes anywhere up to the
   * next code to define, Clears, runs that fill the dictionary to 4095 codes without a Clear (Go's
   * writer never does that, but Go's reader accepts it), codes past the next one, missing EOFs and
   * trailing bytes.
   */
  @Test
  void shouldDecodeArbitraryCodeStreamsLikeTheReference() {
    SplittableRandom random = new SplittableRandom(11);
    LzwDecoder reused = new LzwDecoder();
    int decodedFullDictionary = 0;
    for (int round = 0; round < 3000; round++) {
      CodeStream generated = randomCodeStream(random);
      byte[] stream = generated.bytes();
      int limit = random.nextInt(4) == 0 ? random.nextInt(20000) : Integer.MAX_VALUE - 8;
      String expected = outcome(() -> LzwReference.decompress(stream, 0, stream.length, limit));
      String pooled = outcome(() -> Lzw.decompress(stream, 0, stream.length, limit));
      String direct = outcome(() -> {
        int n = reused.decode(stream, 0, stream.length, limit);
        return Arrays.copyOf(reused.buffer(), n);
      });
      assertEquals(expected, pooled, "round " + round);
      assertEquals(expected, direct, "round " + round);
      if (generated.usedFullDictionary() && !expected.startsWith("WireFormatException")) {
        decodedFullDictionary++;
      }
    }
    assertTrue(decodedFullDictionary >= 10, "streams using a full dictionary: " + decodedFullDictionary);
  }

  @Test
  void shouldDecodeCorruptedStreamsLikeTheReference() {
    SplittableRandom random = new SplittableRandom(12);
    List<byte[]> inputs = variedInputs(13, 200);
    for (int round = 0; round < inputs.size(); round++) {
      byte[] in = inputs.get(round);
      byte[] z = LzwReference.compress(in, 0, in.length);
      if (z.length > 0) {
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
          z[random.nextInt(z.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      int len = random.nextBoolean() ? z.length : random.nextInt(z.length + 1);
      String expected = outcome(() -> LzwReference.decompress(z, 0, len, Integer.MAX_VALUE - 8));
      String actual = outcome(() -> Lzw.decompress(z, 0, len, Integer.MAX_VALUE - 8));
      assertEquals(expected, actual, "round " + round);
    }
  }

  @Test
  void shouldGiveCorrectResultsFromManyThreadsAndKeepThePoolSmall() throws Exception {
    List<byte[]> inputs = variedInputs(14, 40);
    List<byte[]> expected = new ArrayList<>();
    for (byte[] in : inputs) {
      expected.add(LzwReference.compress(in, 0, in.length));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        results.add(pool.submit(() -> {
          ready.countDown();
          ready.await(30, TimeUnit.SECONDS);
          int checked = 0;
          for (int rep = 0; rep < 5; rep++) {
            for (int k = 0; k < inputs.size(); k++) {
              int i = (first * 7 + k) % inputs.size(); // each thread in its own order
              byte[] z = Lzw.compress(inputs.get(i), 0, inputs.get(i).length);
              if (!Arrays.equals(expected.get(i), z)) {
                throw new AssertionError("compressed input " + i + " differs");
              }
              if (!Arrays.equals(inputs.get(i), Lzw.decompress(z, 0, z.length, 1 << 20))) {
                throw new AssertionError("decompressed input " + i + " differs");
              }
              checked++;
            }
          }
          return checked;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(5 * inputs.size(), result.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    int[] idle = Lzw.idleCoders();
    assertTrue(idle[0] >= 1 && idle[0] <= Lzw.POOLED_CODERS, "idle encoders " + idle[0]);
    assertTrue(idle[1] >= 1 && idle[1] <= Lzw.POOLED_CODERS, "idle decoders " + idle[1]);
  }

  private interface Call {
    byte[] run();
  }

  /** The result as hex, or the exception's class and message. */
  private static String outcome(Call call) {
    try {
      return Hex.of(call.run());
    } catch (WireFormatException e) {
      return "WireFormatException: " + e.getMessage();
    } catch (RuntimeException e) {
      fail("unexpected " + e);
      return null;
    }
  }

  /** A generated code stream, and whether it used code 4095 once the dictionary was full. */
  private record CodeStream(byte[] bytes, boolean usedFullDictionary) {}

  private static CodeStream randomCodeStream(SplittableRandom random) {
    BitWriter w = new BitWriter();
    boolean full = false;
    boolean usedFull = false;
    int width = 9;
    int hi = Lzw.EOF;
    int overflow = 1 << 9;
    int codes = random.nextInt(random.nextInt(4) == 0 ? 9000 : 300);
    int clearPermille = random.nextBoolean() ? 0 : 2;
    int invalidPermille = random.nextInt(3) == 0 ? 2 : 0;
    if (random.nextBoolean()) {
      w.write(Lzw.CLEAR, width);
    }
    for (int i = 0; i < codes; i++) {
      int roll = random.nextInt(1000);
      int code;
      if (roll < clearPermille) {
        code = Lzw.CLEAR;
      } else if (roll < clearPermille + invalidPermille) {
        code = Math.min((1 << width) - 1, hi + 1 + random.nextInt(3)); // maybe invalid
      } else if (hi == Lzw.EOF || random.nextInt(3) == 0) {
        code = random.nextInt(256);
      } else {
        code = Lzw.EOF + 1 + random.nextInt(hi - Lzw.EOF); // up to hi: the special case
      }
      w.write(code, width);
      usedFull |= full && code == Lzw.MAX_CODE;
      if (code == Lzw.CLEAR) {
        full = false;
        width = 9;
        hi = Lzw.EOF;
        overflow = 1 << 9;
        continue;
      }
      hi++;
      if (hi >= overflow) {
        if (width == Lzw.MAX_WIDTH) {
          hi--; // full: the next code may be 4095 itself
          full = true;
        } else {
          width++;
          overflow <<= 1;
        }
      }
    }
    if (random.nextInt(10) != 0) {
      w.write(Lzw.EOF, width);
    }
    byte[] bytes = w.toByteArray();
    if (random.nextInt(5) == 0) {
      bytes = Arrays.copyOf(bytes, bytes.length + 3); // trailing bytes after EOF
    }
    return new CodeStream(bytes, usedFull);
  }

  /** LSB-first bit packing, as LZW's codes are written. */
  private static final class BitWriter {
    private byte[] out = new byte[64];
    private int size;
    private int bits;
    private int nBits;

    void write(int code, int width) {
      bits |= code << nBits;
      nBits += width;
      while (nBits >= 8) {
        if (size == out.length) {
          out = Arrays.copyOf(out, 2 * size);
        }
        out[size++] = (byte) bits;
        bits >>>= 8;
        nBits -= 8;
      }
    }

    byte[] toByteArray() {
      byte[] result = Arrays.copyOf(out, size + (nBits > 0 ? 1 : 0));
      if (nBits > 0) {
        result[size] = (byte) bits;
      }
      return result;
    }
  }
}
