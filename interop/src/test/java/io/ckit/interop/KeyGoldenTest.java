/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ckit.shard.Key;
import io.ckit.shard.KeyBuilder;
import io.ckit.shard.internal.Xxh64;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Key#of(String)}, {@link KeyBuilder} (byte and string writes, reset) and the
 * multiprobe second-key hash with Go ckit, for strings of every length from 0 to 130 bytes and
 * random ones up to 300, ASCII and multi-byte UTF-8. Cases come from {@code ckit-oracle
 * key-golden} ({@code interop/go/key.go}).
 */
class KeyGoldenTest {
  private static final int CASES = 2000;

  @Test
  void shouldComputeGoKeys() {
    String out =
        GoOracle.run(120, null, "key-golden", "-seed", "7", "-cases", "" + CASES).stdoutText();
    Set<Integer> lengths = new HashSet<>();
    int nonAscii = 0;
    int checked = 0;
    KeyBuilder builder = new KeyBuilder();
    for (String line : out.split("\n")) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "k" -> {
          String s = Hex.text(f[1]);
          long want = Long.parseUnsignedLong(f[2]);
          assertEquals(want, Key.of(s).value(), () -> "Key.of " + line);
          assertEquals(want, new KeyBuilder().write(s).key().value(), () -> "write(String) " + line);
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          assertEquals(want, new KeyBuilder().write(utf8).key().value(), () -> "bytes " + line);
          lengths.add(utf8.length);
          if (utf8.length != s.length()) {
            nonAscii++;
          }
        }
        case "b" -> {
          builder.reset();
          for (byte[] chunk : chunks(f[1])) {
            builder.write(chunk);
          }
          builder.reset();
          byte[][] after = chunks(f[2]);
          for (int i = 0; i < after.length; i++) {
            if (i == after.length / 2) {
              builder.key(); // taking a key midway must not disturb the builder
            }
            builder.write(after[i], 0, after[i].length);
          }
          assertEquals(Long.parseUnsignedLong(f[3]), builder.key().value(), () -> "reset " + line);
        }
        case "s" -> {
          builder.reset();
          for (byte[] chunk : chunks(f[1])) {
            builder.write(new String(chunk, StandardCharsets.UTF_8));
          }
          assertEquals(Long.parseUnsignedLong(f[2]), builder.key().value(), () -> "strings " + line);
        }
        case "h" -> assertEquals(
            Long.parseUnsignedLong(f[2]),
            Xxh64.hashHex(Long.parseUnsignedLong(f[1])),
            () -> "hex hash " + line);
        default -> fail("unexpected oracle line: " + line);
      }
      checked++;
    }
    assertEquals(4 * CASES, checked);
    for (int len = 0; len <= 130; len++) {
      assertTrue(lengths.contains(len), "no string of " + len + " bytes");
    }
    assertTrue(nonAscii > CASES / 3, "too few non-ASCII strings: " + nonAscii);
  }

  private static byte[][] chunks(String list) {
    if (list.equals("-")) {
      return new byte[0][];
    }
    String[] parts = list.split(",", -1);
    byte[][] out = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      out[i] = parts[i].isEmpty() ? new byte[0] : Hex.bytes(parts[i]);
    }
    return out;
  }
}
