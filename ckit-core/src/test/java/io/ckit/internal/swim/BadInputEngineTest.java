/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.IndirectPingReq;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.Suspect;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad input straight into the engine, as a hostile or broken peer could send it: every input is
 * either handled by the protocol's own rules (refutation, address conflict) or dropped and counted,
 * never thrown out of the engine, and never allowed to allocate without bound. The transport-level
 * cases (frames, HTTP) are in {@code io.ckit.BadInputTest}.
 */
class BadInputEngineTest {
  private static final long MS = 1_000_000L;
  private static final byte[] SELF_IP = {10, 0, 0, 1};
  private static final byte[] PEER_IP = {10, 0, 0, 2};
  private static final byte[] SPOOF_IP = {10, 0, 0, 66};
  private static final String OUTSIDER = "10.0.0.66:40000";

  private final RecordingNetwork network = new RecordingNetwork();
  private final SwimEngine engine;

  BadInputEngineTest() {
    engine =
        SwimEngine.create(
            SwimConfig.builder("self", SELF_IP, 7946).build(), network, new SwimDelegate() {},
            new SplittableRandom(7), 0);
    engine.membership().setAlive(0);
    engine.membership().aliveNode(
        new Alive(1, "peer", PEER_IP, 7946, null, Codec.CKIT_VSN.clone()), null, false, 0);
    engine.broadcasts().reset();
  }

  private long count(SwimCounter counter) {
    return engine.counters().get(counter);
  }

  private int incarnationOf(String name) {
    return engine.member(name).incarnation();
  }

  /** The alive messages queued for gossip. */
  private List<Alive> queuedAlives() {
    return engine.broadcasts().orderedView(false).stream()
        .map(item -> Codec.decode(item.broadcast.message(), 0, item.broadcast.message().length))
        .filter(Alive.class::isInstance)
        .map(Alive.class::cast)
        .toList();
  }

  @Test
  void shouldDropEveryTruncationOfEveryMessageType() {
    List<Message> messages =
        List.of(
            new Ping(7, "self", PEER_IP, 7946, "peer"),
            new IndirectPingReq(8, PEER_IP, 7946, "peer", false, SELF_IP, 7946, "self"),
            new Alive(9, "peer", PEER_IP, 7946, new byte[] {1, 2, 3}, Codec.CKIT_VSN.clone()),
            new Suspect(9, "peer", "self"),
            new Dead(9, "peer", "self"));
    long dropped = 0;
    for (Message message : messages) {
      byte[] full = Codec.encode(message);
      for (int len = 1; len < full.length; len++) {
        engine.onPacket(OUTSIDER, Arrays.copyOf(full, len), MS);
        dropped++;
      }
    }
    assertEquals(dropped, count(SwimCounter.DROPPED_MALFORMED), "every truncation dropped");
    assertEquals(1, incarnationOf("peer"), "no truncated message changed the view");
    assertEquals(NodeStateType.ALIVE, engine.memberState("peer"));
  }

  @Test
  void shouldDropEveryUnknownMessageType() {
    int sent = 0;
    for (int type = 0; type < 256; type++) {
      if (MessageType.fromCode((byte) type) == null) {
        engine.onPacket(OUTSIDER, new byte[] {(byte) type, (byte) 0x80}, MS);
        sent++;
      }
    }
    // Types that exist but are not packets: push/pull, encrypt and err only come on streams.
    for (MessageType type :
        List.of(MessageType.PUSH_PULL, MessageType.ENCRYPT, MessageType.ERR)) {
      engine.onPacket(OUTSIDER, new byte[] {(byte) type.code(), (byte) 0x80}, MS);
      sent++;
    }
    assertEquals(256 - 15 + 3, sent);
    assertEquals(sent, count(SwimCounter.DROPPED_UNKNOWN_TYPE));
    assertEquals(NodeStateType.ALIVE, engine.memberState("peer"));
    assertTrue(network.drain().isEmpty(), "nothing was answered");
  }

  @Test
  void shouldDropADecompressionBombWithBoundedAllocation() {
    // 41 MiB of zeros compress to a few tens of KiB; the limit is 40 MiB.
    byte[] bomb = Codec.compress(new byte[Codec.MAX_DECOMPRESSED_BYTES + (1 << 20)]);
    long before = allocatedBytes();
    engine.onPacket(OUTSIDER, bomb, MS);
    long allocated = allocatedBytes() - before;
    System.out.printf(
        "[engine] decompression bomb of %d bytes (expands past %d): dropped, %d MiB allocated%n",
        bomb.length, Codec.MAX_DECOMPRESSED_BYTES, allocated >> 20);
    assertTrue(bomb.length < 64 * 1024, "the bomb fits in one packet frame: " + bomb.length);
    assertEquals(1, count(SwimCounter.DROPPED_MALFORMED));
    // The output buffer doubles up to the limit: at most ~2 x 40 MiB, never the full expansion.
    assertTrue(allocated < 2L * Codec.MAX_DECOMPRESSED_BYTES + (8 << 20), "allocated " + allocated);
    // The same bomb nested in compress envelopes up to the nesting limit is no worse.
    byte[] nested = bomb;
    for (int i = 0; i < 10; i++) {
      nested = Codec.compress(nested);
    }
    engine.onPacket(OUTSIDER, nested, MS);
    assertEquals(2, count(SwimCounter.DROPPED_MALFORMED));
  }

