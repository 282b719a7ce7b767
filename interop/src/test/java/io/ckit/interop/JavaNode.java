/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import io.ckit.Config;
import io.ckit.Http2;
import io.ckit.Node;
import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Java ckit {@link Node} served by its own Jetty server on loopback, set up through the public
 * API only ({@link Http2}, {@link Node#handler()}), over h2c or TLS with the test certificate that
 * the Go peers also use. {@link #close()} stops the node, the server and the client.
 */
final class JavaNode implements AutoCloseable {
  final Server server;
  final HttpClient client;
  final Node node;
  final String address;

  private JavaNode(Server server, HttpClient client, Node node, String address) {
    this.server = server;
    this.client = client;
    this.node = node;
    this.address = address;
  }

  static JavaNode start(String name, boolean tls, UnaryOperator<Config.Builder> customize) {
    try {
      Server server = new Server();
      ServerConnector connector;
      HttpClient client;
      if (tls) {
        SslContextFactory.Server serverTls = new SslContextFactory.Server();
        serverTls.setKeyStorePath(TestCerts.keyStore().toString());
        serverTls.setKeyStorePassword(TestCerts.PASSWORD);
        serverTls.setKeyStoreType("PKCS12");
        connector = new ServerConnector(server, serverTls);
        SslContextFactory.Client clientTls = new SslContextFactory.Client();
        clientTls.setTrustStorePath(TestCerts.keyStore().toString());
        clientTls.setTrustStorePassword(TestCerts.PASSWORD);
        clientTls.setTrustStoreType("PKCS12");
        client = Http2.newClient(clientTls);
      } else {
        connector = new ServerConnector(server);
        client = Http2.newClient();
      }
      connector.setHost("127.0.0.1");
      Http2.enable(connector);
      server.addConnector(connector);
      connector.open();
      client.start();
      String address = "127.0.0.1:" + connector.getLocalPort();
      Node node =
          Node.create(client, customize.apply(Config.builder(name, address).enableTls(tls)).build());
      server.setHandler(node.handler().handler());
      server.start();
      return new JavaNode(server, client, node, address);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Java node " + name, e);
    }
  }

  /**
   * Waits until the node's peers satisfy {@code check}, re-checking on every change.
   *
   * @throws AssertionError if they do not within {@code timeout}
   */
  void awaitPeers(Predicate<List<Peer>> check, Duration timeout) {
    CountDownLatch done = new CountDownLatch(1);
    node.observe(
        peers -> {
          if (check.test(node.peers())) {
            done.countDown();
            return false;
          }
          return true;
        });
    if (check.test(node.peers())) {
      return;
    }
    try {
      if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(node + ": peers " + node.peers() + " never matched");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try {
      node.stop();
    } finally {
      try {
        server.stop();
        client.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the Jetty server or client", e);
      }
    }
  }
}
