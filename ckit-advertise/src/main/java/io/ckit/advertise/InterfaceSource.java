/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;

/**
 * Where {@link Advertise} reads network interfaces from: the test seam that mirrors Go ckit's
 * {@code interfaceLister} and {@code networkInterfaceAddressGetter} function types.
 *
 * <p>Implementations must be thread safe if {@link Advertise} is called concurrently.
 */
interface InterfaceSource {
  /**
   * Lists the names of all network interfaces, in interface-index order.
   *
   * @return the names, never {@code null}
   * @throws SocketException if the interfaces cannot be listed
   */
  List<String> names() throws SocketException;

  /**
   * Returns the addresses of one interface, in the order the system reports them.
   *
   * @param name the interface name
   * @return the addresses, possibly empty, never {@code null}
   * @throws SocketException if the interface does not exist or cannot be read
   */
  List<InetAddress> addresses(String name) throws SocketException;
}
