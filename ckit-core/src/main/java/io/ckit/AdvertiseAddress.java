/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

/**
 * A parsed {@code host:port} advertise address ({@code [v6]:port} for IPv6 literals), split as Go's
 * {@code net.SplitHostPort} does.
 */
record AdvertiseAddress(String host, int port) {

  static AdvertiseAddress parse(String hostPort) {
    String host;
    String port;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
        throw invalid(hostPort, "expected [host]:port");
      }
      host = hostPort.substring(1, close);
      port = hostPort.substring(close + 2);
    } else {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        throw invalid(hostPort, "missing port");
      }
      host = hostPort.substring(0, colon);
      port = hostPort.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw invalid(hostPort, "too many colons; write IPv6 addresses as [host]:port");
      }
    }
    if (host.isEmpty()) {
      throw invalid(hostPort, "missing host");
    }
    int value;
    try {
      value = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw invalid(hostPort, "port \"" + port + "\" is not a number");
    }
    if (value < 1 || value > 65535) {
      throw invalid(hostPort, "port " + value + " is not in 1..65535");
    }
    return new AdvertiseAddress(host, value);
  }

  private static IllegalArgumentException invalid(String hostPort, String why) {
    return new IllegalArgumentException(
        "failed to read advertise address \"" + hostPort + "\": " + why);
  }
}
