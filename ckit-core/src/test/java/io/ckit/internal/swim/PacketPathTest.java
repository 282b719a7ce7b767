/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.IndirectPingReq;
import io.ckit.internal.wire.Message;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NackResp;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.Suspect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packet path byte by byte, against a recording network: memberlist's {@code net_test.go}
 * ({@code TestHandlePing}, {@code TestHandlePing_WrongNode}, {@code TestHandleCompoundPing}, {@code
 * TestHandleIndirectPing}, {@code TestSendMsg_Piggyback}, {@code TestRawSendUdp_CRC}, {@code
 * TestIngestPacket_CRC}) and the hand-off queue order.
 */
class PacketPathTest {
  private static final long MS = 1_000_000L;
  private static final byte[] VSN = Codec.CKIT_VSN;
  private static final byte[] SELF_IP = {10, 0, 0, 1};
  private static final byte[] PEER_IP = {10, 0, 0, 2};

  /** One engine created without loops, its recording network and its delegate events. */
  private static final class Fixture {
    final RecordingNetwork network = new RecordingNetwork();
    final List<String> events = new ArrayList<>();
    final SwimEngine engine;

    Fixture(SwimConfig config) {
      SwimDelegate delegate =
          new SwimDelegate() {
            @Override
            public void notifyJoin(Member node) {
              events.add("join:" + node.name());
            }

            @Override
            public void notifyLeave(Member node) {
              events.add("leave:" + node.name());
            }
          };
      engine = SwimEngine.create(config, network, delegate, new SplittableRandom(3), 0);
      engine.membership().setAlive(0);
      engine.broadcasts().reset();
      events.clear();
    }
  }

  private final Fixture fixture = new Fixture(SwimConfig.builder("self", SELF_IP, 7946).build());
  private final RecordingNetwork network = fixture.network;
  private final List<String> events = fixture.events;
  private final SwimEngine engine = fixture.engine;

  private void know(String name, byte[] ip, int inc) {
    engine.membership().aliveNode(new Alive(inc, name, ip, 7946, null, VSN.clone()), null, false, 0);
  }

  private static Ping ping(int seq, String node) {
    return new Ping(seq, node, PEER_IP, 7946, "peer");
  }

  @Test
  void shouldAnswerPingWithAckToItsSource() {
    // TestHandlePing.
    engine.onPacket("10.0.0.2:41234", Codec.encode(ping(42, "self")), 1 * MS);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertEquals(1, sent.size());
    assertEquals("10.0.0.2:7946", sent.get(0).address(), "to SourceAddr:SourcePort");
    AckResp ack = assertInstanceOf(AckResp.class, sent.get(0).messages().get(0));
    assertEquals(42, ack.seqNo());
    assertEquals(null, ack.payload());
  }

  @Test
  void shouldAnswerPingWithoutSourceToThePacketOrigin() {
    engine.onPacket("10.0.0.2:41234", Codec.encode(new Ping(7, "", null, 0, "")), 1 * MS);
    assertEquals("10.0.0.2:41234", network.drain().get(0).address());
  }

  @Test
  void shouldDropPingForAnotherNode() {
    // TestHandlePing_WrongNode.
    engine.onPacket("10.0.0.2:41234", Codec.encode(ping(42, "bad")), 1 * MS);
    assertTrue(network.drain().isEmpty());
    assertEquals(1, engine.counters().get(SwimCounter.DROPPED_PING_WRONG_NODE));
  }

  @Test
  void shouldAnswerEveryPingOfACompound() {
    // TestHandleCompoundPing.
    byte[] p = Codec.encode(ping(42, "self"));
    engine.onPacket("10.0.0.2:41234", Codec.compound(List.of(p, p, p)), 1 * MS);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertEquals(3, sent.size());
    for (RecordingNetwork.Sent s : sent) {
      assertEquals(42, ((AckResp) s.messages().get(0)).seqNo());
    }
  }

