/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.Config;
import io.ckit.Http2;
import io.ckit.Node;
import io.ckit.shard.Sharder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * One node of the demo: a ckit {@link Node} with its ring sharder, served by its own Jetty server
 * together with the node's status page.
 *
 * <p>The server's connector speaks HTTP/1.1 for browsers and h2c for ckit peers (Jetty switches to
 * HTTP/2 when a client opens with the HTTP/2 preface). In front sits the ckit handler, which takes
 * {@code /api/v1/ckit/transport/*} and declines everything else; behind it, the {@link
 * StatusHandler}.
 *
 * <p>Thread-safe: the fields are final and the node, sharder and server are thread-safe.
 */
public final class DemoNode implements AutoCloseable {
  /** Tokens per node on the ring; Go ckit's example uses 128, 256 or 512 suit larger clusters. */
  static final int RING_TOKENS = 256;

  private final Node node;
  private final Sharder sharder;
  private final Server server;
  private final String url;

  private DemoNode(Node node, Sharder sharder, Server server, String url) {
    this.node = node;
    this.sharder = sharder;
    this.server = server;
    this.url = url;
  }

  /**
   * Creates the node and starts its HTTP server. The node itself is not started: call {@code
   * node().start(peers)}.
   *
   * @param name the node's name, unique in the cluster
   * @param listenHost the IP to listen on
   * @param listenPort the port to listen on, 0 for a free one
   * @param advertiseHost the host or IP peers use to reach this node
   * @param client the HTTP/2 client the node dials peers with; shared, started by the caller
   * @return the node, serving HTTP
   * @throws IllegalStateException if the server cannot bind or start
   */
  public static DemoNode start(
      String name, String listenHost, int listenPort, String advertiseHost, HttpClient client) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    Http2.enable(connector); // HTTP/1.1 for browsers, h2c for ckit peers
    connector.setHost(listenHost);
    connector.setPort(listenPort);
    server.addConnector(connector);
    try {
      connector.open(); // bind first: the advertise address needs the port
      String advertise = hostPort(advertiseHost, connector.getLocalPort());
      Sharder sharder = Sharder.ring(RING_TOKENS);
      Node node = Node.create(client, Config.builder(name, advertise).sharder(sharder).build());
      server.setHandler(
          new Handler.Sequence(node.handler().handler(), new StatusHandler(node, sharder)));
      server.start();
      return new DemoNode(node, sharder, server, "http://" + advertise + "/");
    } catch (Exception e) {
      LifeCycle.stop(server);
      connector.close();
      throw new IllegalStateException(
          "cannot start node " + name + " on " + hostPort(listenHost, listenPort), e);
    }
  }

  /**
   * Returns the ckit node.
   *
   * @return the node
   */
  public Node node() {
    return node;
  }

  /**
   * Returns the sharder the node keeps in sync with the cluster.
   *
   * @return the ring sharder
   */
  public Sharder sharder() {
    return sharder;
  }

  /**
   * Returns the node's name.
   *
   * @return the name from the node's config
   */
  public String name() {
    return node.config().name();
  }

  /**
   * Returns the URL of the node's status page.
   *
   * @return {@code http://host:port/}
   */
  public String url() {
    return url;
  }

  /**
   * Leaves the cluster, then stops the HTTP server. Blocks for at most the node's leave timeout
   * plus the server's stop time.
   */
  @Override
  public void close() {
    try {
      node.stop();
    } finally {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the HTTP server of " + name(), e);
      }
    }
  }

  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
