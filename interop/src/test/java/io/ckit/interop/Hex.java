/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Decodes the hex fields of the oracle's line formats, where "-" stands for empty. */
final class Hex {
  private Hex() {}

  /** Decodes hex (or "-") to bytes. */
  static byte[] bytes(String hex) {
    if (hex.equals("-")) {
      return new byte[0];
    }
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("odd-length hex: " + hex);
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    return out;
  }

  /** Decodes hex (or "-") to bytes and those, strictly, as UTF-8. */
  static String text(String hex) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(hex)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8: " + hex, e);
    }
  }
}
