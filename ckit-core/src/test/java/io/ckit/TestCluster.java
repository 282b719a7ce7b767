/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import io.ckit.internal.transport.TestCerts;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.MemoryConnector;
import org.eclipse.jetty.server.MemoryTransport;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Real ckit nodes for tests: each node gets its own Jetty server, reached over loopback h2c,
 * loopback TLS (ALPN h2, a test certificate) or an in-memory connector, and all share one HTTP/2
 * client. Set up with {@link Http2}, as a user would.
 *
 * <p>In memory, every server is created up front (a fixed pool of slots with made-up addresses
 * {@code 127.0.0.1:2xxxx}) so that every node's transport can route to every other. Use from one
 * test thread; {@link #close()} stops every node, server and the client.
 */
final class TestCluster implements AutoCloseable {
  /** How nodes reach each other. */
  enum Mode {
    H2C,
    TLS,
    MEMORY
  }

  /** How long a test waits for the cluster to reach a condition. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final int MEMORY_SLOTS = 8;

  private final Mode mode;
  private final HttpClient client;
  private final List<Slot> free = new ArrayList<>();
  private final Map<String, org.eclipse.jetty.io.Transport> routes = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Slot> slots = new ArrayList<>();

  /** One Jetty server and the address its node advertises. */
  private static final class Slot {
    final Server server;
    final String address;
    volatile Handler handler;

    Slot(Server server, String address) {
      this.server = server;
      this.address = address;
    }
  }

  TestCluster(Mode mode) {
    this.mode = mode;
    try {
      client = mode == Mode.TLS ? Http2.newClient(clientTls()) : Http2.newClient();
      client.start();
      if (mode == Mode.MEMORY) {
        for (int i = 0; i < MEMORY_SLOTS; i++) {
          Server server = new Server();
          MemoryConnector connector =
              new MemoryConnector(server, new HTTP2CServerConnectionFactory());
          server.addConnector(connector);
          Slot slot = new Slot(server, "127.0.0.1:" + (20001 + i));
          server.setHandler(new Switch(slot));
          server.start();
          routes.put(slot.address, new MemoryTransport(connector));
          free.add(slot);
          slots.add(slot);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the " + mode + " test cluster", e);
    }
  }

  /** Creates a node with test defaults; it is stopped on {@link #close()}. */
  Node node(String name) {
    return node(name, b -> b);
  }

  /** Creates a node, customizing its configuration. */
  Node node(String name, UnaryOperator<Config.Builder> customize) {
    Slot slot = slot();
    Config config =
        customize.apply(Config.builder(name, slot.address).enableTls(mode == Mode.TLS)).build();
    Node node = Node.create(client, config, settings -> settings.routes(routes));
    slot.handler = node.handler().handler();
    nodes.add(node);
    return node;
  }

  /** Returns the address a node advertises (for {@link Node#start}). */
  static String address(Node node) {
    return node.config().advertiseAddr();
  }

  private Slot slot() {
    if (mode == Mode.MEMORY) {
      if (free.isEmpty()) {
        throw new IllegalStateException("all " + MEMORY_SLOTS + " memory slots are used");
      }
      return free.remove(0);
    }
    try {
      Server server = new Server();
      ServerConnector connector =
          mode == Mode.TLS ? new ServerConnector(server, serverTls()) : new ServerConnector(server);
      connector.setHost("127.0.0.1");
      Http2.enable(connector);
      server.addConnector(connector);
      Slot[] holder = new Slot[1];
      server.setHandler(new Switch(() -> holder[0]));
      server.start();
      Slot slot = new Slot(server, "127.0.0.1:" + connector.getLocalPort());
      holder[0] = slot;
      slots.add(slot);
      return slot;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a " + mode + " server", e);
    }
  }

  /** Routes every request to the slot's current node handler (404 without one). */
  private static final class Switch extends Handler.Abstract.NonBlocking {
    private final java.util.function.Supplier<Slot> slot;

    Switch(Slot slot) {
      this(() -> slot);
    }

    Switch(java.util.function.Supplier<Slot> slot) {
      this.slot = slot;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Slot current = slot.get();
      Handler handler = current == null ? null : current.handler;
      return handler != null && handler.handle(request, response, callback);
    }
  }

  static SslContextFactory.Server serverTls() {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(TestCerts.keyStore().toString());
    tls.setKeyStorePassword(TestCerts.PASSWORD);
    tls.setKeyStoreType("PKCS12");
    return tls;
  }

  static SslContextFactory.Client clientTls() {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setTrustStorePath(TestCerts.keyStore().toString());
    tls.setTrustStorePassword(TestCerts.PASSWORD);
    tls.setTrustStoreType("PKCS12");
    return tls;
  }

  /**
   * Waits until {@code check} holds for {@code node}, re-checking whenever its peers change (Go's
   * {@code waitClusterState}).
   *
   * @throws AssertionError if it does not hold within {@link #WAIT}
   */
  static void waitUntil(Node node, Predicate<Node> check, String what) {
    CountDownLatch done = new CountDownLatch(1);
    node.observe(
        peers -> {
          if (check.test(node)) {
            done.countDown();
            return false;
          }
          return true;
        });
    if (check.test(node)) {
      return;
    }
    try {
      if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(node + ": " + what + " not reached within " + WAIT
            + "; peers " + describe(node.peers()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits until {@code node} sees {@code peer} in {@code state} (Go's {@code waitPeerState}). */
  static void waitPeerState(Node node, String peer, State state) {
    waitUntil(
        node,
        n -> n.peers().stream().anyMatch(p -> p.name().equals(peer) && p.state() == state),
        peer + " in state " + state);
  }

  /** Waits until {@code node} knows exactly {@code count} peers, itself included. */
  static void waitPeerCount(Node node, int count) {
    waitUntil(node, n -> n.peers().size() == count, count + " peers");
  }

  static String describe(List<Peer> peers) {
    return peers.stream().map(p -> p.name() + "@" + p.addr() + "(" + p.state() + ")").toList()
        .toString();
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      try {
        node.stop();
      } catch (RuntimeException e) {
        e.printStackTrace();
      }
    }
    for (Slot slot : slots) {
      try {
        slot.server.stop();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }
    try {
      client.stop();
    } catch (Exception e) {
      e.printStackTrace();
    }
  }
}
