/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link InterfaceSource} over a fixed table, like the mocks in Go ckit's {@code addr_test.go}:
 * interfaces are listed as {@code eth0, eth1, eth2, lo}, and an interface missing from the table
 * fails with "interface not found".
 */
final class FakeInterfaces implements InterfaceSource {
  private final Map<String, List<String>> table = new LinkedHashMap<>();
  private final List<String> lookups = new ArrayList<>();

  /**
   * Adds an interface with addresses in CIDR notation, such as {@code 192.168.1.1/24}.
   *
   * @param name the interface name
   * @param cidrs its addresses
   * @return this
   */
  FakeInterfaces with(String name, String... cidrs) {
    table.put(name, List.of(cidrs));
    return this;
  }

  /** Returns the interface names looked up so far, in order. */
  List<String> lookups() {
    return lookups;
  }

  @Override
  public List<String> names() {
    return List.of("eth0", "eth1", "eth2", "lo");
  }

  @Override
  public List<InetAddress> addresses(String name) throws SocketException {
    lookups.add(name);
    List<String> cidrs = table.get(name);
    if (cidrs == null) {
      throw new SocketException("interface not found");
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (String cidr : cidrs) {
      addresses.add(ip(cidr.substring(0, cidr.indexOf('/'))));
    }
    return addresses;
  }

  /**
   * Parses an IP literal (never a host name, so no DNS lookup happens).
   *
   * @param literal the literal
   * @return the address
   */
  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }
}
