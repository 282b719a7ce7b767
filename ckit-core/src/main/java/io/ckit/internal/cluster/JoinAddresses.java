/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.swim.JoinResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Join addresses as memberlist's {@code Join} takes them ({@code resolveAddr}, {@code ensurePort}):
 * {@code [name/]host[:port]}, the port defaulting to 7946, a host name resolved to all its IPs,
 * each dialed as Go formats it ({@code 10.0.0.1:7946}, {@code [::1]:7946}); and the error text of a
 * failed join, in Go's order and hashicorp/go-multierror's format.
 *
 * <p>Resolution blocks on DNS: call it on the caller's thread, never on the membership loop.
 * Stateless and thread-safe.
 */
final class JoinAddresses {
  /** memberlist's {@code BindPort} default, used when a join address has no port. */
  static final int DEFAULT_PORT = 7946;

  /** How one join address resolved: to dialable addresses, or to an error. */
  record Entry(String original, List<String> addresses, String error) {}

  /** Resolves one host name; replaced in tests. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private JoinAddresses() {}

  /** Resolves every address with the system resolver. */
  static List<Entry> resolve(List<String> existing) {
    return resolve(existing, InetAddress::getAllByName);
  }

  /** Resolves every address with {@code resolver}, keeping their order. */
  static List<Entry> resolve(List<String> existing, Resolver resolver) {
    List<Entry> entries = new ArrayList<>(existing.size());
    for (String address : existing) {
      entries.add(resolveOne(address, resolver));
    }
    return entries;
  }

  private static Entry resolveOne(String original, Resolver resolver) {
    String hostPort = original;
    int slash = hostPort.indexOf('/');
    if (slash == 0) {
      return failed(original, "empty node name provided");
    }
    if (slash > 0) {
      hostPort = hostPort.substring(slash + 1); // the node name is not used by this transport
    }
    hostPort = ensurePort(hostPort);
    String host;
    String port;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0 || end + 1 >= hostPort.length() || hostPort.charAt(end + 1) != ':') {
        return failed(original, "address " + hostPort + ": missing port in address");
      }
      host = hostPort.substring(1, end);
      port = hostPort.substring(end + 2);
    } else {
      int colon = hostPort.lastIndexOf(':');
      if (hostPort.indexOf(':') != colon) {
        return failed(original, "address " + hostPort + ": too many colons in address");
      }
      host = hostPort.substring(0, colon);
      port = hostPort.substring(colon + 1);
    }
    int portNumber;
    try {
      portNumber = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      portNumber = -1;
    }
    if (portNumber < 0 || portNumber > 65535 || !port.chars().allMatch(Character::isDigit)) {
      return failed(original, "strconv.ParseUint: parsing \"" + port + "\": invalid syntax");
    }
    InetAddress[] ips;
    try {
      ips = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return failed(original, "lookup " + host + ": no such host");
    }
    List<String> addresses = new ArrayList<>(ips.length);
    for (InetAddress ip : ips) {
      addresses.add(hostPort(ip.getAddress(), portNumber));
    }
    return new Entry(original, List.copyOf(addresses), null);
  }

  private static Entry failed(String original, String why) {
    return new Entry(original, List.of(), "Failed to resolve " + original + ": " + why);
  }

  /** memberlist's {@code ensurePort}: adds the default port unless the address has one. */
  static String ensurePort(String address) {
    if (hasPort(address)) {
      return address;
    }
    String bare = trimBrackets(address);
    return bare.indexOf(':') >= 0 ? "[" + bare + "]:" + DEFAULT_PORT : bare + ":" + DEFAULT_PORT;
  }

  /** memberlist's {@code hasPort}. */
  private static boolean hasPort(String address) {
    if (address.lastIndexOf('[') == 0) {
      return address.lastIndexOf(':') > address.lastIndexOf(']');
    }
    return address.chars().filter(c -> c == ':').count() == 1;
  }

  /** Go's {@code strings.Trim(s, "[]")}. */
  private static String trimBrackets(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '[' || s.charAt(start) == ']')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '[' || s.charAt(end - 1) == ']')) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Returns every dialable address, in order. */
  static List<String> dialable(List<Entry> entries) {
    List<String> all = new ArrayList<>();
    for (Entry entry : entries) {
      all.addAll(entry.addresses());
    }
    return all;
  }

  /**
   * Returns Go's join error (without ckit's {@code failed to join memberlist: } prefix), or null if
   * the join succeeded or nothing was tried: resolution and dial errors interleaved in the order
   * memberlist met them, as go-multierror prints them.
   *
   * @param entries the resolved addresses
   * @param result the engine's outcome for {@link #dialable}, or null if nothing was dialed
   */
  static String errorText(List<Entry> entries, JoinResult result) {
    if (result != null && result.succeeded()) {
      return null;
    }
    List<String> errors = new ArrayList<>();
    Iterator<String> dialErrors = result == null ? List.<String>of().iterator()
        : result.errors().iterator();
    String pending = dialErrors.hasNext() ? dialErrors.next() : null;
    for (Entry entry : entries) {
      if (entry.error() != null) {
        errors.add(entry.error());
        continue;
      }
      for (String address : entry.addresses()) {
        if (pending != null && pending.startsWith("Failed to join " + address + ":")) {
          errors.add(pending);
          pending = dialErrors.hasNext() ? dialErrors.next() : null;
        }
      }
    }
    while (pending != null) {
      errors.add(pending);
      pending = dialErrors.hasNext() ? dialErrors.next() : null;
    }
    return errors.isEmpty() ? null : multierror(errors);
  }

  /** hashicorp/go-multierror's {@code ListFormatFunc}. */
  static String multierror(List<String> errors) {
    if (errors.size() == 1) {
      return "1 error occurred:\n\t* " + errors.get(0) + "\n\n";
    }
    StringBuilder out = new StringBuilder().append(errors.size()).append(" errors occurred:\n\t");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        out.append("\n\t");
      }
      out.append("* ").append(errors.get(i));
    }
    return out.append("\n\n").toString();
  }

  /** Returns Go's {@code net.JoinHostPort(net.IP(ip).String(), port)}. */
  static String hostPort(byte[] ip, int port) {
    String host = GoIp.format(ip);
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
