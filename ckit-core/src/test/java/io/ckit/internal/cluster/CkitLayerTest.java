/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.cluster;

import io.ckit.internal.log.NodeLog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.swim.Member;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.LocalState;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.StateMessage;
import io.ckit.peer.Peer;
import io.ckit.peer.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ckit layer driven directly, without threads or network: Go ckit's state, refutation,
 * push/pull and peer map rules ({@code node.go}), one by one.
 */
class CkitLayerTest {
  private final LamportClock clock = new LamportClock();
  private final NodeMetrics metrics = new NodeMetrics("", clock::now, () -> null, null);
  private final List<List<Peer>> published = new ArrayList<>();
  private final CkitLayer layer = new CkitLayer("node-a", 4, clock, metrics, published::add, NodeLog.node("node-a", System::nanoTime));

  private static Member member(String name, int lastOctet) {
    byte[] ip = {10, 0, 0, (byte) lastOctet};
    return new Member(name, ip, 7946, "10.0.0." + lastOctet + ":7946", null, NodeStateType.ALIVE,
        1, Codec.CKIT_VSN.clone());
  }

  private static byte[] userMessage(String node, State state, long time) {
    return Codec.encodeState(new StateMessage(node, state, time));
  }

  private List<Peer> lastPublished() {
    return published.get(published.size() - 1);
  }

  private void joinAB() {
    layer.notifyJoin(member("node-b", 2));
    layer.notifyJoin(member("node-a", 1));
  }

  /** Sends broadcasts until the queue is empty; returns each distinct message sent, in order. */
  private List<StateMessage> drainBroadcasts() {
    Set<StateMessage> sent = new LinkedHashSet<>();
    for (int round = 0; round < 100 && layer.queuedBroadcasts() > 0; round++) {
      for (byte[] message : layer.getBroadcasts(2, 10_000)) {
        sent.add(Codec.decodeState(message, 0, message.length));
      }
    }
    return new ArrayList<>(sent);
  }

  @Test
  void shouldPublishSortedPeersWithSelfFlagAndAddressOnJoin() {
    joinAB();
    assertEquals(2, published.size(), "one list per change");
    assertEquals(
        List.of(
            new Peer("node-a", "10.0.0.1:7946", true, State.VIEWER),
            new Peer("node-b", "10.0.0.2:7946", false, State.VIEWER)),
        lastPublished());
    assertEquals(2, metrics.events(NodeMetrics.Event.NODE_JOIN));
  }

  @Test
  void shouldTickStoreAndBroadcastAStateChangeUntilItsRetransmitLimit() {
    joinAB();
    AtomicInteger done = new AtomicInteger();
    layer.changeState(State.PARTICIPANT, done::incrementAndGet);

    assertEquals(1, clock.now());
    assertEquals(new StateMessage("node-a", State.PARTICIPANT, 1), layer.peerState("node-a"));
    assertEquals(State.PARTICIPANT, lastPublished().get(0).state(), "stored before it is sent");
    // Two peers: retransmitMult 4 * ceil(log10(3)) = 4 transmissions, then finished.
    for (int i = 0; i < 4; i++) {
      List<byte[]> sent = layer.getBroadcasts(2, 10_000);
      assertEquals(1, sent.size());
      assertArrayEquals(userMessage("node-a", State.PARTICIPANT, 1), sent.get(0));
      assertEquals(i < 3 ? 0 : 1, done.get(), "after transmission " + (i + 1));
    }
    assertEquals(0, layer.queuedBroadcasts());
  }

  @Test
  void shouldFinishAReplacedStateBroadcast() {
    joinAB();
    AtomicInteger first = new AtomicInteger();
    layer.changeState(State.PARTICIPANT, first::incrementAndGet);
    layer.changeState(State.TERMINATING, null);
    assertEquals(1, first.get(), "a newer message about the same node replaces the older");
    assertEquals(List.of(new StateMessage("node-a", State.TERMINATING, 2)), drainBroadcasts());
  }

