/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The servlet variant, mounted in an ee10 {@link ServletContextHandler} beside an application
 * servlet, over h2c, TLS and the in-memory connector.
 */
@Timeout(120)
class GossipServletTest {
  private static final HexFormat HEX = HexFormat.of();

  static Handler mount(GossipTransport transport) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new AppServlet()), "/app/*");
    ServletHolder gossip = new ServletHolder(new GossipServlet(transport));
    gossip.setAsyncSupported(true);
    context.addServlet(gossip, GossipTransport.BASE_ROUTE + "/*");
    return context;
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldServeStreamsPacketsAndTheAppSideBySide(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode, b -> {}, GossipServletTest::mount)) {
      // 1000 round trips on one stream, then frames over 64 KiB.
      QueueListener listener = new QueueListener();
      StreamConnection stream = GossipTransportTest.open(node, node.address, listener);
      for (int i = 0; i < 1000; i++) {
        byte[] ping = ("ping " + i).getBytes(StandardCharsets.UTF_8);
        assertTrue(stream.write(ping));
        assertArrayEquals(ping, listener.read(ping.length));
      }
      byte[] big = new byte[300_000];
      new Random(1).nextBytes(big);
      assertTrue(stream.write(big));
      assertArrayEquals(big, listener.read(big.length));
      stream.close();
      assertNull(listener.awaitClosed());

      // 200 concurrent streams.
      List<QueueListener> listeners = new ArrayList<>();
      List<CompletableFuture<StreamConnection>> opening = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        QueueListener l = new QueueListener();
        listeners.add(l);
        opening.add(
            node.transport.openStream(node.address, java.time.Duration.ofSeconds(60), l));
      }
      for (int i = 0; i < 200; i++) {
        StreamConnection s = opening.get(i).get(30, TimeUnit.SECONDS);
        byte[] msg = ("s" + i).getBytes(StandardCharsets.UTF_8);
        assertTrue(s.write(msg));
        assertArrayEquals(msg, listeners.get(i).read(msg.length));
        s.close();
      }
      for (QueueListener l : listeners) {
        assertNull(l.awaitClosed());
      }
      GossipTransportTest.assertHalfClosedExchange(node);
      GossipTransportTest.awaitNoStreams(node);

      // Packets, several frames in one body.
      for (int i = 0; i < 20; i++) {
        node.transport.sendPacket(node.address, ("packet " + i).getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < 20; i++) {
        assertNotNull(node.sink.packets.poll(20, TimeUnit.SECONDS), "packet " + i);
      }
      {
        byte[] body = HEX.parseHex("cc0001aacc0001bb");
        assertEquals(200, post(node.client, node, GossipTransport.MESSAGE_PATH,
            GossipTransport.CONTENT_TYPE, body).getStatus());
        assertEquals("aa", HEX.formatHex(node.sink.packets.poll(10, TimeUnit.SECONDS).payload()));
        assertEquals("bb", HEX.formatHex(node.sink.packets.poll(10, TimeUnit.SECONDS).payload()));
      }

      // The application beside it still works.
      {
        ContentResponse app =
            route(node, node.client.newRequest(scheme(node) + node.address + "/app/hello"))
                .timeout(10, TimeUnit.SECONDS)
                .send();
        assertEquals(200, app.getStatus());
        assertEquals("hello", app.getContentAsString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestNode.Mode.class, names = "H2C")
  void shouldApplyGoStatusRules(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode, b -> {}, GossipServletTest::mount)) {
      HttpClient http11 = new HttpClient();
      http11.start();
      try {
        assertEquals(505, post(http11, node, GossipTransport.MESSAGE_PATH, "text/plain",
            new byte[] {1}).getStatus());
        assertEquals(505, post(http11, node, GossipTransport.STREAM_PATH,
            GossipTransport.CONTENT_TYPE, new byte[0]).getStatus());
        assertEquals(200, http11.newRequest("http://" + node.address + "/app/x")
            .timeout(10, TimeUnit.SECONDS).send().getStatus(), "HTTP/1.1 still reaches the app");
      } finally {
        http11.stop();
      }
      assertEquals(400, post(node.client, node, GossipTransport.MESSAGE_PATH, "text/plain",
          new byte[] {1}).getStatus());
      assertEquals(400, post(node.client, node, GossipTransport.MESSAGE_PATH,
          GossipTransport.CONTENT_TYPE, HEX.parseHex("cc0001aaff")).getStatus());
      assertEquals("aa", HEX.formatHex(node.sink.packets.poll(10, TimeUnit.SECONDS).payload()));
      assertEquals(404, post(node.client, node, GossipTransport.BASE_ROUTE + "/other",
          GossipTransport.CONTENT_TYPE, new byte[0]).getStatus());
      node.transport.stop();
      assertEquals(503, post(node.client, node, GossipTransport.MESSAGE_PATH,
          GossipTransport.CONTENT_TYPE, new byte[0]).getStatus());
    }
  }

  private static ContentResponse post(
      HttpClient client, TestNode node, String path, String type, byte[] body) throws Exception {
    return route(node, client.newRequest(scheme(node) + node.address + path))
        .method(HttpMethod.POST)
        .body(new BytesRequestContent(type, body))
        .timeout(10, TimeUnit.SECONDS)
        .send();
  }

  private static String scheme(TestNode node) {
    return node.mode == TestNode.Mode.TLS ? "https://" : "http://";
  }

  private static org.eclipse.jetty.client.Request route(
      TestNode node, org.eclipse.jetty.client.Request request) {
    org.eclipse.jetty.io.Transport memory = node.routes().get(node.address);
    return memory == null ? request : request.transport(memory);
  }

  /** The embedding application's own servlet. */
  static final class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().print("hello");
    }
  }
}
