/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.shard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-shot, string, hex and streaming XXH64 paths must agree with each other for every length
 * and split; agreement with Go is checked by the interop module's KeyGoldenTest.
 */
class Xxh64Test {
  @Test
  void shouldMatchGoForKnownInputs() {
    // Printed by Go's xxhash.Sum64String through the oracle (key-golden).
    assertEquals(Long.parseUnsignedLong("17241709254077376921"), Xxh64.hash(new byte[0], 0, 0));
    assertEquals(Long.parseUnsignedLong("1440108869279352788"), Xxh64.hashString("C"));
    assertEquals(Long.parseUnsignedLong("12946209497572287691"), Xxh64.hashString("^w"));
  }

  @Test
  void shouldAgreeAcrossPathsForEveryLengthAndSplit() {
    SplittableRandom r = new SplittableRandom(5);
    for (int len = 0; len <= 200; len++) {
      byte[] bytes = new byte[len];
      r.nextBytes(bytes);
      long oneShot = Xxh64.hash(bytes, 0, len);
      Xxh64Digest digest = new Xxh64Digest();
      for (int i = 0; i < len; ) {
        int chunk = Math.min(len - i, r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(70));
        digest.write(bytes, i, chunk);
        i += chunk;
      }
      assertEquals(oneShot, digest.sum(), "split writes, length " + len);
      digest.reset();
      for (byte b : bytes) {
        digest.write(b);
      }
      assertEquals(oneShot, digest.sum(), "byte writes, length " + len);

      // Offsets into a larger array.
      byte[] padded = new byte[len + 7];
      System.arraycopy(bytes, 0, padded, 3, len);
      assertEquals(oneShot, Xxh64.hash(padded, 3, len));

      String ascii = randomAscii(r, len);
      byte[] asciiBytes = ascii.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Xxh64.hash(asciiBytes, 0, len), Xxh64.hashString(ascii), ascii);
    }
  }

  @Test
  void shouldHashStringsAsTheirUtf8Bytes() {
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = r.nextInt(80); n > 0; n--) {
        switch (r.nextInt(6)) {
          case 0 -> s.append((char) (0x20 + r.nextInt(0x5f)));
          case 1 -> s.append((char) (0x80 + r.nextInt(0x780)));
          case 2 -> s.append((char) (0x800 + r.nextInt(0xF800)));  // includes lone surrogates
          case 3 -> s.appendCodePoint(0x10000 + r.nextInt(0x100000));
          case 4 -> s.append(r.nextBoolean() ? '\uD800' : '\uDFFF');
          default -> s.append("ascii run ");
        }
      }
      String text = s.toString();
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      long expected = Xxh64.hash(utf8, 0, utf8.length);
      assertEquals(expected, Xxh64.hashString(text), text);
      assertEquals(expected, new Xxh64Digest().writeUtf8(text).sum(), text);
    }
  }

  @Test
  void shouldHashHexTextOfUnsignedValues() {
    SplittableRandom r = new SplittableRandom(3);
    long[] edges = {0, 1, 15, 16, 0xFFFFFFFFL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1};
    for (long v : edges) {
      assertHexHash(v);
    }
    for (int i = 0; i < 5000; i++) {
      assertHexHash(r.nextLong() >>> r.nextInt(64));
    }
  }

  private static void assertHexHash(long v) {
    byte[] hex = Long.toHexString(v).getBytes(StandardCharsets.US_ASCII);
    assertEquals(Xxh64.hash(hex, 0, hex.length), Xxh64.hashHex(v), Long.toHexString(v));
  }

  private static String randomAscii(SplittableRandom r, int len) {
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      c[i] = (char) r.nextInt(0x80);
    }
    return new String(c);
  }
}
