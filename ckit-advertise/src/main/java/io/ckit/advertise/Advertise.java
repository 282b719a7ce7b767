/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the IP address a node should advertise to its cluster peers, as Go ckit's
 * {@code advertise.FirstAddress} does.
 *
 * <p>The advertise address of a node listening on port 7946, falling back to loopback on a machine
 * without network (compiled and run in {@code SystemInterfacesTest}):
 *
 * <!-- snippet: SystemInterfacesTest#firstAddress -->
 * <pre>{@code
 * InetAddress ip;
 * try {
 *   ip = Advertise.firstAddress(List.of()); // every interface, or DEFAULT_INTERFACES (eth0, en0)
 * } catch (NoAddressFoundException e) {
 *   ip = InetAddress.getLoopbackAddress(); // no network; e.getMessage() says why
 * }
 * // For Config.builder(name, advertiseAddr) in ckit-core: host:port, or [host]:port for IPv6.
 * String host = ip.getHostAddress();
 * String advertiseAddr = (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":7946";
 * }</pre>
 *
 * <p>This class is stateless and thread safe. It has only static members.
 */
public final class Advertise {
  /**
   * The interfaces commonly used for local network traffic on Unix-like systems: {@code eth0}
   * (Linux) and {@code en0} (macOS). The list is unmodifiable.
   */
  public static final List<String> DEFAULT_INTERFACES = List.of("eth0", "en0");

  private Advertise() {}

  /**
   * Returns the best address of the given network interfaces.
   *
   * <p>"Best" is, in decreasing order of preference:
   *
   * <ol>
   *   <li>an IPv4 address that is not link-local ({@code 169.254.0.0/16}),
   *   <li>an IPv6 address that is not link-local ({@code fe80::/10}),
   *   <li>an IPv4 link-local address,
   *   <li>an IPv6 link-local address.
   * </ol>
   *
   * <p>Loopback addresses are never selected. Interfaces are consulted in the order given; the
   * first IPv4 address that is not link-local is returned at once. Within one interface the first
   * address of each family wins unless a later address of that family is not link-local while it
   * is. Across interfaces, when two candidates are equally good the one from the <em>later</em>
   * interface wins. This mirrors Go ckit exactly.
   *
   * <p>An empty list means every network interface of the machine, in interface-index order (as
   * Go's {@code net.Interfaces}). An interface that does not exist or cannot be read is recorded
   * and skipped. IPv6 addresses are returned without a scope id, as Go's {@code netip.Addr} does.
   *
   * <p>This method reads the machine's network configuration and may block briefly doing so. It is
   * thread safe.
   *
   * @param interfaces the interface names to consult, in order; empty for all interfaces; not
   *     {@code null} and without {@code null} elements
   * @return the best address found, never {@code null} and never a loopback address
   * @throws NoAddressFoundException if the interfaces cannot be listed, or if none of them has a
   *     usable address; the exception says which interfaces were tried and why each was rejected
   * @throws NullPointerException if {@code interfaces} or one of its elements is {@code null}
   */
  public static InetAddress firstAddress(List<String> interfaces) {
    return firstAddress(interfaces, SystemInterfaces.INSTANCE);
  }

  /**
   * Returns the best address of the given interfaces, reading them through {@code source}.
   *
   * @param interfaces the interface names; empty for all interfaces that {@code source} lists
   * @param source where interface names and addresses come from
   * @return the best address found
   * @throws NoAddressFoundException if no usable address was found
   */
  static InetAddress firstAddress(List<String> interfaces, InterfaceSource source) {
    List<String> names = List.copyOf(interfaces);
    if (names.isEmpty()) {
      try {
        names = List.copyOf(source.names());
      } catch (SocketException e) {
        throw NoAddressFoundException.listingFailed(e);
      }
    }

    List<NoAddressFoundException.Rejection> rejections = new ArrayList<>();
    List<SocketException> failures = new ArrayList<>();
    InetAddress best = null;
    for (String name : names) {
      List<InetAddress> addresses;
      try {
        addresses = source.addresses(name);
      } catch (SocketException e) {
        failures.add(e);
        rejections.add(new NoAddressFoundException.Rejection(name, "lookup failed: " + e.getMessage()));
        continue;
      }

      InetAddress candidate = AddressPreference.best(addresses);
      if (candidate == null) {
        String reason = addresses.isEmpty()
            ? "has no addresses"
            : "has only loopback addresses " + AddressPreference.format(addresses);
        rejections.add(new NoAddressFoundException.Rejection(name, reason));
        continue;
      }
      if (candidate instanceof Inet4Address && !candidate.isLinkLocalAddress()) {
        return candidate; // Nothing can beat it.
      }
      // The new candidate goes first, so it wins ties against the best so far, as in Go.
      best = AddressPreference.best(Arrays.asList(candidate, best));
    }

    if (best == null) {
      throw NoAddressFoundException.noneUsable(names, rejections, failures);
    }
    return best;
  }
}
