/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.AckResp;
import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.ErrResp;
import io.ckit.internal.wire.MessageType;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.Ping;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.PushPull;
import io.ckit.internal.wire.StreamMessage;
import io.ckit.internal.wire.StreamMessageReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Streams as acceptor and dialer (memberlist's {@code handleConn}, {@code sendAndReceiveState},
 * {@code Join}; {@code TestTCPPing}, {@code TestTCPPushPull}), against a recording network.
 */
class StreamPathTest {
  private static final long MS = 1_000_000L;
  private static final byte[] SELF_IP = {10, 0, 0, 1};

  private final RecordingNetwork network = new RecordingNetwork();
  private final List<byte[]> merged = new ArrayList<>();
  private final SwimEngine engine;

  StreamPathTest() {
    SwimDelegate delegate =
        new SwimDelegate() {
          @Override
          public byte[] localState(boolean join) {
            return ("local-" + join).getBytes(StandardCharsets.UTF_8);
          }

          @Override
          public void mergeRemoteState(byte[] state, boolean join) {
            merged.add(state);
          }
        };
    engine =
        SwimEngine.create(
            SwimConfig.builder("self", SELF_IP, 7946).label("prod").build(),
            network,
            delegate,
            new SplittableRandom(1),
            0);
    engine.membership().setAlive(0);
  }

  /** Records what the engine writes back on an accepted stream. */
  private static final class Replies implements StreamReplier {
    final List<byte[]> replies = new ArrayList<>();
    boolean closed;

    @Override
    public void reply(byte[] message) {
      assertFalse(closed, "reply after close");
      replies.add(message);
    }

    @Override
    public void close() {
      closed = true;
    }

    byte[] only() {
      assertEquals(1, replies.size());
      return replies.get(0);
    }
  }

  private static StreamMessage read(boolean acceptLabel, byte[]... writes) {
    StreamMessageReader reader = new StreamMessageReader(acceptLabel, 1 << 20);
    for (byte[] w : writes) {
      reader.feed(w, 0, w.length);
    }
    return reader.poll();
  }

  private static PushNodeState state(String name, int octet, NodeStateType type) {
    return new PushNodeState(
        name, new byte[] {10, 0, 0, (byte) octet}, 7946, null, 1, type, Codec.CKIT_VSN.clone());
  }

  private static byte[] plain(byte[] compressed) {
    return Codec.decompress(compressed, 0, compressed.length);
  }

  private static PushPull pushPull(byte[] compressed) {
    byte[] plain = plain(compressed);
    return Codec.decodePushPull(plain, 0, plain.length);
  }

  private static Object message(byte[] compressed) {
    byte[] plain = plain(compressed);
    return Codec.decode(plain, 0, plain.length);
  }

  private static byte[] labelled(byte[] message) {
    return Codec.addLabel(message, "prod");
  }

  @Test
  void shouldReplyWithLocalStateBeforeMergingAndEchoTheJoinFlag() {
    // TestTCPPushPull from the acceptor's side.
    PushPull remote =
        new PushPull(
            true,
            List.of(state("joiner", 2, NodeStateType.ALIVE)),
            "remote".getBytes(StandardCharsets.UTF_8));
    Replies replies = new Replies();
    engine.onStream(
        "10.0.0.2:5000",
        read(true, Codec.addLabel(new byte[0], "prod"), Codec.compress(Codec.encodePushPull(remote))),
        replies,
        MS);
    assertTrue(replies.closed);
    byte[] reply = replies.only();
    assertEquals(MessageType.COMPRESS.code(), reply[0] & 0xFF, "stream messages are compressed");
    PushPull local = pushPull(reply);
    assertTrue(local.join(), "the reply echoes the request's join flag");
    assertEquals(1, local.nodes().size(), "the reply was built before merging the joiner");
    assertEquals("self", local.nodes().get(0).name());
    assertArrayEquals("local-true".getBytes(StandardCharsets.UTF_8), local.userState());
    assertEquals(NodeStateType.ALIVE, engine.memberState("joiner"), "then the remote state merged");
    assertArrayEquals("remote".getBytes(StandardCharsets.UTF_8), merged.get(0));
  }

