/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Jetty HTTP/2 set-up a {@link Node} needs, in one call per side: ckit nodes talk HTTP/2 only,
 * as h2c with prior knowledge (plain) or as h2 negotiated by ALPN (TLS), and a typical Jetty
 * connector or client speaks HTTP/1.1 until told otherwise.
 *
 * <p>Plain (h2c), compiled from {@code Http2Test}:
 *
 * <!-- snippet: Http2Test#h2c -->
 * <pre>{@code
 * ServerConnector connector = new ServerConnector(server);
 * Http2.enable(connector); // before server.start()
 * server.addConnector(connector);
 * HttpClient client = Http2.newClient();
 * client.start();
 * }</pre>
 *
 * <p>TLS (set {@link Config#enableTls()} on every node):
 *
 * <!-- snippet: Http2Test#tls -->
 * <pre>{@code
 * SslContextFactory.Server serverTls = new SslContextFactory.Server();
 * serverTls.setKeyStorePath(keyStore);
 * serverTls.setKeyStorePassword(password);
 * ServerConnector connector = new ServerConnector(server, serverTls);
 * Http2.enable(connector); // adds ALPN and h2 in front of HTTP/1.1
 * server.addConnector(connector);
 * SslContextFactory.Client clientTls = new SslContextFactory.Client();
 * clientTls.setTrustStorePath(keyStore);
 * clientTls.setTrustStorePassword(password);
 * HttpClient client = Http2.newClient(clientTls);
 * client.start();
 * }</pre>
 *
 * <p>Stateless; the methods configure objects that are not yet started.
 */
public final class Http2 {
  private Http2() {}

  /**
   * Creates a Jetty client that speaks HTTP/2 only: h2c with prior knowledge to {@code http} URLs
   * (as Go's {@code http2.Transport{AllowHTTP: true}}), h2 over TLS with ALPN to {@code https} URLs
   * using the JVM's default trust. The caller starts and stops it.
   *
   * @return a new, unstarted client
   */
  public static HttpClient newClient() {
    return new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(new ClientConnector())));
  }

  /**
   * Creates a Jetty client that speaks HTTP/2 only, with the given TLS settings for {@code https}
   * peers (h2 negotiated by ALPN; the {@code jetty-alpn-java-client} jar must be on the class or
   * module path, which ckit-core depends on). The caller starts and stops it.
   *
   * @param tls the client TLS settings (trust store, or trust-all for tests)
   * @return a new, unstarted client
   */
  public static HttpClient newClient(SslContextFactory.Client tls) {
    Objects.requireNonNull(tls, "tls");
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(tls);
    return new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
  }

  /**
   * Adds HTTP/2 to a server connector that is not started yet, keeping what it serves:
   *
   * <ul>
   *   <li>a plain connector gets {@code HTTP2CServerConnectionFactory} after its HTTP/1.1 factory,
   *       so it serves HTTP/1.1 and h2c (prior knowledge and upgrade) on one port;
   *   <li>a TLS connector (one with an {@link SslConnectionFactory}) gets ALPN and {@code
   *       HTTP2ServerConnectionFactory}, h2 preferred and HTTP/1.1 the default for clients without
   *       ALPN (which ckit answers with 505).
   * </ul>
   *
   * <p>The HTTP/2 factories share the connector's {@link HttpConfiguration}. Calling it twice does
   * nothing more.
   *
   * @param connector the connector, not started
   * @throws IllegalStateException if the connector is already started
   */
  public static void enable(ServerConnector connector) {
    Objects.requireNonNull(connector, "connector");
    if (connector.isStarted()) {
      throw new IllegalStateException("enable HTTP/2 before the connector starts");
    }
    HttpConnectionFactory http1 = connector.getConnectionFactory(HttpConnectionFactory.class);
    HttpConfiguration http = http1 != null ? http1.getHttpConfiguration() : new HttpConfiguration();
    SslConnectionFactory ssl = connector.getConnectionFactory(SslConnectionFactory.class);
    if (ssl == null) {
      if (connector.getConnectionFactory(HTTP2CServerConnectionFactory.class) == null) {
        connector.addConnectionFactory(new HTTP2CServerConnectionFactory(http));
      }
      return;
    }
    if (connector.getConnectionFactory(HTTP2ServerConnectionFactory.class) != null) {
      return;
    }
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    if (http1 != null) {
      alpn.setDefaultProtocol(http1.getProtocol());
    }
    // Order matters: TLS, then ALPN, then h2 before HTTP/1.1 so that ALPN prefers h2.
    List<ConnectionFactory> factories = new ArrayList<>();
    factories.add(new SslConnectionFactory(ssl.getSslContextFactory(), alpn.getProtocol()));
    factories.add(alpn);
    factories.add(new HTTP2ServerConnectionFactory(http));
    for (ConnectionFactory factory : connector.getConnectionFactories()) {
      if (factory != ssl) {
        factories.add(factory);
      }
    }
    connector.setConnectionFactories(factories);
  }
}
