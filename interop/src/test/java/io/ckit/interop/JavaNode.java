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
import io.ckit.peer.State;
import io.ckit.shard.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Java ckit node as a user would run it: its own Jetty server on loopback (h2c, or TLS with ALPN
 * h2 and a keytool-made certificate), its own HTTP/2 client, both set up with {@link Http2}, and a
 * {@link SharderSet} as its {@code Config.sharder}. Runs in the test's JVM, or in a child JVM
 * behind {@link JavaPeerMain}.
 *
 * <p>Use from one thread.
 */
final class JavaNode implements Member {
  /**
   * How to run a Java node.
   *
   * @param name the node name
   * @param label the cluster label, "" for none
   * @param keyStore the PKCS12 key store (also the trust store; password {@link
   *     TestCerts#PASSWORD}) to serve and dial over TLS, or null for h2c
   * @param port the loopback port to serve on, 0 for any
   */
  record Options(String name, String label, Path keyStore, int port) {
    static Options of(String name, boolean tls) {
      return new Options(name, "", tls ? TestCerts.keyStore() : null, 0);
    }

    Options withLabel(String value) {
      return new Options(name, value, keyStore, port);
    }

    Options withPort(int value) {
      return new Options(name, label, keyStore, value);
    }
  }

  private final Server server;
  private final HttpClient client;
  private final Node node;
  private final SharderSet sharders = new SharderSet();
  private final String address;

  private JavaNode(Options options) throws Exception {
    server = new Server();
    ServerConnector connector;
    if (options.keyStore() != null) {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(options.keyStore().toString());
      tls.setKeyStorePassword(TestCerts.PASSWORD);
      tls.setKeyStoreType("PKCS12");
      connector = new ServerConnector(server, tls);
      SslContextFactory.Client clientTls = new SslContextFactory.Client();
      clientTls.setTrustStorePath(options.keyStore().toString());
      clientTls.setTrustStorePassword(TestCerts.PASSWORD);
      clientTls.setTrustStoreType("PKCS12");
      client = Http2.newClient(clientTls);
    } else {
      connector = new ServerConnector(server);
      client = Http2.newClient();
    }
    connector.setHost("127.0.0.1");
    connector.setPort(options.port());
    Http2.enable(connector);
    server.addConnector(connector);
    connector.open(); // binds the port, to advertise it
    client.start();
    address = "127.0.0.1:" + connector.getLocalPort();
    node =
        Node.create(
            client,
            Config.builder(options.name(), address)
                .label(options.label())
                .enableTls(options.keyStore() != null)
                .sharder(sharders)
                .build());
    server.setHandler(node.handler().handler());
    server.start();
  }

  /**
   * Starts a node's server and the node, which stands alone until it {@link #join}s.
   *
   * @throws IllegalStateException if the server or client cannot start
   */
  static JavaNode start(Options options) {
    try {
      JavaNode javaNode = new JavaNode(options);
      javaNode.node.start(List.of());
      return javaNode;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Java node " + options.name(), e);
    }
  }

  /** Returns the node. */
  Node node() {
    return node;
  }

  @Override
  public String name() {
    return node.config().name();
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public List<Peer> peers() {
    return node.peers();
  }

  @Override
  public void join(List<String> addresses) {
    node.start(addresses);
  }

  @Override
  public void changeState(State to) {
    try {
      node.changeState(to).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(name() + ": state change to " + to + " was not gossiped", e);
    }
  }

  @Override
  public List<List<String>> owners(String sharder, int count, Op op, List<String> keys) {
    return sharders.owners(sharder, count, op, keys);
  }

  @Override
  public void leave() {
    node.stop();
  }

  @Override
  public void close() {
    node.stop();
    try {
      client.stop();
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Java node " + name(), e);
    }
  }

  @Override
  public String toString() {
    return name() + "@" + address;
  }
}