  @Test
  void shouldRelayIndirectAckAndNackOnlyWithoutAck() {
    // TestHandleIndirectPing, plus the nack path.
    IndirectPingReq ind =
        new IndirectPingReq(100, new byte[] {10, 0, 0, 3}, 7946, "target", true, PEER_IP, 7946, "peer");
    engine.onPacket("10.0.0.2:41234", Codec.encode(ind), 1 * MS);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertEquals(1, sent.size());
    assertEquals("10.0.0.3:7946", sent.get(0).address());
    Ping relayed = assertInstanceOf(Ping.class, sent.get(0).messages().get(0));
    assertEquals("target", relayed.node());
    assertEquals("self", relayed.sourceNode());
    assertArrayEquals(SELF_IP, relayed.sourceAddr());

    // The target answers: the ack is relayed with the requester's sequence number, no nack.
    engine.onPacket("10.0.0.3:5555", Codec.encode(new AckResp(relayed.seqNo(), null)), 2 * MS);
    sent = network.drain();
    assertEquals("10.0.0.2:7946", sent.get(0).address());
    assertEquals(new AckResp(100, null), sent.get(0).messages().get(0));
    engine.poll(2 * MS + 2000 * MS);
    assertTrue(network.drain().isEmpty(), "no nack after an ack");

    // A second request whose target stays silent gets a nack after the probe timeout.
    engine.onPacket("10.0.0.2:41234", Codec.encode(ind), 3000 * MS);
    network.drain();
    engine.poll(3000 * MS + 2000 * MS - 1);
    assertTrue(network.drain().isEmpty());
    engine.poll(3000 * MS + 2000 * MS);
    sent = network.drain();
    assertEquals(new NackResp(100), sent.get(0).messages().get(0));
    assertEquals(1, engine.counters().get(SwimCounter.NACKS_SENT));
  }

  @Test
  void shouldPiggyBackBroadcastsOnAcks() {
    // TestSendMsg_Piggyback.
    engine.broadcast("test", new Alive(10, "rand", new byte[] {127, 0, 0, (byte) 255}, 18345, null, VSN));
    engine.onPacket("10.0.0.2:41234", Codec.encode(ping(42, "self")), 1 * MS);
    List<Message> parts = network.drain().get(0).messages();
    assertEquals(2, parts.size());
    assertEquals(new AckResp(42, null), parts.get(0));
    Alive alive = assertInstanceOf(Alive.class, parts.get(1));
    assertEquals("rand", alive.node());
    assertEquals(10, alive.incarnation());
  }

  @Test
  void shouldAddCrcOnlyForDestinationsKnownToSpeakProtocolFive() {
    // TestRawSendUdp_CRC, including Go's lookup of the destination by host in the name-keyed map.
    engine.membership().aliveNode(
        new Alive(1, "10.0.0.9", new byte[] {10, 0, 0, 9}, 7946, null, VSN.clone()), null, false, 0);
    engine.broadcasts().reset();
    engine.onPacket("x:1", Codec.encode(new Ping(1, "self", new byte[] {10, 0, 0, 9}, 7946, "y")), MS);
    engine.onPacket("x:1", Codec.encode(ping(2, "self")), MS);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertTrue(sent.get(0).contents().hadCrc(), "a node named like its IP is found: CRC");
    assertFalse(sent.get(1).contents().hadCrc(), "an unknown host: no CRC");
    assertEquals(MessageType.HAS_CRC.code(), sent.get(0).packet()[0] & 0xFF);
  }

  @Test
  void shouldDropPacketsWithABadCrc() {
    // TestIngestPacket_CRC.
    byte[] packet = Codec.addCrc(Codec.encode(ping(1, "self")));
    packet[1] ^= 0x01;
    engine.onPacket("x:1", packet, MS);
    assertTrue(network.drain().isEmpty());
    assertEquals(1, engine.counters().get(SwimCounter.DROPPED_CRC_MISMATCH));
    engine.onPacket("x:1", Codec.addCrc(Codec.encode(ping(1, "self"))), MS);
    assertEquals(1, network.drain().size());
  }

  @Test
  void shouldCheckLabelsBothWays() {
    Fixture labelled = new Fixture(SwimConfig.builder("self", SELF_IP, 7946).label("prod").build());
    labelled.engine.onPacket("x:1", Codec.encode(ping(1, "self")), MS);
    labelled.engine.onPacket("x:1", Codec.addLabel(Codec.encode(ping(1, "self")), "dev"), MS);
    assertTrue(labelled.network.drain().isEmpty());
    assertEquals(2, labelled.engine.counters().get(SwimCounter.DROPPED_LABEL_MISMATCH));
    labelled.engine.onPacket("x:1", Codec.addLabel(Codec.encode(ping(1, "self")), "prod"), MS);
    RecordingNetwork.Sent reply = labelled.network.drain().get(0);
    assertEquals("prod", reply.contents().label());
    engine.onPacket("x:1", Codec.addLabel(Codec.encode(ping(1, "self")), "prod"), MS);
    assertTrue(network.drain().isEmpty(), "an unlabelled node drops labelled packets");
  }

