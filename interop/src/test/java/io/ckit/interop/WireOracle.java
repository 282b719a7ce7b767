/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go oracle's wire output ({@code ckit-oracle wire-vectors} and {@code wire-capture}), run once
 * per JVM and split into records. See {@code interop/go/wire.go} and {@code wire_capture.go} for
 * the line formats.
 */
final class WireOracle {
  private static List<String[]> vectorLines;
  private static List<String[]> captureLines;

  private WireOracle() {}

  /** Returns every line of {@code wire-vectors}, split on spaces. */
  static synchronized List<String[]> vectorLines() {
    if (vectorLines == null) {
      vectorLines = split(GoOracle.run(120, null, "wire-vectors", "-seed", "7", "-count", "150")
          .stdoutText());
    }
    return vectorLines;
  }

  /** Returns every line of {@code wire-capture}, split on spaces. */
  static synchronized List<String[]> captureLines() {
    if (captureLines == null) {
      captureLines = split(GoOracle.run(300, null, "wire-capture").stdoutText());
    }
    return captureLines;
  }

  /** Returns the fixed vectors ({@code vec NAME HEX}) by name. */
  static Map<String, byte[]> fixedVectors() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String[] line : vectorLines()) {
      if (line[0].equals("vec")) {
        out.put(line[1], hex(line[2]));
      }
    }
    return out;
  }

  /** Returns the lines whose first field is {@code kind}. */
  static List<String[]> lines(List<String[]> all, String kind) {
    List<String[]> out = new ArrayList<>();
    for (String[] line : all) {
      if (line[0].equals(kind)) {
        out.add(line);
      }
    }
    return out;
  }

  /** Parses hex ("" is an empty array). */
  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** Formats bytes as hex. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static List<String[]> split(String text) {
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(line.split(" ", -1));
      }
    }
    return out;
  }
}
