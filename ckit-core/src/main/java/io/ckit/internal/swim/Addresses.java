/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * Transport address strings exactly as memberlist builds and splits them: Go's {@code
 * net.IP.String()} joined with the port by {@code net.JoinHostPort} ({@code 10.0.0.1:7946}, {@code
 * [fe80::1]:7946}), and the host part as {@code net.SplitHostPort} returns it.
 */
final class Addresses {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Addresses() {}

  /** Returns {@code net.JoinHostPort(net.IP(ip).String(), port)}. */
  static String hostPort(byte[] ip, int port) {
    String host = ipString(ip);
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  /**
   * Returns the host part of {@code host:port} or {@code [host]:port}, or null if the string has no
   * port (Go's {@code SplitHostPort} fails).
   */
  static String host(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0 || end + 1 >= hostPort.length() || hostPort.charAt(end + 1) != ':') {
        return null;
      }
      return hostPort.substring(1, end);
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || hostPort.indexOf(':') != colon) {
      return null;
    }
    return hostPort.substring(0, colon);
  }

  /** Returns Go's {@code net.IP(ip).String()}. */
  static String ipString(byte[] ip) {
    if (ip == null || ip.length == 0) {
      return "<nil>";
    }
    if (ip.length == 4) {
      return dotted(ip, 0);
    }
    if (ip.length != 16) {
      StringBuilder out = new StringBuilder("?");
      for (byte b : ip) {
        out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      return out.toString();
    }
    if (isV4Mapped(ip)) {
      return dotted(ip, 12);
    }
    return ipv6(ip);
  }

  private static boolean isV4Mapped(byte[] ip) {
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
  }

  private static String dotted(byte[] ip, int off) {
    return (ip[off] & 0xFF)
        + "."
        + (ip[off + 1] & 0xFF)
        + "."
        + (ip[off + 2] & 0xFF)
        + "."
        + (ip[off + 3] & 0xFF);
  }

  private static String ipv6(byte[] ip) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((ip[2 * i] & 0xFF) << 8) | (ip[2 * i + 1] & 0xFF);
    }
    // The longest run of at least two zero groups (the first one on a tie) becomes "::".
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i >= 2 && j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