  @Test
  void shouldAcceptOnlyNewerStatesAndRebroadcastThem() {
    joinAB();
    layer.notifyMsg(userMessage("node-b", State.PARTICIPANT, 5));
    assertEquals(6, clock.now(), "observed 5");
    assertEquals(State.PARTICIPANT, lastPublished().get(1).state());
    assertEquals(1, metrics.stateBroadcasts());

    int lists = published.size();
    layer.notifyMsg(userMessage("node-b", State.PARTICIPANT, 5));
    layer.notifyMsg(userMessage("node-b", State.VIEWER, 4));
    assertEquals(lists, published.size(), "same and older times are ignored");
    assertEquals(1, metrics.stateBroadcasts());
    assertEquals(3, metrics.events(NodeMetrics.Event.STATE_CHANGE));
    assertEquals(List.of(new StateMessage("node-b", State.PARTICIPANT, 5)), drainBroadcasts());
  }

  @Test
  void shouldReplaceAStaleMessageAboutItselfWithItsCurrentState() {
    joinAB();
    layer.changeState(State.PARTICIPANT, null); // time 1
    drainBroadcasts();
    // A previous instance of node-a said "terminating" at time 7.
    layer.notifyMsg(userMessage("node-a", State.TERMINATING, 7));
    assertEquals(9, clock.now(), "observed 7 (-> 8), then ticked");
    StateMessage replacement = new StateMessage("node-a", State.PARTICIPANT, 9);
    assertEquals(replacement, layer.peerState("node-a"));
    assertEquals(State.PARTICIPANT, layer.peers().get(0).state());
    assertEquals(List.of(replacement), drainBroadcasts());
  }

  @Test
  void shouldRefuteACollisionAtTheSameTime() {
    joinAB();
    layer.changeState(State.PARTICIPANT, null); // time 1
    drainBroadcasts();
    layer.notifyMsg(userMessage("node-a", State.PARTICIPANT, 1));
    assertEquals(0, layer.queuedBroadcasts(), "the same message about self is no collision");
    layer.notifyMsg(userMessage("node-a", State.TERMINATING, 1));
    assertEquals(List.of(new StateMessage("node-a", State.PARTICIPANT, 3)), drainBroadcasts());
  }

  @Test
  void shouldNotRefuteACollisionAboutAnotherNode() {
    joinAB();
    layer.notifyMsg(userMessage("node-b", State.PARTICIPANT, 1));
    drainBroadcasts();
    layer.notifyMsg(userMessage("node-b", State.TERMINATING, 1));
    assertEquals(0, layer.queuedBroadcasts());
    assertEquals(State.PARTICIPANT, layer.peerState("node-b").newState());
  }

  @Test
  void shouldCacheStatesOfUnknownNodesAndApplyThemOnJoin() {
    layer.notifyJoin(member("node-a", 1));
    int lists = published.size();
    layer.notifyMsg(userMessage("node-c", State.PARTICIPANT, 3));
    assertEquals(lists, published.size(), "no peer changed");
    layer.notifyJoin(member("node-c", 3));
    assertEquals(new Peer("node-c", "10.0.0.3:7946", false, State.PARTICIPANT),
        lastPublished().get(1));
  }

  @Test
  void shouldForgetALeavingPeerAndItsState() {
    joinAB();
    layer.notifyMsg(userMessage("node-b", State.PARTICIPANT, 3));
    layer.notifyLeave(member("node-b", 2));
    assertEquals(List.of("node-a"), lastPublished().stream().map(Peer::name).toList());
    assertNull(layer.peerState("node-b"));
    layer.notifyJoin(member("node-b", 2));
    assertEquals(State.VIEWER, lastPublished().get(1).state(), "rejoins as a viewer");
    assertEquals(1, metrics.events(NodeMetrics.Event.NODE_LEAVE));
  }

