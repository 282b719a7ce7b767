/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import static io.ckit.advertise.FakeInterfaces.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.advertise.NoAddressFoundException.Rejection;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases of Go ckit's {@code advertise/addr_test.go} ({@code TestFirstAddress}), in the same
 * order and with the same data, followed by cases that pin the ranking rules of {@code addr.go}.
 * The extra cases were confirmed against Go ckit's {@code firstAddress} with
 * {@code scripts/go-advertise-cases.sh}.
 */
class AdvertiseTest {

  // --- Go's TestFirstAddress ---

  @Test
  void shouldPickIpv4WhenOneOfSeveralInterfacesHasIt() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "::2/128").with("eth1", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("eth0", "eth1"), source));
  }

  @Test
  void shouldPickTheLaterInterfaceWhenAllHaveEquallyGoodIpv6() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "::2/128").with("eth1", "::3/128");
    assertEquals(ip("::3"), Advertise.firstAddress(List.of("eth0", "eth1"), source));
  }

  @Test
  void shouldFailNamingTheLookupErrorWhenTheInterfaceDoesNotExist() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "192.168.1.1/24");
    NoAddressFoundException e = assertThrows(
        NoAddressFoundException.class, () -> Advertise.firstAddress(List.of("invalid"), source));
    assertEquals(List.of("invalid"), e.interfaces());
    assertEquals(List.of(new Rejection("invalid", "lookup failed: interface not found")), e.rejections());
    assertEquals(1, e.getSuppressed().length);
    assertEquals(SocketException.class, e.getSuppressed()[0].getClass());
    assertEquals(
        "no usable address found for interfaces [invalid]: invalid: lookup failed: interface not found",
        e.getMessage());
  }

  @Test
  void shouldPickIpv4DespiteAnInvalidInterface() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "::2/128").with("eth1", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("invalid", "eth0", "eth1"), source));
  }

  @Test
  void shouldFailWhenTheInterfacesHaveNoAddresses() {
    FakeInterfaces source = new FakeInterfaces().with("eth0").with("eth1");
    NoAddressFoundException e = assertThrows(
        NoAddressFoundException.class, () -> Advertise.firstAddress(List.of("eth0", "eth1"), source));
    assertEquals(List.of("eth0", "eth1"), e.interfaces());
    assertEquals(
        List.of(new Rejection("eth0", "has no addresses"), new Rejection("eth1", "has no addresses")),
        e.rejections());
    assertEquals(0, e.getSuppressed().length);
  }

  @Test
  void shouldFailNamingEveryLookupErrorWhenNoInterfaceExists() {
    FakeInterfaces source = new FakeInterfaces();
    NoAddressFoundException e = assertThrows(
        NoAddressFoundException.class, () -> Advertise.firstAddress(List.of("eth0", "eth1"), source));
    assertEquals(List.of("eth0", "eth1"), e.interfaces());
    assertEquals(
        List.of(new Rejection("eth0", "lookup failed: interface not found"),
            new Rejection("eth1", "lookup failed: interface not found")),
        e.rejections());
    assertEquals(2, e.getSuppressed().length);
  }

  @Test
  void shouldIgnoreIpv4Loopback() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "127.0.0.1/8", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldIgnoreIpv6Loopback() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "::1/128", "::2/128");
    assertEquals(ip("::2"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldPreferIpv4OverIpv4LinkLocal() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "169.254.0.1/16", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldPreferIpv6OverIpv6LinkLocal() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "fe80::1/64", "::2/128");
    assertEquals(ip("::2"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldUseIpv4LinkLocalWhenThereIsNothingElse() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "169.254.0.1/16");
    assertEquals(ip("169.254.0.1"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldUseIpv6LinkLocalWhenThereIsNothingElse() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "fe80::1/64");
    assertEquals(ip("fe80::1"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldSelectFromAllInterfacesWhenNoneAreNamed() {
    FakeInterfaces source = new FakeInterfaces()
        .with("eth0", "192.168.1.1/24")
        .with("eth1", "10.0.0.2/24")
        .with("eth2", "169.254.0.1/16")
        .with("lo", "127.0.0.1/8");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of(), source));
  }

  // --- Ranking rules of addr.go, confirmed against Go ---

  @Test
  void shouldPreferIpv6OverIpv4LinkLocalAcrossInterfaces() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "169.254.0.1/16").with("eth1", "fd00::2/64");
    assertEquals(ip("fd00::2"), Advertise.firstAddress(List.of("eth0", "eth1"), source));
    assertEquals(ip("fd00::2"), Advertise.firstAddress(List.of("eth1", "eth0"), source));
  }

  @Test
  void shouldPreferIpv6OverIpv4LinkLocalOnOneInterface() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "169.254.0.1/16", "fd00::2/64");
    assertEquals(ip("fd00::2"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldPreferIpv4LinkLocalOverIpv6LinkLocal() {
    FakeInterfaces source = new FakeInterfaces()
        .with("eth0", "fe80::1/64")
        .with("eth1", "169.254.0.1/16")
        .with("eth2", "fe80::2/64", "169.254.0.2/16");
    assertEquals(ip("169.254.0.1"), Advertise.firstAddress(List.of("eth0", "eth1"), source));
    assertEquals(ip("169.254.0.1"), Advertise.firstAddress(List.of("eth1", "eth0"), source));
    assertEquals(ip("169.254.0.2"), Advertise.firstAddress(List.of("eth2"), source));
  }

  @Test
  void shouldPickTheLaterInterfaceWhenLinkLocalAddressesTie() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "169.254.0.1/16").with("eth1", "169.254.0.2/16");
    assertEquals(ip("169.254.0.2"), Advertise.firstAddress(List.of("eth0", "eth1"), source));
  }

  @Test
  void shouldPickTheFirstEquallyGoodAddressWithinOneInterface() {
    FakeInterfaces source = new FakeInterfaces()
        .with("eth0", "fd00::2/64", "fd00::3/64")
        .with("eth1", "10.0.0.1/8", "10.0.0.2/8");
    assertEquals(ip("fd00::2"), Advertise.firstAddress(List.of("eth0"), source));
    assertEquals(ip("10.0.0.1"), Advertise.firstAddress(List.of("eth1"), source));
  }

  @Test
  void shouldPreferIpv4OverIpv6ListedBeforeItOnOneInterface() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "fd00::2/64", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("eth0"), source));
  }

  @Test
  void shouldStopAtTheFirstIpv4WithoutLookingFurther() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "fd00::2/64").with("eth1", "192.168.1.1/24");
    assertEquals(ip("192.168.1.1"), Advertise.firstAddress(List.of("eth0", "eth1", "missing"), source));
    assertEquals(List.of("eth0", "eth1"), source.lookups());
  }

  @Test
  void shouldReturnAnAddressAndDropErrorsWhenSomeInterfaceWorks() {
    FakeInterfaces source = new FakeInterfaces().with("eth1", "fe80::1/64");
    assertEquals(ip("fe80::1"), Advertise.firstAddress(List.of("missing", "eth1"), source));
  }

  @Test
  void shouldFailWhenTheInterfacesHaveOnlyLoopbackAddresses() {
    FakeInterfaces source = new FakeInterfaces().with("lo", "127.0.0.1/8", "::1/128");
    NoAddressFoundException e = assertThrows(
        NoAddressFoundException.class, () -> Advertise.firstAddress(List.of("lo"), source));
    assertEquals(
        List.of(new Rejection("lo", "has only loopback addresses [127.0.0.1, 0:0:0:0:0:0:0:1]")),
        e.rejections());
  }

  @Test
  void shouldNotFilterTheUnspecifiedAddressLikeGo() {
    FakeInterfaces source = new FakeInterfaces().with("eth0", "0.0.0.0/0");
    assertEquals(ip("0.0.0.0"), Advertise.firstAddress(List.of("eth0"), source));
  }

  // --- The public surface ---

  @Test
  void shouldFailWithTheCauseWhenInterfacesCannotBeListed() {
    SocketException cause = new SocketException("netlink unavailable");
    InterfaceSource broken = new InterfaceSource() {
      @Override
      public List<String> names() throws SocketException {
        throw cause;
      }

      @Override
      public List<java.net.InetAddress> addresses(String name) {
        throw new AssertionError("no interface should be looked up");
      }
    };
    NoAddressFoundException e =
        assertThrows(NoAddressFoundException.class, () -> Advertise.firstAddress(List.of(), broken));
    assertEquals(cause, e.getCause());
    assertTrue(e.interfaces().isEmpty());
    assertTrue(e.getMessage().contains("netlink unavailable"), e.getMessage());
  }

  @Test
  void shouldDefaultToEth0AndEn0() {
    assertEquals(List.of("eth0", "en0"), Advertise.DEFAULT_INTERFACES);
    assertThrows(UnsupportedOperationException.class, () -> Advertise.DEFAULT_INTERFACES.add("x"));
  }

  @Test
  void shouldRejectNullInterfaceLists() {
    assertThrows(NullPointerException.class, () -> Advertise.firstAddress(null));
    assertThrows(NullPointerException.class,
        () -> Advertise.firstAddress(java.util.Arrays.asList("eth0", null)));
  }
}
