/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.benchmarks.sidebyside;

import io.ckit.Config;
import io.ckit.Node;
import io.ckit.Observer;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One node of the harness: a ckit {@link Node} served by its own Jetty server on the shared
 * infrastructure. A node made to be crashed gets its own client (still on the shared pool), so
 * that the crash can silence its outgoing traffic too.
 *
 * <p>Not thread-safe; driven from the harness's main thread.
 */
final class HarnessNode {
  private final Server server;
  private final HttpClient ownClient;
  private final Node node;
  private final String address;

  private HarnessNode(Server server, HttpClient ownClient, Node node, String address) {
    this.server = server;
    this.ownClient = ownClient;
    this.node = node;
    this.address = address;
  }

  /**
   * Creates a node and starts its server; the node itself is started by {@link #start}.
   *
   * @param crashable whether the node gets its own client, to be {@link #crash}ed
   * @throws IllegalStateException if the server cannot start
   */
  static HarnessNode create(SharedJetty shared, String name, boolean crashable) {
    Server server = shared.newServer();
    String address = "127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpClient own = crashable ? shared.newClient() : null;
    Node node =
        Node.create(crashable ? own : shared.client(), Config.builder(name, address).build());
    server.setHandler(node.handler().handler());
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the server of " + name, e);
    }
    return new HarnessNode(server, own, node, address);
  }

  /** Returns the node. */
  Node node() {
    return node;
  }

  /** Returns the advertised {@code 127.0.0.1:port}. */
  String address() {
    return address;
  }

  /** Registers the observer and starts the node, joining {@code seeds} (none for the first). */
  void start(Observer observer, List<String> seeds) {
    node.observe(observer);
    node.start(seeds);
  }

  /**
   * Crashes the node without leaving: its server stops (closing every connection) and its own
   * client stops (failing every outgoing request). Its threads live on, isolated.
   *
   * @throws IllegalStateException if the node was not created crashable, or Jetty fails to stop
   */
  void crash() {
    if (ownClient == null) {
      throw new IllegalStateException("node " + node + " was not created crashable");
    }
    try {
      server.stop();
      ownClient.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot crash " + node, e);
    }
  }
}
