/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

import static io.ckit.internal.swim.MembershipFixture.MS;
import static io.ckit.internal.swim.MembershipFixture.S;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ckit.internal.wire.Alive;
import io.ckit.internal.wire.Codec;
import io.ckit.internal.wire.Dead;
import io.ckit.internal.wire.NodeStateType;
import io.ckit.internal.wire.PushNodeState;
import io.ckit.internal.wire.Suspect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of memberlist's {@code state_test.go} tests of the alive/suspect/dead rules, reaping,
 * merging and protocol verification, on virtual time.
 */
class MembershipTest {
  private static final byte[] VSN = Codec.CKIT_VSN;
  private static final byte[] IP1 = {127, 0, 0, 1};

  private static Alive alive(String node, byte[] addr, int port, int inc, byte[] meta) {
    return new Alive(inc, node, addr, port, meta, VSN.clone());
  }

  private static Alive alive(String node, byte[] addr, int inc) {
    return alive(node, addr, 0, inc, null);
  }

  @Test
  void shouldReapDeadNodesOnlyAfterGossipToTheDeadTime() {
    // TestMemberList_ResetNodes.
    MembershipFixture f =
        new MembershipFixture(
            MembershipFixture.defaultConfig().gossipToTheDead(Duration.ofMillis(100)).build());
    Membership m = f.membership;
    m.aliveNode(alive("test1", new byte[] {127, 0, 0, 1}, 1), null, false, 0);
    m.aliveNode(alive("test2", new byte[] {127, 0, 0, 2}, 1), null, false, 0);
    m.aliveNode(alive("test3", new byte[] {127, 0, 0, 3}, 1), null, false, 0);
    m.deadNode(new Dead(1, "test2", ""), 0);

    m.resetNodes(0);
    assertEquals(3, f.nodes.size());
    assertNotNull(f.nodes.get("test2"), "test2 should not be unmapped");

    m.resetNodes(200 * MS);
    assertEquals(2, f.nodes.size());
    assertNull(f.nodes.get("test2"), "test2 should be unmapped");
  }

  @Test
  void shouldAddNewNodeAliveAndNotifyJoin() {
    // TestMemberList_AliveNode_NewNode.
    MembershipFixture f = new MembershipFixture();
    f.membership.aliveNode(alive("test", IP1, 1), null, false, 5 * S);
    assertEquals(1, f.nodes.size());
    NodeState state = f.nodes.get("test");
    assertEquals(1, state.incarnation);
    assertEquals(NodeStateType.ALIVE, state.state);
    assertEquals(5 * S, state.stateChangeNanos);
    assertEquals(List.of("join:test"), f.events);
    assertInstanceOf(Alive.class, f.onlyQueued().message());
  }

  @Test
  void shouldReviveSuspectOnlyWithNewerIncarnation() {
    // TestMemberList_AliveNode_SuspectNode.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    f.events.clear();
    NodeState state = f.nodes.get("test");
    state.state = NodeStateType.SUSPECT;
    state.stateChangeNanos = -3600 * S;

    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    assertEquals(NodeStateType.SUSPECT, state.state, "update with old incarnation!");

    m.aliveNode(alive("test", IP1, 2), null, false, 10 * S);
    assertEquals(NodeStateType.ALIVE, state.state, "no update with new incarnation!");
    assertEquals(10 * S, state.stateChangeNanos);
    assertTrue(f.events.isEmpty(), "got bad join message");
    assertEquals(1, f.queued.size());
  }

  @Test
  void shouldNotChangeStateTimeOfAliveNode() {
    // TestMemberList_AliveNode_Idempotent.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    f.events.clear();
    NodeState state = f.nodes.get("test");
    long stateTime = state.stateChangeNanos;
    m.aliveNode(alive("test", IP1, 2), null, false, 7 * S);
    assertEquals(NodeStateType.ALIVE, state.state);
    assertEquals(stateTime, state.stateChangeNanos, "should not change state");
    assertTrue(f.events.isEmpty());
    assertEquals(1, f.queued.size(), "expected only one queued message");
  }

  @Test
  void shouldNotifyUpdateWhenMetaChanges() {
    // TestMemberList_AliveNode_ChangeMeta.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 0, 1, bytes("val1")), null, false, 0);
    f.events.clear();
    f.eventNodes.clear();
    m.aliveNode(alive("test", IP1, 0, 2, bytes("val2")), null, false, 0);
    NodeState state = f.nodes.get("test");
    assertArrayEquals(bytes("val2"), state.meta, "meta did not update");
    assertEquals(List.of("update:test"), f.events);
    assertArrayEquals(bytes("val2"), f.eventNodes.get(0).meta());
  }