  @Test
  void shouldHandleAliveBeforeOtherGossipAndNewestFirst() {
    know("x", PEER_IP, 1);
    events.clear();
    // Arrival order dead(inc 1) then alive(inc 2): alive is handled first, so the dead is stale.
    engine.onPackets(
        List.of(
            new InboundPacket("a:1", Codec.encode(new Dead(1, "x", "y"))),
            new InboundPacket("a:1", Codec.encode(new Alive(2, "x", PEER_IP, 7946, null, VSN)))),
        MS);
    assertEquals(NodeStateType.ALIVE, engine.memberState("x"));
    assertEquals(2, engine.member("x").incarnation());
    assertTrue(events.isEmpty(), "the dead message was stale: " + events);

    // Two suspects: the newest (inc 2) first, so the older one only confirms.
    engine.onPackets(
        List.of(
            new InboundPacket("a:1", Codec.encode(new Suspect(2, "x", "a"))),
            new InboundPacket("a:1", Codec.encode(new Suspect(3, "x", "b")))),
        2 * MS);
    assertEquals(NodeStateType.SUSPECT, engine.memberState("x"));
    assertEquals(3, engine.member("x").incarnation(), "the newest suspect was handled first");
  }

  @Test
  void shouldDropGossipBeyondTheHandoffDepth() {
    Fixture small =
        new Fixture(SwimConfig.builder("self", SELF_IP, 7946).handoffQueueDepth(2).build());
    List<InboundPacket> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(
          new InboundPacket(
              "a:1", Codec.encode(new Alive(1, "n" + i, new byte[] {10, 1, 0, (byte) i}, 7946, null, VSN))));
      batch.add(new InboundPacket("a:1", Codec.encode(new Suspect(1, "zz" + i, "a"))));
    }
    small.engine.onPackets(batch, MS);
    assertEquals(2, small.engine.counters().get(SwimCounter.DROPPED_HANDOFF_FULL));
    assertEquals(3, small.engine.numNodes(), "self and the two alive messages that fitted");
    assertEquals(NodeStateType.ALIVE, small.engine.memberState("n0"));
    assertEquals(NodeStateType.ALIVE, small.engine.memberState("n1"));
    assertEquals(null, small.engine.memberState("n2"), "a message arriving at a full queue is dropped");
  }

  @Test
  void shouldSplitGossipIntoCompoundsOfAtMost255() {
    know("peer", PEER_IP, 1);
    engine.broadcasts().reset();
    for (int i = 0; i < 300; i++) {
      engine.broadcast("n" + i, new Suspect(1, "n" + i, "self"));
    }
    engine.gossiper().gossip(MS);
    List<RecordingNetwork.Sent> sent = network.drain();
    assertEquals(2, sent.size(), "300 messages: compounds of 255 and 45");
    assertEquals(255, sent.get(0).messages().size());
    assertEquals(45, sent.get(1).messages().size());
    assertTrue(sent.get(0).contents().hadCrc(), "gossip to a known protocol-5 node has a CRC");
    assertEquals(
        MessageType.COMPRESS.code(),
        sent.get(0).packet()[5] & 0xFF,
        "a large compound is sent compressed");
  }

  @Test
  void shouldSendSmallPacketsUncompressed() {
    engine.onPacket("x:1", Codec.encode(ping(1, "self")), MS);
    byte[] packet = network.drain().get(0).packet();
    assertEquals(MessageType.ACK_RESP.code(), packet[0] & 0xFF);
    assertArrayEquals(Codec.encode(new AckResp(1, null)), packet);
  }

  @Test
  void shouldIgnoreInputsAfterShutdown() {
    engine.shutdown(MS);
    engine.onPacket("x:1", Codec.encode(ping(1, "self")), 2 * MS);
    assertTrue(network.drain().isEmpty());
    assertEquals(1, engine.counters().get(SwimCounter.DROPPED_AFTER_SHUTDOWN));
    assertEquals(Long.MAX_VALUE, engine.poll(3 * MS));
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> engine.leave(Duration.ZERO, 4 * MS, r -> {}));
    assertEquals("leave after shutdown", e.getMessage());
  }

  @Test
  void shouldPublishSnapshots() {
    know("peer", PEER_IP, 1);
    engine.poll(MS);
    SwimSnapshot snapshot = engine.snapshot();
    assertEquals("self", snapshot.localName());
    assertEquals(2, snapshot.numMembers());
    assertEquals(2, snapshot.protocolVersion());
    assertEquals(1, snapshot.incarnation());
    assertEquals(NodeStateType.ALIVE, snapshot.member("peer").state());
    assertEquals("10.0.0.2:7946", snapshot.member("peer").address());
    assertNotEquals(null, snapshot.member("self"));
  }
}
