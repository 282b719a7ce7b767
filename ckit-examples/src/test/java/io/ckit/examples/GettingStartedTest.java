/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ckit.Config;
import io.ckit.Node;
import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
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
    ClientConnector clientConnector = new ClientConnector();
    SslContextFactory.Client trust = new SslContextFactory.Client();
    trust.setTrustStorePath(TestCerts.keyStore().toString());
    trust.setTrustStorePassword(TestCerts.PASSWORD);
    clientConnector.setSslContextFactory(trust);
    HttpClient client =
        new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(clientConnector)));
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
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
    client.start();
    try (Running a = Running.start("a", client, false, GettingStartedTest::h2cConnector, null);
        Running b =
            Running.start("b", client, false, GettingStartedTest::h2cConnector, node -> {
              ServletContextHandler context = new ServletContextHandler("/");
              ServletHolder holder = new ServletHolder(node.servlet());
              holder.setAsyncSupported(true);
              context.addServlet(holder, "/api/v1/ckit/transport/*");
              return context;
            })) {
      a.node.start(List.of());
      b.node.start(List.of(a.node.config().advertiseAddr()));
      assertConverged(a, b);
    } finally {
      client.stop();
    }
  }

  private static ServerConnector h2cConnector(Server server) {
    HttpConfiguration http = new HttpConfiguration();
    return new ServerConnector(
        server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
  }

  private static ServerConnector tlsConnector(Server server) {
    HttpConfiguration https = new HttpConfiguration();
    https.addCustomizer(new SecureRequestCustomizer());
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(TestCerts.keyStore().toString());
    tls.setKeyStorePassword(TestCerts.PASSWORD);
    HttpConnectionFactory h1 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    return new ServerConnector(
        server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, h1);
  }

  private static void assertConverged(Running a, Running b) {
    a.node.changeState(State.PARTICIPANT).join();
    b.node.changeState(State.PARTICIPANT).join();
    Await.until(
        "both nodes to see two participants",
        () -> participants(a) == 2 && participants(b) == 2,
        () -> a.node.peers() + " / " + b.node.peers());
    Key key = Key.of("some-key");
    assertEquals(a.ring.lookup(key, 2, Op.READ_WRITE), b.ring.lookup(key, 2, Op.READ_WRITE));
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