  @Test
  void shouldRefuteConflictingAliveAboutUs() {
    // TestMemberList_AliveNode_Refute.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("local", IP1, 1), null, true, 0);
    f.resetBroadcasts();
    m.aliveNode(alive("local", IP1, 0, 2, bytes("foo")), null, false, 0);
    NodeState state = f.nodes.get("local");
    assertEquals(NodeStateType.ALIVE, state.state, "should still be alive");
    assertNull(state.meta, "meta should still be nil");
    MembershipFixture.Queued q = f.onlyQueued();
    Alive refutation = assertInstanceOf(Alive.class, q.message());
    assertEquals(3, refutation.incarnation(), "beats the accusation");
    assertEquals("127.0.0.1", q.name(), "memberlist's refute-key quirk: named after our IP");
  }

  @Test
  void shouldIgnoreAddressConflictUnlessTheDeadNodeCanBeReclaimed() {
    // TestMemberList_AliveNode_Conflict (DeadNodeReclaimTime 10 ms).
    MembershipFixture f =
        new MembershipFixture(
            MembershipFixture.defaultConfig().deadNodeReclaimTime(Duration.ofMillis(10)).build());
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 8000, 1, null), null, true, 0);
    f.resetBroadcasts();
    f.events.clear();

    m.aliveNode(alive("test", new byte[] {127, 0, 0, 2}, 9000, 2, bytes("foo")), null, false, 0);
    NodeState state = f.nodes.get("test");
    assertEquals(NodeStateType.ALIVE, state.state);
    assertNull(state.meta);
    assertArrayEquals(IP1, state.addr, "address should not be updated");
    assertEquals(8000, state.port, "port should not be updated");
    assertEquals(0, f.queued.size());
    assertEquals(List.of("conflict:test"), f.events);

    m.deadNode(new Dead(2, "test", ""), 1 * S);
    f.resetBroadcasts();
    assertEquals(NodeStateType.DEAD, state.state);

    m.aliveNode(
        alive("test", new byte[] {127, 0, 0, 2}, 9000, 3, bytes("foo")),
        null,
        false,
        1 * S + 11 * MS);
    assertEquals(NodeStateType.ALIVE, state.state);
    assertArrayEquals(bytes("foo"), state.meta, "meta should be updated");
    assertArrayEquals(new byte[] {127, 0, 0, 2}, state.addr, "address should be updated");
    assertEquals(9000, state.port, "port should be updated");
  }

  @Test
  void shouldNeverReclaimDeadNodesWithCkitDefaults() {
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 8000, 1, null), null, false, 0);
    m.deadNode(new Dead(1, "test", "other"), 1 * S);
    m.aliveNode(alive("test", new byte[] {127, 0, 0, 2}, 9000, 5, null), null, false, 3600 * S);
    NodeState state = f.nodes.get("test");
    assertEquals(NodeStateType.DEAD, state.state);
    assertArrayEquals(IP1, state.addr);
  }

  @Test
  void shouldIgnoreSuspectOfUnknownNode() {
    // TestMemberList_SuspectNode_NoNode.
    MembershipFixture f = new MembershipFixture();
    f.membership.suspectNode(new Suspect(1, "test", ""), 0);
    assertEquals(0, f.nodes.size());
  }

  @Test
  void shouldSuspectThenDeclareDeadAtTheTimeout() {
    // TestMemberList_SuspectNode: ProbeInterval 1 ms, SuspicionMult 1.
    MembershipFixture f =
        new MembershipFixture(
            MembershipFixture.defaultConfig()
                .probeInterval(Duration.ofMillis(1))
                .suspicionMult(1)
                .build());
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    NodeState state = f.nodes.get("test");
    state.stateChangeNanos = -3600 * S;
    m.suspectNode(new Suspect(1, "test", ""), 10 * S);
    assertEquals(NodeStateType.SUSPECT, state.state);
    assertEquals(10 * S, state.stateChangeNanos);
    assertInstanceOf(Suspect.class, f.onlyQueued().message());

    // n = 1: k = 0, so the timer runs for min = 1 × 1 × 1 ms.
    f.timers.runDue(10 * S + 1 * MS - 1);
    assertEquals(NodeStateType.SUSPECT, state.state);
    f.timers.runDue(10 * S + 1 * MS);
    assertEquals(NodeStateType.DEAD, state.state);
    assertEquals(10 * S + 1 * MS, state.stateChangeNanos, "should increment time");
    Dead dead = assertInstanceOf(Dead.class, f.onlyQueued().message());
    assertEquals("local", dead.from());
  }

  @Test
  void shouldNotRestartSuspicionOnRepeatedSuspect() {
    // TestMemberList_SuspectNode_DoubleSuspect.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    NodeState state = f.nodes.get("test");
    Suspect s = new Suspect(1, "test", "");
    m.suspectNode(s, 1 * S);
    assertEquals(NodeStateType.SUSPECT, state.state);
    long change = state.stateChangeNanos;
    f.resetBroadcasts();
    m.suspectNode(s, 2 * S);
    assertEquals(change, state.stateChangeNanos, "unexpected state change");
    assertEquals(0, f.queued.size());
  }

  @Test
  void shouldIgnoreSuspectWithOldIncarnation() {
    // TestMemberList_SuspectNode_OldSuspect.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 10), null, false, 0);
    f.resetBroadcasts();
    m.suspectNode(new Suspect(1, "test", ""), 1 * S);
    assertEquals(NodeStateType.ALIVE, f.nodes.get("test").state);
    assertEquals(0, f.queued.size());
  }

  @Test
  void shouldRefuteSuspicionOfUs() {
    // TestMemberList_SuspectNode_Refute.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("local", IP1, 1), null, true, 0);
    f.resetBroadcasts();
    assertEquals(0, f.awareness.healthScore());
    m.suspectNode(new Suspect(1, "local", ""), 1 * S);
    assertEquals(NodeStateType.ALIVE, f.nodes.get("local").state);
    assertInstanceOf(Alive.class, f.onlyQueued().message());
    assertEquals(1, f.awareness.healthScore(), "health should have been dinged");
  }

  @Test
  void shouldIgnoreDeadOfUnknownNode() {
    // TestMemberList_DeadNode_NoNode.
    MembershipFixture f = new MembershipFixture();
    f.membership.deadNode(new Dead(1, "test", ""), 0);
    assertEquals(0, f.nodes.size());
  }

  @Test
  void shouldMarkLeftAndAllowAddressChangeAfterLeave() {
    // TestMemberList_DeadNodeLeft.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("node1", IP1, 8000, 1, null), null, false, 0);
    m.deadNode(new Dead(1, "node1", "node1"), 1 * S);
    assertEquals(List.of("join:node1", "leave:node1"), f.events);
    NodeState state = f.nodes.get("node1");
    assertEquals(NodeStateType.LEFT, state.state);
    assertInstanceOf(Dead.class, f.onlyQueued().message());

    m.aliveNode(alive("node1", new byte[] {127, 0, 0, 2}, 9000, 3, bytes("foo")), null, false, 2 * S);
    assertEquals(List.of("join:node1", "leave:node1", "join:node1"), f.events);
    assertEquals(NodeStateType.ALIVE, state.state);
    assertArrayEquals(bytes("foo"), state.meta);
    assertArrayEquals(new byte[] {127, 0, 0, 2}, state.addr);
    assertEquals(9000, state.port);
  }

  @Test
  void shouldMarkDeadAndNotifyLeave() {
    // TestMemberList_DeadNode.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    f.events.clear();
    m.deadNode(new Dead(1, "test", ""), 4 * S);
    NodeState state = f.nodes.get("test");
    assertEquals(NodeStateType.DEAD, state.state);
    assertEquals(4 * S, state.stateChangeNanos);
    assertEquals(List.of("leave:test"), f.events);
    assertInstanceOf(Dead.class, f.onlyQueued().message());
  }

  @Test
  void shouldIgnoreSecondDead() {
    // TestMemberList_DeadNode_Double.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 1), null, false, 0);
    m.deadNode(new Dead(1, "test", ""), 1 * S);
    f.resetBroadcasts();
    f.events.clear();
    m.deadNode(new Dead(2, "test", ""), 2 * S);
    assertTrue(f.events.isEmpty(), "should not get leave");
    assertEquals(0, f.queued.size());
  }

  @Test
  void shouldIgnoreDeadWithOldIncarnation() {
    // TestMemberList_DeadNode_OldDead.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test", IP1, 10), null, false, 0);
    m.deadNode(new Dead(1, "test", ""), 1 * S);
    assertEquals(NodeStateType.ALIVE, f.nodes.get("test").state);
  }

  @Test
  void shouldStayDeadOnAliveReplayAtSameIncarnation() {
    // TestMemberList_DeadNode_AliveReplay.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    Alive a = alive("test", IP1, 10);
    m.aliveNode(a, null, false, 0);
    m.deadNode(new Dead(10, "test", ""), 1 * S);
    m.aliveNode(a, null, false, 2 * S);
    assertEquals(NodeStateType.DEAD, f.nodes.get("test").state);
  }

  @Test
  void shouldRefuteDeathOfUs() {
    // TestMemberList_DeadNode_Refute.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("local", IP1, 1), null, true, 0);
    f.resetBroadcasts();
    m.deadNode(new Dead(1, "local", ""), 1 * S);
    assertEquals(NodeStateType.ALIVE, f.nodes.get("local").state);
    assertInstanceOf(Alive.class, f.onlyQueued().message());
    assertEquals(1, f.awareness.healthScore());
  }

  @Test
  void shouldMergeRemoteStatesWithSwimMapping() {
    // TestMemberList_MergeState.
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test1", new byte[] {127, 0, 0, 1}, 1), null, false, 0);
    m.aliveNode(alive("test2", new byte[] {127, 0, 0, 2}, 1), null, false, 0);
    m.aliveNode(alive("test3", new byte[] {127, 0, 0, 3}, 1), null, false, 0);
    m.suspectNode(new Suspect(1, "test1", ""), 0);
    f.events.clear();

    List<PushNodeState> remote =
        List.of(
            push("test1", 1, 2, NodeStateType.ALIVE),
            push("test2", 2, 1, NodeStateType.SUSPECT),
            push("test3", 3, 1, NodeStateType.DEAD),
            push("test4", 4, 2, NodeStateType.ALIVE));
    m.mergeState(remote, 1 * S);

    assertState(f, "test1", NodeStateType.ALIVE, 2);
    assertState(f, "test2", NodeStateType.SUSPECT, 1);
    assertEquals(NodeStateType.SUSPECT, f.nodes.get("test3").state, "dead maps to suspect");
    assertState(f, "test4", NodeStateType.ALIVE, 2);
    assertEquals(List.of("join:test4"), f.events);
  }

  @Test
  void shouldMapRemoteLeftToDeadFromTheNodeItself() {
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.aliveNode(alive("test1", IP1, 1), null, false, 0);
    f.resetBroadcasts();
    m.mergeState(List.of(push("test1", 1, 1, NodeStateType.LEFT)), 1 * S);
    assertEquals(NodeStateType.LEFT, f.nodes.get("test1").state);
    Dead dead = assertInstanceOf(Dead.class, f.onlyQueued().message());
    assertEquals("test1", dead.from());
  }

  private static PushNodeState push(String name, int lastOctet, int inc, NodeStateType state) {
    return new PushNodeState(
        name, new byte[] {127, 0, 0, (byte) lastOctet}, 0, null, inc, state, VSN.clone());
  }

  private static void assertState(MembershipFixture f, String name, NodeStateType state, int inc) {
    NodeState n = f.nodes.get(name);
    assertEquals(state, n.state, name);
    assertEquals(inc, n.incarnation, name);
  }

  @Test
  void shouldVerifyProtocolRanges() {
    // TestVerifyProtocol: {A nodes, B nodes, expected} with [min, max, cur] triples.
    int[][][][] cases = {
      {{{0, 0, 0}}, {{0, 0, 0}}},
      {{{0, 0, 0}}, {{0, 1, 0}}},
      {{{0, 0, 0}}, {{1, 1, 1}}},
      {{{0, 1, 0}, {0, 2, 1}}, {{1, 3, 1}}},
      {{{0, 3, 2}, {0, 2, 0}}, {{0, 2, 1}, {0, 5, 0}}},
    };
    boolean[] expected = {true, true, false, false, true};
    for (int i = 0; i < cases.length; i++) {
      for (boolean core : new boolean[] {true, false}) {
        assertEquals(expected[i], verify(cases[i][0], cases[i][1], core), "case " + i + " A,B");
        assertEquals(expected[i], verify(cases[i][1], cases[i][0], core), "case " + i + " B,A");
      }
    }
  }

  private static boolean verify(int[][] local, int[][] remote, boolean core) {
    MembershipFixture f = new MembershipFixture();
    for (int i = 0; i < local.length; i++) {
      NodeState n = new NodeState("local" + i, IP1, 7946, null);
      n.state = NodeStateType.ALIVE;
      n.setVersions(vsn(local[i], core));
      f.nodes.add(n);
    }
    List<PushNodeState> states = new java.util.ArrayList<>();
    for (int i = 0; i < remote.length; i++) {
      states.add(
          new PushNodeState(
              "node " + i, IP1, 7946, null, 0, NodeStateType.ALIVE, vsn(remote[i], core)));
    }
    return f.membership.verifyProtocol(states) == null;
  }

  private static byte[] vsn(int[] t, boolean core) {
    return core
        ? new byte[] {(byte) t[0], (byte) t[1], (byte) t[2], 0, 0, 0}
        : new byte[] {0, 0, 0, (byte) t[0], (byte) t[1], (byte) t[2]};
  }

  @Test
  void shouldIgnoreAliveWithWrongProtocolVersions() {
    // TestMemberList_ProbeNode_Wrong_VSN: a node announcing [0,0,0,0,0,0] is never added.
    MembershipFixture f = new MembershipFixture();
    f.membership.aliveNode(
        new Alive(1, "test", IP1, 7946, null, new byte[6]), null, false, 0);
    assertNull(f.nodes.get("test"));
    assertEquals(1, f.counters.get(SwimCounter.DROPPED_BAD_VSN));
  }

  @Test
  void shouldTimeSuspicionByClusterSizeAndConfirmations() {
    // TestMemberList_ProbeNode_Suspect_Dogpile: ProbeInterval 100 ms, SuspicionMult 5,
    // SuspicionMaxTimeoutMult 2; {peers, confirmations, expected ms}. Go's test says 604 ms within
    // a 25 ms fudge for two confirmations; the exact value is floor(603.8).
    int[][] cases = {
      {1, 0, 500}, {2, 0, 500}, {3, 0, 500}, {4, 0, 1000}, {5, 0, 1000}, {5, 1, 750},
      {5, 2, 603}, {5, 3, 500}, {5, 4, 500},
    };
    for (int[] c : cases) {
      MembershipFixture f =
          new MembershipFixture(
              MembershipFixture.defaultConfig()
                  .probeInterval(Duration.ofMillis(100))
                  .suspicionMult(5)
                  .suspicionMaxTimeoutMult(2)
                  .build());
      Membership m = f.membership;
      m.setAlive(0);
      for (int j = 0; j < c[0] - 1; j++) {
        m.aliveNode(alive("peer-" + j, new byte[] {10, 0, 0, (byte) (j + 2)}, 1), null, false, 0);
      }
      m.aliveNode(alive("bad", new byte[] {10, 0, 1, 1}, 1), null, false, 0);
      m.suspectNode(new Suspect(1, "bad", "local"), 0);
      assertEquals(NodeStateType.SUSPECT, f.nodes.get("bad").state);
      for (int j = 0; j < c[1]; j++) {
        m.suspectNode(new Suspect(1, "bad", "peer" + j), 0);
      }
      String name = "n=" + (c[0] + 1) + " confirmations=" + c[1];
      f.timers.runDue(c[2] * MS - 1);
      assertEquals(NodeStateType.SUSPECT, f.nodes.get("bad").state, name + ": still suspect");
      f.timers.runDue(c[2] * MS);
      assertEquals(NodeStateType.DEAD, f.nodes.get("bad").state, name + ": dead");
    }
  }

  @Test
  void shouldLeaveWithDeadFromSelfAtCurrentIncarnation() {
    MembershipFixture f = new MembershipFixture();
    Membership m = f.membership;
    m.setAlive(0);
    m.suspectNode(new Suspect(1, "local", "x"), 1 * S); // refute: incarnation 2
    f.resetBroadcasts();
    int[] finished = new int[1];
    assertTrue(m.leave(() -> finished[0]++, 2 * S));
    Dead dead = assertInstanceOf(Dead.class, f.onlyQueued().message());
    assertEquals(new Dead(2, "local", "local"), dead);
    assertEquals(NodeStateType.LEFT, f.nodes.get("local").state);
    // After leaving, alive and suspect messages about us are ignored.
    m.aliveNode(alive("local", IP1, 0, 9, null), null, false, 3 * S);
    m.suspectNode(new Suspect(9, "local", "x"), 3 * S);
    assertEquals(NodeStateType.LEFT, f.nodes.get("local").state);
    f.onlyQueued().finished().run();
    assertEquals(1, finished[0]);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