  @Test
  void shouldAnswerAStreamPing() {
    // TestTCPPing: a stream ping is answered with a compressed ack on the same stream.
    Replies replies = new Replies();
    engine.onStream(
        "x:1", read(true, labelled(Codec.encode(new Ping(23, "self", null, 0, "")))), replies, MS);
    byte[] reply = replies.only();
    assertEquals(new AckResp(23, null), message(reply));
    Replies wrong = new Replies();
    engine.onStream(
        "x:1", read(true, labelled(Codec.encode(new Ping(23, "other", null, 0, "")))), wrong, MS);
    assertTrue(wrong.replies.isEmpty() && wrong.closed);
  }

  @Test
  void shouldAnswerEncryptedOrUnreadableStreamsWithAnError() {
    Replies encrypted = new Replies();
    engine.onStream(
        "x:1", read(true, labelled(new byte[] {10, 0, 0, 0, 1, 7})), encrypted, MS);
    assertEquals(
        new ErrResp("Remote state is encrypted and encryption is not configured"),
        message(encrypted.only()));

    Replies unreadable = new Replies();
    engine.onStreamUnreadable("x:1", "boom", unreadable, MS);
    assertEquals(new ErrResp("boom"), message(unreadable.only()));
    assertEquals(2, engine.counters().get(SwimCounter.STREAM_ERRORS));
  }

  @Test
  void shouldCloseStreamsWithAnotherLabelSilently() {
    Replies replies = new Replies();
    engine.onStream(
        "x:1", read(true, Codec.encode(new Ping(1, "self", null, 0, ""))), replies, MS);
    assertTrue(replies.replies.isEmpty() && replies.closed);
    assertEquals(1, engine.counters().get(SwimCounter.DROPPED_LABEL_MISMATCH));
  }

  @Test
  void shouldJoinEachAddressInTurnAndSucceedIfAnyDid() {
    List<JoinResult> results = new ArrayList<>();
    engine.join(List.of("10.0.0.2:7946", "10.0.0.3:7946"), MS, results::add);
    assertEquals(1, network.dials.size(), "addresses are tried one after the other");
    RecordingNetwork.Dial first = network.dials.get(0);
    assertEquals("10.0.0.2:7946", first.address());
    assertEquals(2_000_000_000L, first.timeoutNanos(), "the stream lives at most TCPTimeout");
    assertEquals(2, first.writes().size(), "the label header is its own first write");
    assertArrayEquals(Codec.addLabel(new byte[0], "prod"), first.writes().get(0));
    PushPull sent = pushPull(first.writes().get(1));
    assertTrue(sent.join());

    engine.onStreamFailed(first.streamId(), "connection refused", 2 * MS);
    assertEquals(2, network.dials.size());
    RecordingNetwork.Dial second = network.dials.get(1);
    PushPull reply =
        new PushPull(
            true,
            List.of(state("a", 3, NodeStateType.ALIVE), state("b", 4, NodeStateType.LEFT)),
            new byte[0]);
    engine.onStreamReply(
        second.streamId(), read(false, Codec.compress(Codec.encodePushPull(reply))), 3 * MS);
    assertEquals(1, results.size());
    assertEquals(1, results.get(0).successes());
    assertEquals(List.of("Failed to join 10.0.0.2:7946: connection refused"), results.get(0).errors());
    assertEquals(NodeStateType.ALIVE, engine.memberState("a"));
    assertNull(engine.memberState("b"), "a left node we never knew is ignored");
    assertTrue(merged.isEmpty(), "an empty user state is not merged");
  }

