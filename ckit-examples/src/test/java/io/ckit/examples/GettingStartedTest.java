/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.Config;
import io.ckit.Http2;
import io.ckit.Node;
import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the set-ups that docs/getting-started.md shows besides the README example: two nodes over
 * TLS (ALPN h2), and a node served by the servlet variant next to one served by the core handler.
 * The server and client code here is the code in the document.
 */
@Timeout(120)
class GettingStartedTest {

  @Test
  void twoNodesOverTls() throws Exception {
    SslContextFactory.Client trust = new SslContextFactory.Client();
    trust.setTrustStorePath(TestCerts.keyStore().toString());
    trust.setTrustStorePassword(TestCerts.PASSWORD);
    HttpClient client = Http2.newClient(trust);
    client.start();
    try (Running a = Running.start("a", client, true, GettingStartedTest::tlsConnector, null);
        Running b = Running.start("b", client, true, GettingStartedTest::tlsConnector, null)) {
      a.node.start(List.of());
      b.node.start(List.of(a.node.config().advertiseAddr()));
      assertConverged(a, b);
    } finally {
      client.stop();
    }
  }

  @Test
  void servletNodeJoinsHandlerNode() throws Exception {
    HttpClient client = Http2.newClient();
    client.start();
    try (Running a = Running.start("a", client, false, ServerConnector::new, null);
        Running b =
            Running.start("b", client, false, ServerConnector::new, GettingStartedTest::servlet)) {
      a.node.start(List.of());
      b.node.start(List.of(a.node.config().advertiseAddr()));
      assertConverged(a, b);
    } finally {
      client.stop();
    }
  }

  /** The servlet variant, as in the guide. */
  private static Handler servlet(Node node) {
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = new ServletHolder(node.servlet());
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/api/v1/ckit/transport/*");
    return context;
  }

  /** The TLS connector, as in the guide: Http2.enable adds ALPN and h2 to it. */
  private static ServerConnector tlsConnector(Server server) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(TestCerts.keyStore().toString());
    tls.setKeyStorePassword(TestCerts.PASSWORD);
    return new ServerConnector(server, tls);
  }

  private static void assertConverged(Running a, Running b) {
    a.node.changeState(State.PARTICIPANT).join();
    b.node.changeState(State.PARTICIPANT).join();
    Await.until(
        "both nodes to see two participants",
        () -> participants(a) == 2 && participants(b) == 2,
        () -> a.node.peers() + " / " + b.node.peers());
    for (String key : List.of("some-key", "user-42", "order-1001")) {
      assertEquals(owners(a, key), owners(b, key), key);
    }
  }

  private static List<String> owners(Running running, String key) {
    return running.ring.lookup(Key.of(key), 2, Op.READ_WRITE).stream().map(Peer::name).toList();
  }

  private static int participants(Running running) {
    int count = 0;
    for (Peer peer : running.ring.peers()) {
      count += peer.state() == State.PARTICIPANT ? 1 : 0;
    }
    return count;
  }

  /** A node with its own server on 127.0.0.1. */
  private record Running(Server server, Node node, Sharder ring) implements AutoCloseable {
    static Running start(
        String name,
        HttpClient client,
        boolean tls,
        Function<Server, ServerConnector> connectorOf,
        Function<Node, Handler> handlerOf)
        throws Exception {
      Server server = new Server();
      ServerConnector connector = connectorOf.apply(server);
      connector.setHost("127.0.0.1");
      Http2.enable(connector);
      server.addConnector(connector);
      connector.open();
      Sharder ring = Sharder.ring(256);
      Config config =
          Config.builder(name, "127.0.0.1:" + connector.getLocalPort())
              .sharder(ring)
              .enableTls(tls)
              .build();
      Node node = Node.create(client, config);
      server.setHandler(handlerOf == null ? node.handler().handler() : handlerOf.apply(node));
      server.start();
      return new Running(server, node, ring);
    }

    @Override
    public void close() throws Exception {
      node.stop();
      server.stop();
    }
  }
}
