/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ckit.internal.swim.JoinResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** memberlist's join address rules, Go's IP formatting, and the join error text. */
class JoinAddressesTest {
  private static final JoinAddresses.Resolver DNS =
      host -> {
        switch (host) {
          case "peers.example" -> {
            return new InetAddress[] {
              InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1}),
              InetAddress.getByAddress(host, new byte[] {
                  0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
            };
          }
          case "gone.example" -> throw new UnknownHostException(host);
          default -> {
            return InetAddress.getAllByName(host); // literals only: no lookup
          }
        }
      };

  private static List<String> resolve(String address) {
    List<JoinAddresses.Entry> entries = JoinAddresses.resolve(List.of(address), DNS);
    JoinAddresses.Entry entry = entries.get(0);
    return entry.error() != null ? List.of(entry.error()) : entry.addresses();
  }

  @Test
  void shouldAddTheDefaultPortAsMemberlistDoes() {
    assertEquals(List.of("10.1.2.3:7946"), resolve("10.1.2.3"));
    assertEquals(List.of("10.1.2.3:80"), resolve("10.1.2.3:80"));
    assertEquals(List.of("[::1]:7946"), resolve("::1"));
    assertEquals(List.of("[::1]:7946"), resolve("[::1]"));
    assertEquals(List.of("[::1]:80"), resolve("[::1]:80"));
    assertEquals(List.of("[fe80::1:2]:7946"), resolve("fe80:0:0:0:0:0:1:2"));
  }

  @Test
  void shouldIgnoreANodeNamePrefixAndRejectAnEmptyOne() {
    assertEquals(List.of("10.1.2.3:80"), resolve("node-b/10.1.2.3:80"));
    assertEquals(List.of("Failed to resolve /10.1.2.3: empty node name provided"),
        resolve("/10.1.2.3"));
  }

  @Test
  void shouldResolveANameToEveryAddress() {
    assertEquals(List.of("10.0.0.1:9000", "[2001:db8::1]:9000"), resolve("peers.example:9000"));
    assertEquals(List.of("Failed to resolve gone.example: lookup gone.example: no such host"),
        resolve("gone.example"));
    assertEquals(List.of("Failed to resolve 10.0.0.1:http: strconv.ParseUint: parsing \"http\":"
        + " invalid syntax"), resolve("10.0.0.1:http"));
  }

  @Test
  void shouldFormatIpsAsGo() {
    assertEquals("10.0.0.1", GoIp.format(new byte[] {10, 0, 0, 1}));
    assertEquals("10.0.0.1",
        GoIp.format(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}));
    assertEquals("::", GoIp.format(new byte[16]));
    assertEquals("::1", GoIp.format(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    assertEquals("1::", GoIp.format(new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    // A single zero group is not compressed; the first of two equal runs is.
    assertEquals("1:0:1:1:1:1:1:1",
        GoIp.format(new byte[] {0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
    assertEquals("1:0:0:1::1",
        GoIp.format(new byte[] {0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}));
    assertEquals("1::1:0:0:1:1",
        GoIp.format(new byte[] {0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1}));
    assertEquals("fd00::2:abcd",
        GoIp.format(new byte[] {-3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, -85, -51}));
  }

  @Test
  void shouldInterleaveResolveAndDialErrorsInGoOrder() {
    List<JoinAddresses.Entry> entries =
        JoinAddresses.resolve(List.of("10.0.0.7", "gone.example", "peers.example"), DNS);
    assertEquals(List.of("10.0.0.7:7946", "10.0.0.1:7946", "[2001:db8::1]:7946"),
        JoinAddresses.dialable(entries));
    JoinResult failed =
        new JoinResult(
            0,
            List.of(
                "Failed to join 10.0.0.7:7946: connection refused",
                "Failed to join 10.0.0.1:7946: i/o timeout",
                "Failed to join [2001:db8::1]:7946: EOF"));
    assertEquals(
        "4 errors occurred:\n"
            + "\t* Failed to join 10.0.0.7:7946: connection refused\n"
            + "\t* Failed to resolve gone.example: lookup gone.example: no such host\n"
            + "\t* Failed to join 10.0.0.1:7946: i/o timeout\n"
            + "\t* Failed to join [2001:db8::1]:7946: EOF\n\n",
        JoinAddresses.errorText(entries, failed));
    assertNull(JoinAddresses.errorText(entries, new JoinResult(1, failed.errors().subList(0, 2))),
        "one success is a successful join");
  }

  @Test
  void shouldFormatOneErrorAsMultierrorDoes() {
    List<JoinAddresses.Entry> entries = JoinAddresses.resolve(List.of("gone.example"), DNS);
    assertEquals(
        "1 error occurred:\n\t* Failed to resolve gone.example: lookup gone.example: no such"
            + " host\n\n",
        JoinAddresses.errorText(entries, null));
    assertNull(JoinAddresses.errorText(List.of(), null), "nothing to join is no error");
  }
}
