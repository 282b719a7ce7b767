/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.SwimCounter;
import io.ckit.internal.transport.Frames;
import io.ckit.internal.transport.GossipTransport;
import io.ckit.internal.transport.TransportMetrics;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.Suspect;
import io.ckit.peer.Peer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input against a real node's HTTP endpoints, sent from outside the cluster by a raw HTTP/2
 * (or HTTP/1.1) client: each is answered with a clear HTTP error or dropped, and the counter that
 * says so moves; afterwards the two-node cluster is still converged and nobody died. The engine
 * cases in isolation are in {@code io.ckit.internal.swim.BadInputEngineTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {
  private static final HexFormat HEX = HexFormat.of();

  private LoopbackCluster cluster;
  private LoopbackCluster.Member a;
  private LoopbackCluster.Member b;
  private HttpClient h2;
  private HttpClient http1;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackCluster(43, c -> c);
    List<LoopbackCluster.Member> nodes = cluster.startAll("bad", 2);
    a = nodes.get(0);
    b = nodes.get(1);
    h2 = Http2.newClient();
    h2.start();
    http1 = new HttpClient();
    http1.start();
    assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(30)) >= 0);
  }

  @AfterEach
  void stillWorking() throws Exception {
    try {
      assertTrue(LoopbackCluster.await(cluster::converged, Duration.ofSeconds(15)) >= 0,
          "the cluster is still converged");
      assertEquals(0, cluster.sum(SwimCounter.MSG_DEAD), "nobody died");
    } finally {
      h2.stop();
      http1.stop();
      cluster.close();
    }
  }

  private ContentResponse post(HttpClient client, String path, String type, byte[] body)
      throws Exception {
    return client
        .newRequest("http://" + a.address() + path)
        .method(HttpMethod.POST)
        .body(new BytesRequestContent(type, body))
        .timeout(10, TimeUnit.SECONDS)
        .send();
  }

  private int packet(byte[] payload) throws Exception {
    return post(h2, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
        Frames.encode(payload)).getStatus();
  }

  private int packet(Message message) throws Exception {
    return packet(Codec.encode(message));
  }

  private TransportMetrics transport() {
    return a.node().runtime().transport().metrics();
  }

  private static void eventually(BooleanSupplier condition, String what) {
    assertTrue(LoopbackCluster.await(condition, Duration.ofSeconds(10)) >= 0, what);
  }

  @Test
  void shouldAnswerMalformedFramesWith400() throws Exception {
    assertEquals(400, post(h2, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
        HEX.parseHex("ee0001aa")).getStatus(), "unknown frame magic");
    assertEquals(400, post(h2, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
        HEX.parseHex("cc0010aabb")).getStatus(), "body ends inside a frame");
    assertEquals(2, transport().frameErrors());
  }

  @Test
  void shouldRejectAnOversizeLengthBeforeAllocatingIt() throws Exception {
    // 0xCD with a 2 GiB length: over maxMessageBytes (64 MiB), refused from the header alone.
    assertEquals(400, post(h2, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
        HEX.parseHex("cd7fffffff00")).getStatus());
    assertEquals(1, transport().frameErrors());
  }

  @Test
  void shouldAnswerWrongContentTypesWith400() throws Exception {
    for (String type : List.of("application/octet-stream", "application/x.ckit; charset=utf-8",
        "text/plain")) {
      assertEquals(400, post(h2, GossipTransport.MESSAGE_PATH, type, Frames.encode(new byte[] {0}))
          .getStatus(), type);
    }
    assertEquals(3, transport().rejected(TransportMetrics.Rejection.CONTENT_TYPE));
  }

  @Test
  void shouldAnswerHttp11With505() throws Exception {
    assertEquals(505, post(http1, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE,
        Frames.encode(new byte[] {0})).getStatus());
    assertEquals(505, post(http1, GossipTransport.STREAM_PATH, GossipTransport.CONTENT_TYPE,
        Frames.encode(new byte[] {0})).getStatus());
    assertEquals(2, transport().rejected(TransportMetrics.Rejection.HTTP_VERSION));
  }

  @Test
  void shouldDropUnknownMessageTypesAndTruncatedMsgpack() throws Exception {
    assertEquals(200, packet(new byte[] {(byte) 0xEE, 1, 2}));
    assertEquals(200, packet(new byte[] {(byte) 13, (byte) 0x80}));
    eventually(() -> a.counter(SwimCounter.DROPPED_UNKNOWN_TYPE) == 2, "unknown types counted");
    byte[] alive = Codec.encode(new Alive(9, "ghost", new byte[] {127, 43, 9, 9}, 7946, null,
        Codec.CKIT_VSN.clone()));
    for (int len = 1; len < alive.length; len += 3) {
      assertEquals(200, packet(Arrays.copyOf(alive, len)));
    }
    long truncations = (alive.length - 2) / 3 + 1;
    eventually(() -> a.counter(SwimCounter.DROPPED_MALFORMED) == truncations,
        "truncated msgpack counted");
    assertTrue(a.node().peers().stream().noneMatch(p -> p.name().equals("ghost")));
  }

  @Test
  void shouldDropADecompressionBomb() throws Exception {
    byte[] bomb = Codec.compress(new byte[Codec.MAX_DECOMPRESSED_BYTES + (1 << 20)]);
    assertEquals(200, packet(bomb));
    eventually(() -> a.counter(SwimCounter.DROPPED_MALFORMED) == 1, "the bomb was dropped");
  }

  @Test
  void shouldRefuteSuspectAndDeadMessagesAboutItself() throws Exception {
    String self = a.name;
    assertEquals(200, packet(new Suspect(1, self, "liar")));
    eventually(() -> a.counter(SwimCounter.REFUTES) == 1, "the suspicion was refuted");
    assertEquals(200, packet(new Dead(2, self, "liar")));
    eventually(() -> a.counter(SwimCounter.REFUTES) == 2, "the death was refuted");
  }

  @Test
  void shouldLetTheRealNodeOutbidABogusIncarnationAboutIt() throws Exception {
    // Unauthenticated gossip: a's view takes the forged incarnation and gossips it; b hears about
    // itself at an incarnation it never had and refutes above it.
    assertEquals(200, packet(new Alive(1_000_000, b.name, ip(b), port(b), null,
        Codec.CKIT_VSN.clone())));
    eventually(() -> b.counter(SwimCounter.REFUTES) >= 1, "b refuted the forged incarnation");
  }

  @Test
  void shouldIgnoreASpoofedNameFromAnotherAddress() throws Exception {
    assertEquals(200, packet(new Alive(1_000_000, b.name, new byte[] {127, 43, 9, 9}, 7946, null,
        Codec.CKIT_VSN.clone())));
    eventually(() -> a.counter(SwimCounter.CONFLICTS) == 1, "the conflict was counted");
    Peer seen = a.node().peers().stream().filter(p -> p.name().equals(b.name)).findFirst()
        .orElseThrow();
    assertEquals(b.address(), seen.addr(), "the real node kept its address");
  }

  @Test
  void shouldDropPacketsWithAnotherLabelAndRefuseNodesWithAnotherLabel() throws Exception {
    byte[] ping = Codec.encode(new io.ckit.internal.wire.Ping(1, a.name, ip(b), port(b), b.name));
    assertEquals(200, packet(Codec.addLabel(ping, "other-cluster")));
    eventually(() -> a.counter(SwimCounter.DROPPED_LABEL_MISMATCH) == 1, "label mismatch counted");

    try (LoopbackCluster other = new LoopbackCluster(44, c -> c.label("other-cluster"))) {
      LoopbackCluster.Member stranger = other.add("stranger");
      stranger.start(List.of());
      assertThrows(CkitException.class, () -> stranger.node().start(List.of(a.address())),
          "a node with another label cannot join");
      assertThrows(CkitException.class, () -> a.node().start(List.of(stranger.address())),
          "nor be joined");
      assertEquals(1, stranger.node().peers().size());
      assertTrue(a.counter(SwimCounter.DROPPED_LABEL_MISMATCH) >= 2, "the stream was dropped too");
    }
    assertEquals(2, a.node().peers().size(), "the stranger never entered the view");
  }

  @Test
  void shouldSurviveAGarbageSender() throws Exception {
    SplittableRandom random = new SplittableRandom(43);
    int status400 = 0;
    for (int i = 0; i < 300; i++) {
      byte[] junk = new byte[1 + random.nextInt(300)];
      random.nextBytes(junk);
      // Half framed (reaches the engine), half raw (fails the frame decoder).
      byte[] body = i % 2 == 0 ? Frames.encode(junk) : junk;
      int status = post(h2, GossipTransport.MESSAGE_PATH, GossipTransport.CONTENT_TYPE, body)
          .getStatus();
      if (status == 400) {
        status400++;
      }
    }
    for (int i = 0; i < 30; i++) {
      byte[] junk = new byte[1 + random.nextInt(300)];
      random.nextBytes(junk);
      post(h2, GossipTransport.STREAM_PATH, GossipTransport.CONTENT_TYPE, Frames.encode(junk));
    }
    long dropped =
        a.counter(SwimCounter.DROPPED_MALFORMED) + a.counter(SwimCounter.DROPPED_UNKNOWN_TYPE)
            + a.counter(SwimCounter.DROPPED_CRC_MISMATCH)
            + a.counter(SwimCounter.DROPPED_LABEL_MISMATCH);
    System.out.printf(
        "[real] garbage: 300 packet posts (%d answered 400, %d frame errors), 30 streams"
            + " (%d error replies); engine dropped %d%n",
        status400, transport().frameErrors(), a.counter(SwimCounter.STREAM_ERRORS), dropped);
    assertTrue(status400 > 0 && transport().frameErrors() >= status400);
    assertTrue(dropped > 0);
  }

  private static byte[] ip(LoopbackCluster.Member m) {
    String[] octets = m.ip.split("\\.");
    byte[] ip = new byte[4];
    for (int i = 0; i < 4; i++) {
      ip[i] = (byte) Integer.parseInt(octets[i]);
    }
    return ip;
  }

  private static int port(LoopbackCluster.Member m) {
    return Integer.parseInt(m.address().substring(m.address().indexOf(':') + 1));
  }
}
