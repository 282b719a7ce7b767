/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transport contract over loopback h2c, loopback TLS (ALPN h2) and the in-memory connector. */
@Timeout(120)
class GossipTransportTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldPingPong1000TimesOnOneStream(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      QueueListener listener = new QueueListener();
      StreamConnection stream = open(node, node.address, listener);
      for (int i = 0; i < 1000; i++) {
        byte[] ping = ("ping " + i).getBytes(StandardCharsets.UTF_8);
        assertTrue(stream.write(ping));
        assertArrayEquals(ping, listener.read(ping.length), "round trip " + i);
      }
      stream.close();
      assertNull(listener.awaitClosed(), "a graceful close on both sides is clean");
      assertEquals(1, listener.closedCalls.get());
      assertFalse(listener.overlapped);
      awaitNoStreams(node);
    }
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldServe200ConcurrentStreams(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      List<QueueListener> listeners = new ArrayList<>();
      List<CompletableFuture<StreamConnection>> opening = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        QueueListener listener = new QueueListener();
        listeners.add(listener);
        opening.add(node.transport.openStream(node.address, LONG, listener));
      }
      List<StreamConnection> streams = new ArrayList<>();
      for (CompletableFuture<StreamConnection> future : opening) {
        streams.add(future.get(30, TimeUnit.SECONDS));
      }
      // A dial completes on the response headers, possibly before the server registered its side.
      awaitTrue(() -> node.transport.metrics().openStreams() == 400); // 200 dialed + 200 accepted
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < streams.size(); i++) {
          assertTrue(streams.get(i).write(("s" + i + "r" + round).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < streams.size(); i++) {
          byte[] want = ("s" + i + "r" + round).getBytes(StandardCharsets.UTF_8);
          assertArrayEquals(want, listeners.get(i).read(want.length));
        }
      }
      streams.forEach(StreamConnection::close);
      for (QueueListener listener : listeners) {
        assertNull(listener.awaitClosed());
      }
      awaitNoStreams(node);
    }
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldCarryFramesOver64KiBBothWays(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      QueueListener listener = new QueueListener();
      StreamConnection stream = open(node, node.address, listener);
      Random random = new Random(42);
      for (int size : new int[] {65535, 65536, 300_000, 2 * 1024 * 1024}) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        assertTrue(stream.write(data));
        assertArrayEquals(data, listener.read(size), "frame of " + size + " bytes");
      }
      stream.close();
      assertNull(listener.awaitClosed());

      byte[] big = new byte[200_000];
      random.nextBytes(big);
      node.transport.sendPacket(node.address, big);
      RecordingSink.Packet packet = node.sink.packets.poll(20, TimeUnit.SECONDS);
      assertNotNull(packet);
      assertArrayEquals(big, packet.payload());
    }
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldAnswerADialerThatShutItsOutputDown(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      assertHalfClosedExchange(node);
      awaitNoStreams(node);
    }
  }

  /**
   * A request/reply exchange whose dialer ends its side after the request (as a Java node's
   * push/pull does): the server reads to the end, then answers and closes; both ends are clean.
   */
  static void assertHalfClosedExchange(TestNode node) throws Exception {
    node.sink.streams = accepted -> new AnswerAtEnd();
    try {
      QueueListener listener = new QueueListener();
      StreamConnection stream = open(node, node.address, listener);
      assertTrue(stream.write("part one, ".getBytes(StandardCharsets.UTF_8)));
      assertTrue(stream.write("part two".getBytes(StandardCharsets.UTF_8)));
      stream.shutdownOutput();
      assertFalse(stream.write(new byte[] {1}), "no writes after the output was shut down");
      byte[] want = "got: part one, part two".getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(want, listener.read(want.length));
      assertNull(listener.awaitClosed(), "both sides ended cleanly");
      assertEquals(1, listener.closedCalls.get());

      // The same with the request's last frame ending the dialer's side itself.
      QueueListener second = new QueueListener();
      StreamConnection again = open(node, node.address, second);
      assertTrue(again.write("one, ".getBytes(StandardCharsets.UTF_8)));
      assertTrue(again.writeLast("two".getBytes(StandardCharsets.UTF_8)));
      assertFalse(again.writeLast(new byte[] {1}), "no writes after the last one");
      want = "got: one, two".getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(want, second.read(want.length));
      assertNull(second.awaitClosed(), "both sides ended cleanly");
    } finally {
      node.sink.streams = RecordingSink.Echo::new;
    }
  }

  /** Collects a request until the dialer's side ends, then answers with it and closes. */
  private static final class AnswerAtEnd implements StreamListener {
    private final StringBuilder request = new StringBuilder();

    @Override
    public void onData(byte[] chunk) {
      request.append(new String(chunk, StandardCharsets.UTF_8));
    }

    @Override
    public void onInputEnded(StreamConnection stream) {
      assertTrue(stream.write(("got: " + request).getBytes(StandardCharsets.UTF_8)));
      stream.close();
    }

    @Override
    public void onClosed(Throwable cause) {}
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldSendPacketsBothWays(TestNode.Mode mode) throws Exception {
    try (TestNode b = TestNode.start(mode);
        TestNode a = TestNode.start(mode, b)) {
      if (mode == TestNode.Mode.MEMORY) {
        // b reaches a through a's memory connector too.
        assertNotNull(a.routes().get(a.address));
      }
      for (int i = 0; i < 50; i++) {
        a.transport.sendPacket(b.address, ("a->b " + i).getBytes(StandardCharsets.UTF_8));
      }
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        RecordingSink.Packet packet = b.sink.packets.poll(20, TimeUnit.SECONDS);
        assertNotNull(packet, "packet " + i);
        got.add(new String(packet.payload(), StandardCharsets.UTF_8));
        if (mode != TestNode.Mode.MEMORY) {
          assertTrue(packet.remoteAddr().startsWith("127.0.0.1:"), packet.remoteAddr());
        }
      }
      for (int i = 0; i < 50; i++) {
        assertTrue(got.contains("a->b " + i), "missing packet " + i + " in " + got);
      }
      // The other direction, over b's own client; for memory b can only reach itself.
      String target = mode == TestNode.Mode.MEMORY ? b.address : a.address;
      TestNode receiver = mode == TestNode.Mode.MEMORY ? b : a;
      b.transport.sendPacket(target, "b->a".getBytes(StandardCharsets.UTF_8));
      RecordingSink.Packet back = receiver.sink.packets.poll(20, TimeUnit.SECONDS);
      assertNotNull(back);
      assertEquals("b->a", new String(back.payload(), StandardCharsets.UTF_8));
      awaitTrue(() -> a.transport.packetsInFlight() == 0 && b.transport.packetsInFlight() == 0);
      assertEquals(0, a.transport.metrics().failedPackets());
    }
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldCloseStreamWhenItsTimeoutExpires(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      QueueListener serverSide = new QueueListener();
      node.sink.streams = c -> serverSide;
      QueueListener listener = new QueueListener();
      StreamConnection stream =
          node.transport
              .openStream(node.address, Duration.ofMillis(300), listener)
              .get(20, TimeUnit.SECONDS);
      assertTrue(stream.write(new byte[] {1}));
      Throwable cause = listener.awaitClosed();
      assertInstanceOf(TimeoutException.class, cause);
      assertNotNull(serverSide.awaitClosed(), "the accepting side sees the reset");
      assertFalse(stream.write(new byte[] {2}));
      awaitNoStreams(node);
    }
  }

  @ParameterizedTest
  @EnumSource(TestNode.Mode.class)
  void shouldCloseStreamsAndRefuseWorkWhenStopped(TestNode.Mode mode) throws Exception {
    try (TestNode node = TestNode.start(mode)) {
      QueueListener serverSide = new QueueListener();
      node.sink.streams = c -> serverSide;
      QueueListener listener = new QueueListener();
      open(node, node.address, listener);
      assertNotNull(node.sink.accepted.poll(20, TimeUnit.SECONDS), "the sink got the stream");
      node.transport.stop();
      assertInstanceOf(TransportException.class, listener.awaitClosed());
      assertInstanceOf(TransportException.class, serverSide.awaitClosed());
      assertEquals(0, node.transport.metrics().openStreams());
      node.transport.sendPacket(node.address, new byte[] {1});
      assertEquals(1, node.transport.metrics().droppedPackets());
      assertEquals(0, node.transport.queuedPackets());
      assertTrue(
          node.transport.openStream(node.address, LONG, new QueueListener())
              .isCompletedExceptionally());
    }
  }

  @org.junit.jupiter.api.Test
  void shouldServeStrippedPathsUnderAContextBesideTheApplication() throws Exception {
    java.util.function.Function<GossipTransport, org.eclipse.jetty.server.Handler> mount =
        t -> {
          org.eclipse.jetty.server.handler.ContextHandlerCollection contexts =
              new org.eclipse.jetty.server.handler.ContextHandlerCollection();
          contexts.addHandler(
              new org.eclipse.jetty.server.handler.ContextHandler(
                  t.handler(), GossipTransport.BASE_ROUTE));
          contexts.addHandler(
              new org.eclipse.jetty.server.handler.ContextHandler(
                  new org.eclipse.jetty.server.Handler.Abstract() {
                    @Override
                    public boolean handle(
                        org.eclipse.jetty.server.Request request,
                        org.eclipse.jetty.server.Response response,
                        org.eclipse.jetty.util.Callback callback) {
                      org.eclipse.jetty.io.Content.Sink.write(
                          response, true, "app", callback);
                      return true;
                    }
                  },
                  "/"));
          return contexts;
        };
    try (TestNode node = TestNode.start(TestNode.Mode.H2C, b -> {}, mount)) {
      QueueListener listener = new QueueListener();
      StreamConnection stream = open(node, node.address, listener);
      assertTrue(stream.write(new byte[] {7}));
      assertArrayEquals(new byte[] {7}, listener.read(1));
      stream.close();
      assertNull(listener.awaitClosed());
      node.transport.sendPacket(node.address, new byte[] {8});
      assertArrayEquals(
          new byte[] {8}, node.sink.packets.poll(20, TimeUnit.SECONDS).payload());
      assertEquals(
          "app",
          node.client
              .newRequest("http://" + node.address + "/somewhere")
              .timeout(10, TimeUnit.SECONDS)
              .send()
              .getContentAsString());
    }
  }

  static StreamConnection open(TestNode node, String addr, StreamListener listener)
      throws Exception {
    return node.transport.openStream(addr, LONG, listener).get(20, TimeUnit.SECONDS);
  }

  static void awaitNoStreams(TestNode node) throws InterruptedException {
    awaitTrue(() -> node.transport.metrics().openStreams() == 0);
  }

  /** Polls a condition until it holds, failing after 20 s. */
  static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      synchronized (monitor) {
        monitor.wait(5);
      }
    }
  }
}
