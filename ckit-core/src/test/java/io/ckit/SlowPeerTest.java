/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.cluster.NodeRuntime;
import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.StreamConnection;
import io.ckit.internal.transport.StreamListener;
import io.ckit.internal.transport.TransportConfig;
import io.ckit.internal.transport.TransportSink;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and stalled peers holding streams open against real nodes over real Jetty: a peer that
 * accepts {@code /stream} and never answers, one that answers a byte at a time, and clients that
 * open {@code /stream} to a node and never finish a message. A dialed stream ends by the stream
 * timeout, an accepted one is expired by it, at most 128 accepted streams are held at once (the
 * rest are closed and counted), no stream is left open afterwards, and the node keeps working.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlowPeerTest {
  private LoopbackCluster cluster;
  private LoopbackCluster.Member a;
  private LoopbackCluster.Member b;
  private FakePeer fake;

  @BeforeEach
  void start() {
    cluster = new LoopbackCluster(42, c -> c);
    List<LoopbackCluster.Member> nodes = cluster.startAll("slow", 2);
    a = nodes.get(0);
    b = nodes.get(1);
    fake = new FakePeer("127.42.9.9");
    assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0);
  }

  @AfterEach
  void stop() {
    cluster.close();
    fake.close();
  }

  private static long openStreams(LoopbackCluster.Member m) {
    NodeRuntime runtime = m.node().runtime();
    return runtime.transport().metrics().openStreams() + runtime.diagnostics().openAcceptedStreams();
  }

  private void assertNoStreamLeftAndStillWorking() {
    assertTrue(
        LoopbackCluster.await(() -> openStreams(a) == 0 && openStreams(b) == 0,
            Duration.ofSeconds(10)) >= 0,
        "every stream was closed: a=" + openStreams(a) + " b=" + openStreams(b));
    // Still working: a third node joins through a and everyone converges.
    cluster.add("slow-late").start(List.of(a));
    assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0);
  }

  @Test
  void shouldFailAJoinThroughAPeerThatNeverAnswersStreams() {
    fake.mode(FakePeer.Mode.STALL);
    long start = System.nanoTime();
    assertThrows(CkitException.class, () -> a.node().start(List.of(fake.address())));
    long took = System.nanoTime() - start;
    Duration timeout = a.node().config().streamTimeout();
    System.out.printf("[real] join through a stalled peer failed after %.2f s (stream timeout %s)%n",
        took / 1e9, timeout);
    assertTrue(fake.streams() >= 1);
    assertTrue(took >= timeout.toNanos(), "it waited for the stream timeout");
    assertTrue(a.counter(SwimCounter.PUSH_PULL_FAILED) >= 1);
    assertNoStreamLeftAndStillWorking();
  }

  @Test
  void shouldFailAJoinWhoseAnswerDripsPastTheStreamTimeout() {
    fake.mode(FakePeer.Mode.DRIP);
    fake.byteDelay(Duration.ofMillis(100)); // a ~90-byte reply takes ~9 s, the timeout is 2 s
    assertThrows(CkitException.class, () -> a.node().start(List.of(fake.address())));
    assertNoStreamLeftAndStillWorking();
  }

  @Test
  void shouldJoinThroughAPeerThatAnswersSlowlyWithinTheTimeout() {
    fake.mode(FakePeer.Mode.DRIP);
    fake.byteDelay(Duration.ofMillis(5)); // ~0.5 s in all
    a.node().start(List.of(fake.address()));
    assertTrue(
        a.node().peers().stream().anyMatch(p -> p.name().equals("fake")),
        "the slow answer was merged");
  }

  @Test
  void shouldShedAndExpireInboundStreamsThatNeverSendAMessage() throws Exception {
    HttpClient client = Http2.newClient();
    client.start();
    GossipTransport raw =
        new GossipTransport(
            TransportConfig.builder().build(),
            client,
            new TransportSink() {
              @Override
              public void onPacket(byte[] payload, String remoteAddr, long receivedNanos) {}

              @Override
              public StreamListener onStream(StreamConnection connection) {
                connection.close();
                return null;
              }
            });
    raw.start();
    long streamsBefore = a.counter(SwimCounter.STREAMS_ACCEPTED);
    StreamListener ignore =
        new StreamListener() {
          @Override
          public void onData(byte[] chunk) {}

          @Override
          public void onClosed(Throwable cause) {}
        };
    try {
      // One stream that drips a valid push/pull a byte every 100 ms, then 200 that send nothing.
      StreamConnection dripper =
          raw.openStream(a.address(), Duration.ZERO, ignore).get(10, TimeUnit.SECONDS);
      List<CompletableFuture<StreamConnection>> opened = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        opened.add(raw.openStream(a.address(), Duration.ZERO, ignore));
      }
      CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
          .handle((v, e) -> null)
          .get(10, TimeUnit.SECONDS);
      long rejected = a.node().runtime().diagnostics().rejectedStreams();
      byte[] pushPull =
          Codec.encodePushPull(
              new PushPull(
                  false,
                  List.of(
                      new PushNodeState(
                          "dripper", new byte[] {127, 42, 9, 8}, 7946, null, 1,
                          NodeStateType.ALIVE, Codec.CKIT_VSN.clone())),
                  null));
      int dripped = 0;
      while (dripped < pushPull.length && dripper.write(new byte[] {pushPull[dripped]})) {
        dripped++;
        LoopbackCluster.hold(Duration.ofMillis(100));
      }
      long closed = LoopbackCluster.await(() -> raw.metrics().openStreams() == 0, Duration.ofSeconds(15));
      System.out.printf(
          "[real] 201 inbound streams without a complete message: %d shed at once (limit 128);"
              + " the dripper got %d of %d bytes in before the node closed it; all closed %.1f s"
              + " later%n",
          rejected, dripped, pushPull.length, closed / 1e9);
      assertEquals(201 - 128, rejected, "streams beyond 128 were shed at once");
      assertTrue(dripped < pushPull.length, "the dripping stream was expired before it finished");
      assertTrue(closed >= 0, "the node closed every stalled stream");
      assertEquals(0, a.counter(SwimCounter.STREAMS_ACCEPTED) - streamsBefore,
          "no incomplete stream reached the engine");
      assertNoStreamLeftAndStillWorking();
    } finally {
      raw.stop();
      client.stop();
    }
  }
}
