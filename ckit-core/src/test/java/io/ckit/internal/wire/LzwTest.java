/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LZW against the wire spec's Go-generated vectors (§6.4), both writer generations. */
class LzwTest {
  private static byte[] lzw(byte[] in) {
    return Lzw.compress(in, 0, in.length);
  }

  private static byte[] unlzw(byte[] in) {
    return Lzw.decompress(in, 0, in.length, Integer.MAX_VALUE - 8);
  }

  @Test
  void shouldMatchGoForSmallInputs() {
    byte[] tobe = "TOBEORNOTTOBEORTOBEORNOT".getBytes(StandardCharsets.US_ASCII);
    byte[] z1 = Hex.bytes("00 a9 3c 11 52 e4 89 14 27 4f a8 08 24 68 70 61 c1 83 09 03 02");
    assertEquals(Hex.of(z1), Hex.of(lzw(tobe)));
    assertEquals(Hex.of(Hex.bytes("00 03 02")), Hex.of(lzw(new byte[0])));
    assertEquals(Hex.of(Hex.bytes("00 83 04 04")), Hex.of(lzw(new byte[] {'A'})));
    assertArrayEquals(tobe, unlzw(z1));
    assertArrayEquals(new byte[0], unlzw(Hex.bytes("00 03 02")));
    assertArrayEquals(new byte[] {'A'}, unlzw(Hex.bytes("00 83 04 04")));
  }

  @Test
  void shouldReadTheOldWriterFormWithoutLeadingClear() {
    byte[] tobe = "TOBEORNOTTOBEORTOBEORNOT".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(tobe,
        unlzw(Hex.bytes("54 9e 08 29 f2 44 8a 93 27 54 04 12 34 b8 b0 e0 c1 84 01 01")));
    assertArrayEquals(new byte[] {'A'}, unlzw(Hex.bytes("41 02 02")));
    assertArrayEquals(new byte[0], unlzw(Hex.bytes("01 01")));
  }

  @Test
  void shouldGrowTo12BitsAndClearLikeGo() throws NoSuchAlgorithmException {
    byte[] in = new byte[100000];
    int x = 1;
    for (int i = 0; i < in.length; i++) {
      x = x * 1103515245 + 12345;
      in[i] = (byte) (Integer.remainderUnsigned(x >>> 16, 7) + 'a');
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertEquals("fd4d7c03e193a8d6ba8d0ce4dcb035fa1e0034a023486fec8f2c565afcba426c",
        Hex.of(sha.digest(in)));
    byte[] out = lzw(in);
    assertEquals(42276, out.length);
    assertEquals("ff2ee7b81c6afa2bf6d3f29a53034031651eaab3a78b3e1588236ea2106d6dc3",
        Hex.of(sha.digest(out)));
    assertArrayEquals(in, unlzw(out));
  }

  @Test
  void shouldRoundTripRandomInputs() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 200; round++) {
      byte[] in = new byte[random.nextInt(20000)];
      int alphabet = 1 + random.nextInt(256);
      for (int i = 0; i < in.length; i++) {
        in[i] = (byte) random.nextInt(alphabet);
      }
      assertArrayEquals(in, unlzw(lzw(in)), "round " + round);
    }
  }

  @Test
  void shouldRejectBadStreamsAndOversizeOutput() {
    assertThrows(WireFormatException.class, () -> unlzw(new byte[0]));
    assertThrows(WireFormatException.class, () -> unlzw(Hex.bytes("00"))); // no EOF
    // first code after Clear is 300 > hi
    assertThrows(WireFormatException.class, () -> unlzw(Hex.bytes("00 58 02")));
    byte[] big = lzw(new byte[10000]);
    assertThrows(WireFormatException.class, () -> Lzw.decompress(big, 0, big.length, 9999));
    assertEquals(10000, Lzw.decompress(big, 0, big.length, 10000).length);
  }

  @Test
  void shouldIgnoreBytesAfterEof() {
    byte[] a = Hex.bytes("00 83 04 04 ff ff ff");
    assertArrayEquals(new byte[] {'A'}, unlzw(a));
  }
}
