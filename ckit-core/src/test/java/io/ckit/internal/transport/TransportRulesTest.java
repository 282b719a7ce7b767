/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.transport.TransportMetrics.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's status rules, malformed frames, the packet queue policy and the stream backlog policy. */
@Timeout(60)
class TransportRulesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void shouldAnswerHttp11With505BeforeCheckingContentType() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C)) {
      HttpClient http11 = new HttpClient();
      http11.start();
      try {
        for (String path : new String[] {GossipTransport.MESSAGE_PATH, GossipTransport.STREAM_PATH}) {
          ContentResponse response =
              http11
                  .newRequest("http://" + node.address + path)
                  .method(HttpMethod.POST)
                  .body(new BytesRequestContent("text/plain", new byte[] {1}))
                  .timeout(10, TimeUnit.SECONDS)
                  .send();
          assertEquals(505, response.getStatus(), path);
          assertEquals(0, response.getContent().length, "no body, like Go");
        }
        assertEquals(2, node.transport.metrics().rejected(Rejection.HTTP_VERSION));
      } finally {
        http11.stop();
      }
    }
  }

  @Test
  void shouldAnswerWrongContentTypeWith400() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C)) {
      for (String type : new String[] {"application/octet-stream", "application/x.ckit; charset=utf-8"}) {
        for (String path : new String[] {GossipTransport.MESSAGE_PATH, GossipTransport.STREAM_PATH}) {
          assertEquals(400, post(node, path, type, Frames.encode(new byte[] {1})).getStatus());
        }
      }
      assertEquals(4, node.transport.metrics().rejected(Rejection.CONTENT_TYPE));
      assertTrue(node.sink.packets.isEmpty());
    }
  }

  @Test
  void shouldAnswer503BeforeStartAndAfterStop() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C)) {
      node.transport.stop();
      assertEquals(503, post(node, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
          Frames.encode(new byte[] {1})).getStatus());
      assertEquals(503, post(node, GossipTransport.STREAM_PATH, GossipTransport.CONTENT_TYPE,
          new byte[0]).getStatus());
      assertEquals(2, node.transport.metrics().rejected(Rejection.STOPPED));
    }
  }

  @Test
  void shouldDeliverFramesBeforeAMalformedOneAndAnswer400() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C)) {
      byte[] body = HEX.parseHex("cc0002aaaacc0001bbee00");
      assertEquals(400, post(node, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE, body)
          .getStatus());
      assertEquals("aaaa", HEX.formatHex(node.sink.packets.poll(10, TimeUnit.SECONDS).payload()));
      assertEquals("bb", HEX.formatHex(node.sink.packets.poll(10, TimeUnit.SECONDS).payload()));
      assertTrue(node.sink.packets.isEmpty());

      assertEquals(400, post(node, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
          HEX.parseHex("cc0005aa")).getStatus(), "truncated payload");
      assertEquals(200, post(node, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
          new byte[0]).getStatus(), "an empty body has no frames and is fine");
      assertEquals(2, node.transport.metrics().frameErrors());
    }
  }

  @Test
  void shouldRejectOversizeFrameHeaderWithoutAllocating() throws Exception {
    try (TestNode node =
        TestNode.start(TestNode.Mode.H2C, b -> b.maxFrameBytes(1 << 20), GossipTransport::handler)) {
      ContentResponse response =
          post(node, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
              HEX.parseHex("cdffffffff00"));
      assertEquals(400, response.getStatus());
      assertEquals(1, node.transport.metrics().frameErrors());

      // On a stream the same header fails the stream: the acceptor resets it.
      QueueListener serverSide = new QueueListener();
      node.sink.streams = c -> serverSide;
      org.eclipse.jetty.client.AsyncRequestContent content =
          new org.eclipse.jetty.client.AsyncRequestContent(GossipTransport.CONTENT_TYPE);
      CompletableFuture<org.eclipse.jetty.client.Result> result = new CompletableFuture<>();
      node.client
          .newRequest("http://" + node.address + GossipTransport.STREAM_PATH)
          .method(HttpMethod.POST)
          .body(content)
          .send(result::complete);
      content.write(java.nio.ByteBuffer.wrap(HEX.parseHex("cdffffffff")), Callback.NOOP);
      Throwable cause = serverSide.awaitClosed();
      assertInstanceOf(TransportException.class, cause);
      assertTrue(cause.getMessage().contains("4294967295"), cause.getMessage());
      assertTrue(result.get(10, TimeUnit.SECONDS).isFailed(), "the dialer sees a reset");
      assertEquals(2, node.transport.metrics().frameErrors());
      GossipTransportTest.awaitNoStreams(node);
    }
  }

  @Test
  void shouldDropOldestQueuedPacketWhenFull() throws Exception {
    Gate gate = new Gate();
    try (TestNode node =
        TestNode.start(
            TestNode.Mode.H2C,
            b -> b.maxPacketsInFlight(1).packetQueueCapacity(1000),
            t -> gate.in(t.handler()))) {
      node.transport.sendPacket(node.address, label(0));
      GossipTransportTest.awaitTrue(() -> gate.held() == 1);
      assertEquals(1, node.transport.packetsInFlight());
      for (int i = 1; i <= 1001; i++) {
        node.transport.sendPacket(node.address, label(i));
      }
      assertEquals(1000, node.transport.queuedPackets());
      assertEquals(1, node.transport.metrics().droppedPackets());
      gate.open();
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 1001; i++) {
        RecordingSink.Packet packet = node.sink.packets.poll(20, TimeUnit.SECONDS);
        assertNotNull(packet, "packet " + i);
        got.add(new String(packet.payload(), StandardCharsets.UTF_8));
      }
      assertEquals("p0", got.get(0));
      assertEquals("p2", got.get(1), "p1 was the oldest queued packet and was dropped");
      assertEquals("p1001", got.get(1000));
      assertFalse(got.contains("p1"));
      GossipTransportTest.awaitTrue(() -> node.transport.packetsInFlight() == 0);
      assertEquals(0, node.transport.queuedPackets());
    }
  }

  /**
   * Stop drops queued packets at once, and gives packets in flight at most the packet timeout to
   * finish (see {@code PacketStopTest}) before aborting them; here they never get an answer.
   */
  @Test
  void shouldDropQueuedPacketsAndAbortInFlightOnesAfterThePacketTimeoutOnStop() throws Exception {
    Gate gate = new Gate();
    try (TestNode node =
        TestNode.start(
            TestNode.Mode.H2C,
            b -> b.maxPacketsInFlight(2).packetTimeout(Duration.ofMillis(300)),
            t -> gate.in(t.handler()))) {
      for (int i = 0; i < 5; i++) {
        node.transport.sendPacket(node.address, label(i));
      }
      GossipTransportTest.awaitTrue(() -> gate.held() == 2);
      node.transport.stop();
      assertEquals(3, node.transport.metrics().droppedPackets());
      GossipTransportTest.awaitTrue(() -> node.transport.packetsInFlight() == 0);
      assertEquals(0, node.transport.queuedPackets());
      GossipTransportTest.awaitTrue(() -> node.transport.metrics().failedPackets() == 2);
    }
  }

  @Test
  void shouldTimeOutPacketRequests() throws Exception {
    Gate gate = new Gate();
    try (TestNode node =
        TestNode.start(
            TestNode.Mode.H2C,
            b -> b.packetTimeout(Duration.ofMillis(200)),
            t -> gate.in(t.handler()))) {
      node.transport.sendPacket(node.address, label(0));
      GossipTransportTest.awaitTrue(() -> node.transport.metrics().failedPackets() == 1);
      assertEquals(0, node.transport.packetsInFlight());
      gate.open();
    }
  }

  @Test
  void shouldFailStreamWhenOutboundBacklogOverflows() throws Exception {
    try (TestNode node =
        TestNode.start(TestNode.Mode.H2C, b -> b.streamBacklogBytes(1000), GossipTransport::handler)) {
      QueueListener listener = new QueueListener();
      StreamConnection stream = GossipTransportTest.open(node, node.address, listener);
      assertFalse(stream.write(new byte[2000]), "a frame larger than the backlog limit");
      Throwable cause = listener.awaitClosed();
      assertInstanceOf(TransportException.class, cause);
      assertTrue(cause.getMessage().contains("exceeds the limit of 1000"), cause.getMessage());
      assertFalse(stream.write(new byte[1]));
      GossipTransportTest.awaitNoStreams(node);
    }
  }

  @Test
  void shouldFailDialWhenPeerRejectsStream() throws Exception {
    try (TestNode node = TestNode.start(TestNode.Mode.H2C);
        TestNode stopped = TestNode.start(TestNode.Mode.H2C)) {
      stopped.transport.stop();
      CompletableFuture<StreamConnection> future =
          node.transport.openStream(stopped.address, Duration.ofSeconds(10), new QueueListener());
      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
      assertTrue(String.valueOf(e.getCause()).contains("503"), String.valueOf(e.getCause()));
    }
  }

  @Test
  void shouldStampPacketsWithTheInjectedClockAndThePeerAddress() throws Exception {
    try (TestNode node =
        TestNode.start(TestNode.Mode.H2C, b -> b.nanoClock(() -> 42L), GossipTransport::handler)) {
      node.transport.sendPacket(node.address, new byte[] {1});
      RecordingSink.Packet packet = node.sink.packets.poll(20, TimeUnit.SECONDS);
      assertNotNull(packet);
      assertEquals(42L, packet.receivedNanos());
      assertTrue(packet.remoteAddr().matches("127\\.0\\.0\\.1:\\d+"), packet.remoteAddr());
    }
  }

  @Test
  void shouldRefuseToStartTlsWithoutAnAlpnClientProcessor() throws Exception {
    HttpClient client = new HttpClient();
    client.start();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(
        new ClassLoader(original) {
          @Override
          public java.util.Enumeration<java.net.URL> getResources(String name)
              throws java.io.IOException {
            return name.startsWith("META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor")
                ? java.util.Collections.emptyEnumeration()
                : super.getResources(name);
          }
        });
    try {
      GossipTransport tls =
          new GossipTransport(
              TransportConfig.builder().useTls(true).build(), client, new RecordingSink());
      IllegalStateException e =
          org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, tls::start);
      assertTrue(e.getMessage().contains("jetty-alpn-java-client"), e.getMessage());
    } finally {
      thread.setContextClassLoader(original);
      client.stop();
    }
    GossipTransport plain =
        new GossipTransport(TransportConfig.builder().build(), client, new RecordingSink());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, plain::start, "the client is stopped");
  }

  private static byte[] label(int i) {
    return ("p" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static ContentResponse post(TestNode node, String path, String type, byte[] body)
      throws Exception {
    return node.client
        .newRequest("http://" + node.address + path)
        .method(HttpMethod.POST)
        .body(new BytesRequestContent(type, body))
        .timeout(10, TimeUnit.SECONDS)
        .send();
  }

  /** Holds /message requests before the transport's handler until opened; never blocks. */
  static final class Gate {
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    Handler in(Handler inner) {
      return new Handler.Wrapper(inner) {
        @Override
        public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
          synchronized (Gate.this) {
            if (!open) {
              held.add(
                  () -> {
                    try {
                      inner.handle(request, response, callback);
                    } catch (Exception e) {
                      callback.failed(e);
                    }
                  });
              return true;
            }
          }
          return inner.handle(request, response, callback);
        }
      };
    }

    synchronized int held() {
      return held.size();
    }

    void open() {
      List<Runnable> release;
      synchronized (this) {
        open = true;
        release = new ArrayList<>(held);
        held.clear();
      }
      release.forEach(Runnable::run);
    }
  }
}
