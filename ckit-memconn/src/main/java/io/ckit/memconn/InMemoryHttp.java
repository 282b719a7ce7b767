/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.memconn;

import java.util.Objects;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.MemoryConnector;
import org.eclipse.jetty.server.MemoryTransport;
import org.eclipse.jetty.server.Server;

/**
 * In-memory HTTP/2 from a node's own Jetty {@code HttpClient} to its own Jetty {@link Server}, with
 * no socket: the Jetty counterpart of using Go ckit's memconn for an HTTP server to call itself.
 *
 * <p>It only wires up Jetty's own {@link MemoryConnector} and {@link MemoryTransport} (compiled and
 * run in {@code InMemoryHttpExampleTest}):
 *
 * <!-- snippet: InMemoryHttpExampleTest#example -->
 * <pre>{@code
 * InMemoryHttp self = InMemoryHttp.addTo(server); // before server.start()
 * server.start();
 * HttpClient client = new HttpClient(
 *     new HttpClientTransportOverHTTP2(new HTTP2Client(new ClientConnector())));
 * client.start();
 * ContentResponse r = self.route(client.newRequest("http://localhost/path")).send();
 * }</pre>
 *
 * <p>Requirements and traps:
 *
 * <ul>
 *   <li>The connector speaks only h2c (HTTP/2 with prior knowledge), so the client must use an
 *       HTTP/2 client transport such as {@code HttpClientTransportOverHTTP2}, and request URIs must
 *       be {@code http://}. The host and port only key the client's connection pool and fill the
 *       {@code :authority} header; nothing is resolved or dialled. HTTP/1.x cannot reach this
 *       connector. It has no HTTP/1.1 factory because, placed first as on a TCP connector, that
 *       factory answers the h2c preface with 400 (it cannot make a host of the memory address).
 *   <li>The in-memory pipe runs the receiving side on the sending thread: the server parses
 *       requests and calls {@code Handler.handle} on the client thread that wrote, and client
 *       listeners may run on server threads. Handlers and listeners must not block there, or both
 *       sides stall until an idle timeout (30 s by default). Hand blocking stream loops to an
 *       executor.
 *   <li>Idle timeouts are the connector's ({@code connector().setIdleTimeout}) and the client's.
 * </ul>
 *
 * <p>Instances are immutable and thread safe. All requests routed through one instance share one
 * {@link Transport}, hence one client destination and its pooled connections.
 */
public final class InMemoryHttp {
  private final MemoryConnector connector;
  private final Transport transport;

  private InMemoryHttp(MemoryConnector connector) {
    this.connector = connector;
    this.transport = new MemoryTransport(connector);
  }

  /**
   * Adds an in-memory h2c connector to {@code server}, with a default {@link HttpConfiguration}.
   *
   * @param server the server to reach in memory; normally not yet started
   * @return the handle to route client requests through
   * @throws NullPointerException if {@code server} is {@code null}
   * @see #addTo(Server, HttpConfiguration)
   */
  public static InMemoryHttp addTo(Server server) {
    return addTo(server, new HttpConfiguration());
  }

  /**
   * Adds an in-memory connector to {@code server} whose first (and only) connection factory is
   * {@link HTTP2CServerConnectionFactory}, so that the client's h2c preface is understood.
   *
   * <p>Call it while setting the server up, before {@link Server#start()}; the connector is then
   * started and stopped with the server. The server needs no network connector for this.
   *
   * @param server the server to reach in memory
   * @param configuration the HTTP configuration of the h2c factory
   * @return the handle to route client requests through
   * @throws NullPointerException if an argument is {@code null}
   */
  public static InMemoryHttp addTo(Server server, HttpConfiguration configuration) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(configuration, "configuration");
    MemoryConnector connector =
        new MemoryConnector(server, new HTTP2CServerConnectionFactory(configuration));
    server.addConnector(connector);
    return new InMemoryHttp(connector);
  }

  /**
   * Returns the connector added to the server.
   *
   * @return the in-memory connector
   */
  public MemoryConnector connector() {
    return connector;
  }

  /**
   * Returns the transport to set on client requests with {@link Request#transport(Transport)} to
   * send them to the server in memory.
   *
   * @return the in-memory transport, the same instance on every call
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Sets the in-memory transport on a client request, so it goes to this server in memory.
   *
   * @param request a request with an {@code http://} URI, from an HTTP/2 capable {@code HttpClient}
   * @return {@code request}, for chaining
   * @throws IllegalArgumentException if the request's scheme is not {@code http}: in-memory
   *     HTTP/2 is h2c, with no TLS
   * @throws NullPointerException if {@code request} is {@code null}
   */
  public Request route(Request request) {
    Objects.requireNonNull(request, "request");
    if (!"http".equalsIgnoreCase(request.getScheme())) {
      throw new IllegalArgumentException(
          "in-memory HTTP/2 is h2c and needs an http:// URI, got " + request.getURI());
    }
    return request.transport(transport);
  }
}