  @Test
  void shouldSendOneStatePerKnownPeerInItsLocalState() {
    joinAB();
    layer.notifyMsg(userMessage("node-b", State.PARTICIPANT, 4));
    layer.notifyMsg(userMessage("node-x", State.PARTICIPANT, 2)); // cached, but not a peer
    byte[] encoded = layer.localState(false);
    LocalState state = Codec.decodeLocalState(encoded, 0, encoded.length);
    assertEquals(clock.now(), state.currentTime());
    List<StateMessage> states = new ArrayList<>(state.nodeStates());
    states.sort(Comparator.comparing(StateMessage::nodeName));
    assertEquals(
        List.of(
            new StateMessage("node-a", State.VIEWER, 0),
            new StateMessage("node-b", State.PARTICIPANT, 4)),
        states);
    assertEquals(1, metrics.events(NodeMetrics.Event.GET_LOCAL_STATE));
  }

  @Test
  void shouldMergeKnownPeersOnlyReplaceSelfAndBroadcastAfterwards() {
    joinAB();
    layer.notifyJoin(member("node-c", 3));
    int lists = published.size();
    byte[] remote =
        Codec.encodeLocalState(
            new LocalState(
                20,
                List.of(
                    new StateMessage("node-b", State.PARTICIPANT, 10),
                    new StateMessage("node-c", State.TERMINATING, 11),
                    new StateMessage("node-z", State.PARTICIPANT, 12),
                    new StateMessage("node-a", State.TERMINATING, 13))));
    layer.mergeRemoteState(remote, false);

    assertEquals(22, clock.now(), "observed 20 (-> 21), then ticked once for self");
    assertEquals(lists + 1, published.size(), "one new list for the whole merge");
    assertEquals(
        List.of(State.VIEWER, State.PARTICIPANT, State.TERMINATING),
        lastPublished().stream().map(Peer::state).toList());
    assertNull(layer.peerState("node-z"), "unknown peers are ignored");
    List<StateMessage> sent = drainBroadcasts();
    sent.sort(Comparator.comparing(StateMessage::nodeName));
    assertEquals(
        List.of(
            new StateMessage("node-a", State.VIEWER, 22),
            new StateMessage("node-b", State.PARTICIPANT, 10),
            new StateMessage("node-c", State.TERMINATING, 11)),
        sent);
    assertEquals(1, metrics.events(NodeMetrics.Event.MERGE_REMOTE_STATE));

    layer.mergeRemoteState(remote, false);
    assertEquals(List.of(), drainBroadcasts(), "the same remote state again holds nothing new");
  }

  @Test
  void shouldDropUnparsableMessagesAsGoDoes() {
    joinAB();
    layer.notifyMsg(new byte[] {0x12, 0x01});
    layer.notifyMsg(new byte[] {0x12, 0x02, 0x01, (byte) 0x80});
    layer.notifyMsg(new byte[] {0x12, 0x01, 0x02, (byte) 0x80});
    assertEquals(0, metrics.events(NodeMetrics.Event.STATE_CHANGE), "parse errors count nothing");
    assertEquals(0, metrics.events(NodeMetrics.Event.UNKNOWN_MESSAGE));
    layer.notifyMsg(new byte[] {0x12, 0x01, 0x01, (byte) 0xC1});
    assertEquals(1, metrics.events(NodeMetrics.Event.STATE_CHANGE), "decode errors are counted");
    layer.mergeRemoteState(new byte[] {(byte) 0xC1}, true);
    assertEquals(0, metrics.events(NodeMetrics.Event.MERGE_REMOTE_STATE));
    assertEquals(0, layer.queuedBroadcasts());
    assertEquals(0, clock.now());
  }

  @Test
  void shouldCountConflictsAndSendNoMeta() {
    layer.notifyConflict(member("node-b", 2), member("node-b", 9));
    assertEquals(1, metrics.events(NodeMetrics.Event.NODE_CONFLICT));
    assertNull(layer.nodeMeta(512));
    assertTrue(published.isEmpty());
  }

  @Test
  void shouldCompleteQueuedChangesOnShutdown() {
    joinAB();
    AtomicInteger done = new AtomicInteger();
    layer.changeState(State.PARTICIPANT, done::incrementAndGet);
    assertTrue(layer.hasOtherPeers());
    layer.shutdown();
    assertEquals(1, done.get());
    assertEquals(0, layer.queuedBroadcasts());
  }
}
