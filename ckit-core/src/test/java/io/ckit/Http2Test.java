/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static io.ckit.TestCluster.waitPeerCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ckit.internal.transport.TestCerts;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Http2}: two nodes mounted next to an application handler on one port each, over h2c and
 * over TLS, as its Javadoc shows (ckit-examples' {@code JavadocSnippetsTest} keeps them identical);
 * the application keeps answering HTTP/1.1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2Test {

  @Test
  void shouldRunNodesNextToAnApplicationOverH2c() throws Exception {
    Server server = new Server();
    // @start region=h2c
    ServerConnector connector = new ServerConnector(server);
    Http2.enable(connector); // before server.start()
    server.addConnector(connector);
    HttpClient client = Http2.newClient();
    client.start();
    // @end
    connector.setHost("127.0.0.1");
    assertEquals(
        List.of(HttpConnectionFactory.class, HTTP2CServerConnectionFactory.class),
        connector.getConnectionFactories().stream().map(Object::getClass).toList());
    runTwoNodes(server, connector, client, false);
  }

  @Test
  void shouldRunNodesNextToAnApplicationOverTls() throws Exception {
    Server server = new Server();
    String keyStore = TestCerts.keyStore().toString();
    String password = TestCerts.PASSWORD;
    // @start region=tls
    SslContextFactory.Server serverTls = new SslContextFactory.Server();
    serverTls.setKeyStorePath(keyStore);
    serverTls.setKeyStorePassword(password);
    ServerConnector connector = new ServerConnector(server, serverTls);
    Http2.enable(connector); // adds ALPN and h2 in front of HTTP/1.1
    server.addConnector(connector);
    SslContextFactory.Client clientTls = new SslContextFactory.Client();
    clientTls.setTrustStorePath(keyStore);
    clientTls.setTrustStorePassword(password);
    HttpClient client = Http2.newClient(clientTls);
    client.start();
    // @end
    connector.setHost("127.0.0.1");
    List<Class<?>> factories =
        connector.getConnectionFactories().stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(
        List.of(
            SslConnectionFactory.class,
            ALPNServerConnectionFactory.class,
            HTTP2ServerConnectionFactory.class,
            HttpConnectionFactory.class),
        factories);
    runTwoNodes(server, connector, client, true);
  }

  @Test
  void shouldLeaveAConfiguredConnectorAsItIs() {
    ServerConnector connector = new ServerConnector(new Server(), new SslContextFactory.Server());
    Http2.enable(connector);
    List<ConnectionFactory> once = List.copyOf(connector.getConnectionFactories());
    Http2.enable(connector);
    assertEquals(once, List.copyOf(connector.getConnectionFactories()));
  }

  private static void runTwoNodes(
      Server server, ServerConnector connector, HttpClient client, boolean tls) throws Exception {
    // Two nodes on one server would share the route; use one server per node, like a deployment.
    Server second = new Server();
    ServerConnector secondConnector =
        tls ? new ServerConnector(second, TestCluster.serverTls()) : new ServerConnector(second);
    secondConnector.setHost("127.0.0.1");
    Http2.enable(secondConnector);
    second.addConnector(secondConnector);
    connector.open();
    secondConnector.open();
    Node a = node(client, "node-a", connector.getLocalPort(), tls);
    Node b = node(client, "node-b", secondConnector.getLocalPort(), tls);
    Handler app =
        new Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request, Response response, Callback callback) {
            response.setStatus(HttpStatus.OK_200);
            response.write(true, java.nio.ByteBuffer.wrap("app".getBytes()), callback);
            return true;
          }
        };
    server.setHandler(new Handler.Sequence(a.handler().handler(), app));
    second.setHandler(b.handler().handler());
    server.start();
    second.start();
    HttpClient http1 = new HttpClient();
    if (tls) {
      http1.setSslContextFactory(TestCluster.clientTls());
    }
    http1.start();
    try {
      a.start(List.of());
      b.start(List.of(TestCluster.address(a)));
      waitPeerCount(a, 2);
      waitPeerCount(b, 2);
      String scheme = tls ? "https" : "http";
      ContentResponse response =
          http1.GET(scheme + "://127.0.0.1:" + connector.getLocalPort() + "/app");
      assertEquals("HTTP/1.1 200 app",
          response.getVersion() + " " + response.getStatus() + " " + response.getContentAsString());
      a.stop();
      b.stop();
    } finally {
      http1.stop();
      client.stop();
      server.stop();
      second.stop();
    }
  }

  private static Node node(HttpClient client, String name, int port, boolean tls) {
    return Node.create(
        client, Config.builder(name, "127.0.0.1:" + port).enableTls(tls).build());
  }

  @Test
  void shouldRefuseAStartedConnector() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.start();
    try {
      assertThrows(IllegalStateException.class, () -> Http2.enable(connector));
    } finally {
      server.stop();
    }
  }
}
