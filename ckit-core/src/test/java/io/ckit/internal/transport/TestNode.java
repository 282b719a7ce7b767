/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.MemoryConnector;
import org.eclipse.jetty.server.MemoryTransport;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One test node: a Jetty server serving a {@link GossipTransport}, and the HTTP/2 client the
 * transport dials with. Over loopback h2c, loopback TLS (ALPN h2, certificate from {@link
 * TestCerts}) or an in-memory connector. Public for the interop tests.
 */
public final class TestNode implements AutoCloseable {
  /** How the node is reached. */
  public enum Mode {
    H2C,
    TLS,
    MEMORY
  }

  private static int memoryNodes;

  /** How the node is reached. */
  public final Mode mode;
  /** The node's server. */
  public final Server server;
  /** The node's HTTP/2 client. */
  public final HttpClient client;
  /** The transport under test. */
  public final GossipTransport transport;
  /** The recording sink, or null if the node was started with another sink. */
  final RecordingSink sink;
  /** The address peers dial: {@code 127.0.0.1:port}, or a name routed to the memory connector. */
  public final String address;

  private TestNode(
      Mode mode,
      Server server,
      HttpClient client,
      GossipTransport transport,
      RecordingSink sink,
      String address) {
    this.mode = mode;
    this.server = server;
    this.client = client;
    this.transport = transport;
    this.sink = sink;
    this.address = address;
  }

  static TestNode start(Mode mode) {
    return start(mode, b -> {}, GossipTransport::handler);
  }

  /** Starts a node whose client can also reach {@code peer} (needed for in-memory peers). */
  static TestNode start(Mode mode, TestNode peer) {
    return start(mode, b -> b.routes(peer.routes()), GossipTransport::handler);
  }

  /**
   * Starts a node.
   *
   * @param tweak adjusts the transport config
   * @param handlerOf builds the server's root handler from the transport
   */
  static TestNode start(
      Mode mode,
      Consumer<TransportConfig.Builder> tweak,
      Function<GossipTransport, Handler> handlerOf) {
    return start(mode, new RecordingSink(), tweak, handlerOf);
  }

  /**
   * Starts a node with any sink, serving the transport's core handler.
   *
   * @param mode how the node is reached
   * @param sink receives what peers send
   * @return the started node; close it
   */
  public static TestNode start(Mode mode, TransportSink sink) {
    return start(mode, sink, b -> {}, GossipTransport::handler);
  }

  private static TestNode start(
      Mode mode,
      TransportSink sink,
      Consumer<TransportConfig.Builder> tweak,
      Function<GossipTransport, Handler> handlerOf) {
    try {
      Server server = new Server();
      HttpConfiguration http = new HttpConfiguration();
      MemoryConnector memory = null;
      switch (mode) {
        case H2C -> {
          ServerConnector connector =
              new ServerConnector(
                  server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
          connector.setHost("127.0.0.1");
          server.addConnector(connector);
        }
        case TLS -> {
          http.addCustomizer(new SecureRequestCustomizer());
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setKeyStorePath(TestCerts.keyStore().toString());
          ssl.setKeyStorePassword(TestCerts.PASSWORD);
          ssl.setKeyStoreType("PKCS12");
          HttpConnectionFactory h1 = new HttpConnectionFactory(http);
          HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
          ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
          alpn.setDefaultProtocol(h1.getProtocol());
          ServerConnector connector =
              new ServerConnector(
                  server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, h1);
          connector.setHost("127.0.0.1");
          server.addConnector(connector);
        }
        case MEMORY -> {
          memory = new MemoryConnector(server, new HTTP2CServerConnectionFactory(http));
          server.addConnector(memory);
        }
      }
      ClientConnector connector = new ClientConnector();
      if (mode == Mode.TLS) {
        connector.setSslContextFactory(clientSsl());
      }
      HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
      client.start();

      String address;
      Map<String, org.eclipse.jetty.io.Transport> ownRoute = Map.of();
      TransportConfig.Builder config = TransportConfig.builder().useTls(mode == Mode.TLS);
      if (memory != null) {
        address = "memory-" + nextMemoryId() + ".invalid:7946";
        ownRoute = Map.of(address, new MemoryTransport(memory));
      } else {
        address = null;
      }
      tweak.accept(config);
      config.routes(merge(config.build().routes(), ownRoute));
      GossipTransport transport = new GossipTransport(config.build(), client, sink);
      server.setHandler(handlerOf.apply(transport));
      server.start();
      transport.start();
      if (address == null) {
        address = "127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      }
      return new TestNode(
          mode,
          server,
          client,
          transport,
          sink instanceof RecordingSink recording ? recording : null,
          address);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a " + mode + " test node", e);
    }
  }

  private static Map<String, org.eclipse.jetty.io.Transport> merge(
      Map<String, org.eclipse.jetty.io.Transport> a, Map<String, org.eclipse.jetty.io.Transport> b) {
    Map<String, org.eclipse.jetty.io.Transport> all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }

  private static synchronized int nextMemoryId() {
    return ++memoryNodes;
  }

  static SslContextFactory.Client clientSsl() {
    SslContextFactory.Client ssl = new SslContextFactory.Client();
    ssl.setTrustStorePath(TestCerts.keyStore().toString());
    ssl.setTrustStorePassword(TestCerts.PASSWORD);
    ssl.setTrustStoreType("PKCS12");
    return ssl;
  }

  /** Returns a transport config route so {@code other}'s client can reach this memory node. */
  Map<String, org.eclipse.jetty.io.Transport> routes() {
    return transport.config().routes();
  }

  /** Returns the port of a TCP node. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() {
    transport.stop();
    try {
      client.stop();
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop test node " + address, e);
    }
  }
}
