/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.advertise.NoAddressFoundException.Rejection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link Advertise} against this machine's real interfaces and asserts only what holds on
 * any machine.
 */
class SystemInterfacesTest {

  @Test
  void shouldPickAnAddressOfThisMachineOfTheBestAvailableKind() throws Exception {
    List<InetAddress> usable = usableAddresses();
    if (usable.isEmpty()) {
      assertThrows(NoAddressFoundException.class, () -> Advertise.firstAddress(List.of()));
      return;
    }
    InetAddress chosen = Advertise.firstAddress(List.of());
    assertFalse(chosen.isLoopbackAddress(), chosen::toString);
    assertTrue(usable.contains(chosen), () -> chosen + " is not one of " + usable);
    int bestRank = usable.stream().mapToInt(SystemInterfacesTest::rank).min().orElseThrow();
    assertEquals(bestRank, rank(chosen), () -> chosen + " is not the best kind among " + usable);
  }

  /**
   * The example in {@link Advertise}'s Javadoc (ckit-examples' {@code JavadocSnippetsTest} keeps
   * them identical): an address of this machine, or loopback on a machine without one, written as
   * a {@code host:port} that ckit accepts.
   */
  @Test
  void shouldBuildAnAdvertiseAddressAsTheJavadocShows() throws Exception {
    List<InetAddress> usable = usableAddresses();
    // @start region=firstAddress
    InetAddress ip;
    try {
      ip = Advertise.firstAddress(List.of()); // every interface, or DEFAULT_INTERFACES (eth0, en0)
    } catch (NoAddressFoundException e) {
      ip = InetAddress.getLoopbackAddress(); // no network; e.getMessage() says why
    }
    // For Config.builder(name, advertiseAddr) in ckit-core: host:port, or [host]:port for IPv6.
    String host = ip.getHostAddress();
    String advertiseAddr = (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":7946";
    // @end
    InetAddress chosen = ip;
    if (usable.isEmpty()) {
      assertTrue(chosen.isLoopbackAddress(), chosen::toString);
    } else {
      assertTrue(usable.contains(chosen), () -> chosen + " is not one of " + usable);
    }
    assertTrue(advertiseAddr.endsWith(":7946"), advertiseAddr);
    String literal = advertiseAddr.substring(0, advertiseAddr.length() - ":7946".length());
    assertEquals(chosen instanceof Inet6Address, literal.startsWith("[") && literal.endsWith("]"));
    assertEquals(chosen, InetAddress.getByName(literal.replaceAll("^\\[|\\]$", "")));
  }

  /** This machine's addresses that are not loopback, without scope ids. */
  private static List<InetAddress> usableAddresses() throws SocketException, UnknownHostException {
    List<InetAddress> usable = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(ni.getInetAddresses())) {
        if (!address.isLoopbackAddress()) {
          usable.add(InetAddress.getByAddress(address.getAddress()));
        }
      }
    }
    return usable;
  }

  @Test
  void shouldReturnAddressesWithoutScopeOrHostName() throws Exception {
    for (String name : SystemInterfaces.INSTANCE.names()) {
      for (InetAddress address : SystemInterfaces.INSTANCE.addresses(name)) {
        assertEquals(InetAddress.getByAddress(address.getAddress()), address);
        assertFalse(address.toString().contains("%"), address::toString);
        assertTrue(address.toString().startsWith("/"), address::toString);
      }
    }
  }

  @Test
  void shouldListInterfacesInIndexOrder() throws SocketException {
    List<Integer> indexes = new ArrayList<>();
    for (String name : SystemInterfaces.INSTANCE.names()) {
      indexes.add(NetworkInterface.getByName(name).getIndex());
    }
    List<Integer> sorted = new ArrayList<>(indexes);
    Collections.sort(sorted);
    assertEquals(sorted, indexes);
  }

  @Test
  void shouldRejectAnInterfaceThatDoesNotExist() {
    NoAddressFoundException e = assertThrows(
        NoAddressFoundException.class, () -> Advertise.firstAddress(List.of("ckitnone0")));
    assertEquals(List.of("ckitnone0"), e.interfaces());
    assertEquals(
        List.of(new Rejection("ckitnone0", "lookup failed: no such network interface")),
        e.rejections());
  }

  /** 0: IPv4, 1: IPv6, 2: IPv4 link-local, 3: IPv6 link-local. */
  private static int rank(InetAddress address) {
    boolean v4 = address instanceof Inet4Address;
    return (address.isLinkLocalAddress() ? 2 : 0) + (v4 ? 0 : 1);
  }

  @Test
  void rankShouldOrderKindsAsDocumented() throws UnknownHostException {
    assertEquals(0, rank(InetAddress.getByName("10.0.0.1")));
    assertEquals(1, rank(InetAddress.getByName("fd00::1")));
    assertEquals(2, rank(InetAddress.getByName("169.254.1.1")));
    assertEquals(3, rank(InetAddress.getByName("fe80::1")));
  }
}