  @Test
  void shouldFailADialWithoutOutcomeAfterTheTcpTimeoutAndIgnoreLateReplies() {
    List<JoinResult> results = new ArrayList<>();
    engine.join(List.of("10.0.0.2:7946"), MS, results::add);
    long id = network.dials.get(0).streamId();
    engine.poll(MS + 2_000_000_000L - 1);
    assertTrue(results.isEmpty());
    engine.poll(MS + 2_000_000_000L);
    assertEquals(List.of("Failed to join 10.0.0.2:7946: i/o timeout"), results.get(0).errors());
    assertEquals(1, engine.counters().get(SwimCounter.STREAM_TIMEOUTS));
    PushPull reply = new PushPull(false, List.of(state("late", 5, NodeStateType.ALIVE)), new byte[0]);
    engine.onStreamReply(id, read(false, Codec.encodePushPull(reply)), MS + 2_100_000_000L);
    assertNull(engine.memberState("late"), "a late reply is ignored");
  }

  @Test
  void shouldReportRemoteErrorsAndRejectIncompatibleVersions() {
    List<JoinResult> results = new ArrayList<>();
    engine.join(List.of("10.0.0.2:7946", "10.0.0.3:7946"), MS, results::add);
    engine.onStreamReply(
        network.dials.get(0).streamId(),
        read(false, Codec.compress(Codec.encode(new ErrResp("nope")))),
        2 * MS);
    PushNodeState incompatible =
        new PushNodeState(
            "old", new byte[] {10, 0, 0, 9}, 7946, null, 1, NodeStateType.ALIVE,
            new byte[] {1, 5, 2, 1, 1, 1});
    engine.onStreamReply(
        network.dials.get(1).streamId(),
        read(false, Codec.encodePushPull(new PushPull(true, List.of(incompatible), new byte[0]))),
        3 * MS);
    JoinResult result = results.get(0);
    assertEquals(0, result.successes());
    assertEquals("Failed to join 10.0.0.2:7946: remote error: nope", result.errors().get(0));
    assertTrue(result.errors().get(1).contains("delegate protocol version (1) is incompatible"),
        result.errors().get(1));
    assertNull(engine.memberState("old"));
    assertEquals(1, engine.counters().get(SwimCounter.PUSH_PULL_REJECTED));
  }

  @Test
  void shouldLeaveWithADeadMessageFromItselfAndWaitForTheBroadcast() {
    engine.membership().aliveNode(
        new Alive(1, "peer", new byte[] {10, 0, 0, 2}, 7946, null,
            Codec.CKIT_VSN.clone()), null, false, 0);
    engine.broadcasts().reset();
    List<LeaveResult> results = new ArrayList<>();
    engine.leave(Duration.ofSeconds(5), MS, results::add);
    assertTrue(results.isEmpty(), "waits while another node is alive");
    assertEquals(NodeStateType.LEFT, engine.memberState("self"));
    // Gossip sends the dead message until its retransmit limit (4 for two nodes), then it finishes.
    for (int i = 1; i <= 4; i++) {
      engine.gossiper().gossip(MS + i * 200 * MS);
    }
    assertEquals(List.of(new LeaveResult(null)), results);
    var dead = network.drain().get(0).messages().get(0);
    assertEquals(new Dead(1, "self", "self"), dead);

    List<LeaveResult> again = new ArrayList<>();
    engine.leave(Duration.ofSeconds(5), 2000 * MS, again::add);
    assertEquals(List.of(new LeaveResult(null)), again, "a second leave succeeds at once");
  }

  @Test
  void shouldTimeOutALeaveThatCannotBeBroadcast() {
    engine.membership().aliveNode(
        new Alive(1, "peer", new byte[] {10, 0, 0, 2}, 7946, null,
            Codec.CKIT_VSN.clone()), null, false, 0);
    List<LeaveResult> results = new ArrayList<>();
    engine.leave(Duration.ofSeconds(5), MS, results::add);
    engine.poll(MS + 5_000_000_000L);
    assertEquals(List.of(new LeaveResult("timeout waiting for leave broadcast")), results);
  }

  @Test
  void shouldNotWaitToLeaveAnEmptyCluster() {
    List<LeaveResult> results = new ArrayList<>();
    engine.leave(Duration.ofSeconds(5), MS, results::add);
    assertEquals(List.of(new LeaveResult(null)), results);
    assertInstanceOf(SwimSnapshot.class, engine.snapshot());
    assertTrue(engine.snapshot().left());
  }
}
