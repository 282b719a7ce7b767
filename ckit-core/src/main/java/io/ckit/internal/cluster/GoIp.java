/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

/**
 * Formats an IP as Go's {@code net.IP.String()} does: dotted quad for IPv4 and IPv4-mapped IPv6,
 * RFC 5952 compressed lower-case hex for IPv6. Java's {@code getHostAddress()} does not compress
 * IPv6, and the address strings must match Go's exactly: they name peers ({@code Peer.addr}) and
 * key in-memory routes. Stateless.
 */
final class GoIp {
  private GoIp() {}

  static String format(byte[] ip) {
    if (ip.length == 4) {
      return dotted(ip, 0);
    }
    if (ip.length != 16) {
      throw new IllegalArgumentException("an IP has 4 or 16 bytes, got " + ip.length);
    }
    boolean mapped = ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    for (int i = 0; i < 10 && mapped; i++) {
      mapped = ip[i] == 0;
    }
    if (mapped) {
      return dotted(ip, 12);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((ip[2 * i] & 0xFF) << 8) | (ip[2 * i + 1] & 0xFF);
    }
    // The longest run of two or more zero groups (the first on a tie) becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static String dotted(byte[] ip, int off) {
    return (ip[off] & 0xFF) + "." + (ip[off + 1] & 0xFF) + "." + (ip[off + 2] & 0xFF) + "."
        + (ip[off + 3] & 0xFF);
  }
}