  /**
   * Returns the bytes this thread allocated so far, through HotSpot's {@code
   * com.sun.management.ThreadMXBean} (looked up reflectively: the test sources compile in the
   * {@code io.ckit} module, which does not read {@code jdk.management}).
   */
  private static long allocatedBytes() {
    try {
      Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
      return (long)
          type.getMethod("getCurrentThreadAllocatedBytes")
              .invoke(ManagementFactory.getThreadMXBean());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JVM cannot count allocated bytes", e);
    }
  }

  @Test
  void shouldRefuteSuspectAndDeadMessagesAboutItself() {
    engine.onPacket(OUTSIDER, Codec.encode(new Suspect(1, "self", "liar")), MS);
    assertEquals(1, count(SwimCounter.REFUTES));
    assertEquals(2, incarnationOf("self"));
    engine.onPacket(OUTSIDER, Codec.encode(new Dead(2, "self", "liar")), 2 * MS);
    assertEquals(2, count(SwimCounter.REFUTES));
    assertEquals(3, incarnationOf("self"));
    assertEquals(NodeStateType.ALIVE, engine.memberState("self"));
    assertEquals(3, queuedAlives().get(0).incarnation(), "the refutation is queued for gossip");
  }

  @Test
  void shouldOutbidABogusHighIncarnationAboutItself() {
    engine.onPacket(
        OUTSIDER,
        Codec.encode(new Alive(1_000_000, "self", SELF_IP, 7946, null, Codec.CKIT_VSN.clone())),
        MS);
    assertEquals(1, count(SwimCounter.REFUTES));
    assertEquals(1_000_001, incarnationOf("self"));
  }

  /**
   * memberlist's incarnations are uint32 and wrap: a forged alive or suspect about a node at
   * incarnation 0xFFFFFFFF makes its refutation wrap to 0, which every node that took the forgery
   * ignores. Go v0.5.3 does the same; see docs/reliability.md for what follows in a cluster.
   */
  @Test
  void shouldWrapARefutationOfTheLargestIncarnationAsGoDoes() {
    engine.onPacket(OUTSIDER, Codec.encode(new Suspect(0xFFFFFFFF, "self", "liar")), MS);
    assertEquals(1, count(SwimCounter.REFUTES));
    assertEquals(0, incarnationOf("self"), "0xFFFFFFFF + 1 wraps");
  }

  @Test
  void shouldTakeAHigherIncarnationAboutAPeerAsTheProtocolSays() {
    // Unauthenticated gossip: a higher incarnation about another node is indistinguishable from
    // that node's own refutation. It is taken, and the node itself refutes when it hears it.
    engine.onPacket(
        OUTSIDER,
        Codec.encode(new Alive(500, "peer", PEER_IP, 7946, null, Codec.CKIT_VSN.clone())),
        MS);
    assertEquals(500, incarnationOf("peer"));
    assertEquals(NodeStateType.ALIVE, engine.memberState("peer"));
  }

  @Test
  void shouldIgnoreAnAliveThatClaimsALiveNodesNameFromAnotherAddress() {
    engine.onPacket(
        OUTSIDER,
        Codec.encode(new Alive(99, "peer", SPOOF_IP, 7946, null, Codec.CKIT_VSN.clone())),
        MS);
    assertEquals(1, count(SwimCounter.CONFLICTS));
    assertEquals("10.0.0.2:7946", engine.member("peer").address(), "the view kept the real node");
    assertEquals(1, incarnationOf("peer"));
    assertTrue(queuedAlives().isEmpty(), "the spoof is not gossiped on");
  }

  @Test
  void shouldIgnoreAnAliveForItselfFromAnotherAddress() {
    engine.onPacket(
        OUTSIDER,
        Codec.encode(new Alive(99, "self", SPOOF_IP, 7946, null, Codec.CKIT_VSN.clone())),
        MS);
    assertEquals(1, count(SwimCounter.CONFLICTS));
    assertEquals(1, incarnationOf("self"));
  }

  @Test
  void shouldDropPacketsWithAnotherLabelOrABadLabelHeader() {
    byte[] ping = Codec.encode(new Ping(1, "self", PEER_IP, 7946, "peer"));
    engine.onPacket(OUTSIDER, Codec.addLabel(ping, "other-cluster"), MS);
    assertEquals(1, count(SwimCounter.DROPPED_LABEL_MISMATCH));
    engine.onPacket(OUTSIDER, new byte[] {(byte) 244, 40, 'x'}, MS); // label longer than packet
    assertEquals(1, count(SwimCounter.DROPPED_MALFORMED));
    assertTrue(network.drain().isEmpty(), "neither was answered");
  }

  @Test
  void shouldNotLetInputsThrowOutOfTheEngine() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      byte[] packet = new byte[1 + random.nextInt(64)];
      random.nextBytes(packet);
      engine.onPacket(OUTSIDER, packet, (2 + i) * MS);
    }
    assertEquals(0, engine.timerErrors());
    assertEquals(NodeStateType.ALIVE, engine.memberState("self"));
    assertTrue(count(SwimCounter.DROPPED_MALFORMED) + count(SwimCounter.DROPPED_UNKNOWN_TYPE)
        > 10_000, "most random packets were dropped as malformed or of unknown type");
  }
}
