/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;

/**
 * The machine's network interfaces, read through {@link NetworkInterface}.
 *
 * <p>Stateless and thread safe.
 */
final class SystemInterfaces implements InterfaceSource {
  /** The only instance. */
  static final SystemInterfaces INSTANCE = new SystemInterfaces();

  private SystemInterfaces() {}

  /**
   * {@inheritDoc}
   *
   * <p>The JDK does not list interfaces in index order (on Linux it lists them by address family),
   * so they are sorted by index to match Go's {@code net.Interfaces}.
   */
  @Override
  public List<String> names() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
        .map(NetworkInterface::getName)
        .toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Addresses are returned without host names or IPv6 scope ids, like Go's {@code netip.Addr}
   * parsed from {@code Interface.Addrs}.
   */
  @Override
  public List<InetAddress> addresses(String name) throws SocketException {
    NetworkInterface networkInterface = NetworkInterface.getByName(name);
    if (networkInterface == null) {
      throw new SocketException("no such network interface");
    }
    return networkInterface.inetAddresses().map(SystemInterfaces::literal).toList();
  }

  private static InetAddress literal(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (UnknownHostException e) {
      // getAddress() always returns 4 or 16 bytes, which getByAddress accepts.
      throw new IllegalStateException("unexpected address length for " + address, e);
    }
  }
}
