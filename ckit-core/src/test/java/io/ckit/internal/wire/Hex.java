/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.wire;

import java.util.HexFormat;

/** Test helper: hex strings with optional spaces, as the wire spec prints them. */
final class Hex {
  private Hex() {}

  /** Parses hex with any whitespace between bytes. */
  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  /** Formats bytes as lower-case hex without separators. */
  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Concatenates arrays. */
  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
