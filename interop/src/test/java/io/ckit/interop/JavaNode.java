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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Java ckit node as a user would run it: its own Jetty server on loopback (h2c, or TLS with ALPN
 * h2 and a keytool-made certificate), its own HTTP/2 client, both set up with {@link Http2}, and a
 * {@link SharderSet} as its {@code Config.sharder}. Runs in the test's JVM, or in a child JVM
 * behind {@link JavaPeerMain}. {@link #close()} stops the node, the server and the client.
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

  /** The node's server. */
  final Server server;
  /** The node's HTTP/2 client. */
  final HttpClient client;
  /** The node. */
  final Node node;
  /** The {@code 127.0.0.1:port} the node advertises. */
  final String address;

  private final SharderSet sharders = new SharderSet();

  private JavaNode(Options options, UnaryOperator<Config.Builder> customize) throws Exception {
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
            customize
                .apply(
                    Config.builder(options.name(), address)
                        .label(options.label())
                        .enableTls(options.keyStore() != null)
                        .sharder(sharders))
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
      JavaNode javaNode = new JavaNode(options, b -> b);
      javaNode.node.start(List.of());
      return javaNode;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Java node " + options.name(), e);
    }
  }

  /**
   * Starts a node's server, over h2c or TLS with the test certificate, but not the node: the caller
   * {@link Node#start}s it.
   *
   * @param customize adjusts the node's configuration
   * @throws IllegalStateException if the server or client cannot start
   */
  static JavaNode start(String name, boolean tls, UnaryOperator<Config.Builder> customize) {
    try {
      return new JavaNode(Options.of(name, tls), customize);
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
  public void joinOnce(List<String> addresses) {
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
    try {
      node.stop();
    } finally {
      try {
        server.stop();
        client.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop Java node " + name(), e);
      }
    }
  }

  @Override
  public String toString() {
    return name() + "@" + address;
  }
}
