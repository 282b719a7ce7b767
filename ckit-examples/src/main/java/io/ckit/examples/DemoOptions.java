/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The command-line options of {@link ClusterDemo}.
 *
 * @param name the name of the first node started by this process; the others get {@code -2},
 *     {@code -3}, ... appended, or are called {@code node-2}, {@code node-3}, ... when the first is
 *     {@code first-node}
 * @param listenHost the host (IP) the nodes' HTTP servers listen on
 * @param listenPort the first node's port; 0 gives every node a free port, otherwise node {@code i}
 *     listens on {@code listenPort + i}
 * @param advertiseHost the host peers use to reach this process's nodes, or null to derive it from
 *     {@code listenHost} (a wildcard listen address advertises the machine's first address)
 * @param join {@code host:port} addresses of existing cluster members; empty to start a new cluster
 * @param nodes how many nodes to run in this process
 */
public record DemoOptions(
    String name,
    String listenHost,
    int listenPort,
    String advertiseHost,
    List<String> join,
    int nodes) {

  /** The help text printed for {@code --help} and after a bad option. */
  public static final String USAGE =
      """
      Usage: run-example [--name NAME] [--listen HOST:PORT] [--advertise HOST]
                         [--join HOST:PORT,...] [--nodes N]

      Starts ckit nodes, each with its own HTTP/2 (h2c) server and status page, makes them
      participants, and prints membership changes and key owners as they happen.

        --name NAME         name of the first node (default: first-node)
        --listen HOST:PORT  where the first node listens (default: 127.0.0.1:0, a free port);
                            further nodes use the next ports, or free ones with port 0
        --advertise HOST    host peers use to reach these nodes (default: the listen host, or
                            the machine's first address when listening on 0.0.0.0)
        --join HOST:PORT,.. existing members to join (default: none, start a new cluster)
        --nodes N           nodes to run in this process (default: 3, or 1 with --join)

      Examples:
        run-example                                   3 nodes on 127.0.0.1
        run-example --listen 127.0.0.1:7946 --nodes 1 --name a
        run-example --listen 127.0.0.1:7950 --nodes 1 --name b --join 127.0.0.1:7946
      """;

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if a required value is null
   */
  public DemoOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(listenHost, "listenHost");
    join = List.copyOf(join);
    if (name.isBlank()) {
      throw new IllegalArgumentException("--name must not be empty");
    }
    if (listenPort < 0 || listenPort + nodes - 1 > 65535) {
      throw new IllegalArgumentException("--listen port " + listenPort + " is out of range");
    }
    if (nodes < 1 || nodes > 64) {
      throw new IllegalArgumentException("--nodes must be in 1..64, got " + nodes);
    }
  }

  /**
   * Returns the options for a new cluster of {@code nodes} nodes on free ports of 127.0.0.1.
   *
   * @param nodes how many nodes to run
   * @return the options
   */
  public static DemoOptions local(int nodes) {
    return new DemoOptions("first-node", "127.0.0.1", 0, null, List.of(), nodes);
  }

  /**
   * Parses command-line arguments.
   *
   * @param args the arguments
   * @return the options, or null if {@code --help} was asked for
   * @throws IllegalArgumentException if an argument is unknown, lacks its value or is invalid
   */
  public static DemoOptions parse(String... args) {
    String name = "first-node";
    String listen = "127.0.0.1:0";
    String advertise = null;
    List<String> join = List.of();
    Integer nodes = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--name" -> name = value;
        case "--listen" -> listen = value;
        case "--advertise" -> advertise = value;
        case "--join" -> join = splitList(value);
        case "--nodes" -> nodes = parseInt("--nodes", value);
        default -> throw new IllegalArgumentException("unknown option: " + flag);
      }
    }
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--listen must be HOST:PORT, got " + listen);
    }
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    int port = parseInt("--listen port", listen.substring(colon + 1));
    int count = nodes != null ? nodes : join.isEmpty() ? 3 : 1;
    return new DemoOptions(name, host, port, advertise, join, count);
  }

  /**
   * Returns the name of the node with the given index in this process.
   *
   * @param index 0 for the first node
   * @return the node name
   */
  public String nodeName(int index) {
    if (index == 0) {
      return name;
    }
    return (name.equals("first-node") ? "node" : name) + "-" + (index + 1);
  }

  /**
   * Returns the port the node with the given index listens on.
   *
   * @param index 0 for the first node
   * @return the port, 0 for a free one
   */
  public int nodePort(int index) {
    return listenPort == 0 ? 0 : listenPort + index;
  }

  private static List<String> splitList(String value) {
    List<String> items = new ArrayList<>();
    for (String item : Arrays.asList(value.split(","))) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  private static int parseInt(String what, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got " + value, e);
    }
  }
}
