/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Go ckit's opinionated choice of the "best" address from a list ({@code filterBestIP}).
 *
 * <p>Stateless and thread safe.
 */
final class AddressPreference {
  private AddressPreference() {}

  /**
   * Returns the best address of a list, or {@code null} if it has none but loopback addresses.
   *
   * <p>Per family, the first address is kept unless it is link-local and a later one is not. Then
   * IPv4 is preferred, except that a non-link-local IPv6 address beats a link-local IPv4 address.
   *
   * @param addresses the addresses, in order; {@code null} elements are skipped (Go's invalid
   *     {@code netip.Addr})
   * @return the best address, or {@code null} if there is no usable address
   */
  static InetAddress best(List<InetAddress> addresses) {
    InetAddress v4 = null;
    InetAddress v6 = null;
    for (InetAddress address : addresses) {
      if (address == null || address.isLoopbackAddress()) {
        continue;
      }
      if (address instanceof Inet4Address) {
        if (v4 == null || improves(v4, address)) {
          v4 = address;
        }
      } else if (address instanceof Inet6Address) {
        if (v6 == null || improves(v6, address)) {
          v6 = address;
        }
      }
    }
    if (v4 != null && v6 != null) {
      return v4.isLinkLocalAddress() && !v6.isLinkLocalAddress() ? v6 : v4;
    }
    return v4 != null ? v4 : v6;
  }

  private static boolean improves(InetAddress current, InetAddress other) {
    return current.isLinkLocalAddress() && !other.isLinkLocalAddress();
  }

  /**
   * Formats addresses as {@code [a, b]} with their literal forms only, for error messages.
   *
   * @param addresses the addresses
   * @return the formatted list
   */
  static String format(List<InetAddress> addresses) {
    return addresses.stream()
        .map(InetAddress::getHostAddress)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
